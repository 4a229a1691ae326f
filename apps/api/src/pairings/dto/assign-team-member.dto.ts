import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { OptionalId } from '../../dto/id';
import { Nested } from '../../dto/nested';
import { Text } from '../../dto/text';

export const TEAM_SIDES = ['israeli', 'global', 'agency'] as const;

/** Personal data: kept in the person store, never in events (which carry only a person id). */
export class PersonDto {
  @Text(200, 'Dana Levi')
  name!: string;

  @ApiPropertyOptional({ example: 'dana@example.org' })
  @IsOptional()
  @IsEmail()
  @Length(3, 254)
  email?: string;

  @ApiPropertyOptional({ example: '+972-50-000-0000' })
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,30}$/, { message: 'phone must be digits, spaces, ( ) - and an optional leading +' })
  phone?: string;
}

export class AssignTeamMemberDto {
  @OptionalId('the team member id (not the person)')
  id?: string;

  @ApiProperty({ enum: TEAM_SIDES })
  @IsIn(TEAM_SIDES)
  side!: (typeof TEAM_SIDES)[number];

  @Text(100, 'community coordinator')
  role!: string;

  @Nested(PersonDto)
  person!: PersonDto;
}
