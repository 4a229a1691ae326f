import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { isEmail, Matches, MaxLength, registerDecorator, ValidationArguments } from 'class-validator';
import { OneOf } from '../../dto/choice';
import { OptionalId } from '../../dto/id';
import { Nested } from '../../dto/nested';
import { Optional } from '../../dto/presence';
import { Name, ONE_LINE, OneLine } from '../../dto/text';

export const TEAM_SIDES = ['israeli', 'global', 'agency'] as const;

/**
 * validator.js's isEmail throws a URIError on a lone surrogate (it measures bytes with
 * encodeURI), so it only ever sees text that is one well-formed line.
 */
function IsEmailAddress(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isEmailAddress',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => typeof value === 'string' && ONE_LINE.test(value) && isEmail(value),
        defaultMessage: (args?: ValidationArguments) => `${args?.property} must be an e-mail address`,
      },
    });
}

const Email = () =>
  applyDecorators(
    ApiPropertyOptional({ example: 'dana@example.org', maxLength: 254 }),
    Optional(),
    OneLine(),
    MaxLength(254, { message: 'email must be at most 254 characters' }),
    IsEmailAddress(),
  );

const PHONE = /^\+?[0-9 ()-]{6,30}$/;

const Phone = () =>
  applyDecorators(
    ApiPropertyOptional({ example: '+972-50-000-0000', pattern: PHONE.source }),
    Optional(),
    OneLine(),
    Matches(PHONE, { message: 'phone must be 6-30 digits, spaces, ( ) - and an optional leading +' }),
  );

/** Personal data: kept in the person store, never in events (which carry only a person id). */
export class PersonDto {
  @Name(200, 'Dana Levi')
  name!: string;

  @Email()
  email?: string;

  @Phone()
  phone?: string;
}

export class AssignTeamMemberDto {
  @OptionalId('the team member id (not the person)')
  id?: string;

  @OneOf(TEAM_SIDES)
  side!: (typeof TEAM_SIDES)[number];

  @Name(100, 'community coordinator')
  role!: string;

  @Nested(PersonDto)
  person!: PersonDto;
}
