import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { Required } from './presence';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** The years a date of the program may fall in: anything outside is a typo, not a plan. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/** A real calendar date written YYYY-MM-DD (2025-02-30 is refused), from 1990 to 2100. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < FIRST_YEAR || year > LAST_YEAR) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

export function IsIsoDate(): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: isIsoDate,
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property} must be a calendar date written YYYY-MM-DD, from ${FIRST_YEAR} to ${LAST_YEAR}`,
      },
    });
}

export const IsoDate = (example = '2025-01-01') =>
  applyDecorators(
    ApiProperty({ format: 'date', example, description: `a calendar date, YYYY-MM-DD, from ${FIRST_YEAR} to ${LAST_YEAR}` }),
    Required(),
    IsIsoDate(),
  );
