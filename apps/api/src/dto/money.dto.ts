import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, Min } from 'class-validator';
import { Optional, Required } from './presence';

interface NumberDoc {
  description?: string;
  example?: number;
  /** What is counted, for the messages ("minor units"). */
  unit?: string;
}

/**
 * A whole number within bounds (money in minor units, years, counts). The JSON parser has
 * already refused literals such as 1e999 that do not parse to a finite number. Checks run in
 * this order and the pipe reports the first that fails, so "abc" is "not a whole number".
 */
function wholeNumber(min: number, max: number, unit?: string) {
  const of = unit ? ` ${unit}` : '';
  return [
    IsInt({ message: `$property must be a whole number${unit ? ` of ${unit} (no fractions)` : ''}` }),
    Min(min, { message: `$property must be at least ${min}${of}` }),
    Max(max, { message: `$property must be at most ${max}${of}` }),
  ];
}

export const WholeNumber = (min: number, max: number, { unit, ...doc }: NumberDoc = {}) =>
  applyDecorators(ApiProperty({ type: 'integer', minimum: min, maximum: max, ...doc }), Required(), ...wholeNumber(min, max, unit));

export const OptionalWholeNumber = (min: number, max: number, { unit, ...doc }: NumberDoc = {}) =>
  applyDecorators(ApiPropertyOptional({ type: 'integer', minimum: min, maximum: max, ...doc }), Optional(), ...wholeNumber(min, max, unit));

const CURRENCY = /^[A-Z]{3}$/;
/** ISO-4217 codes in use, as the runtime's ICU data knows them (XYZ or the placeholder XXX are not). */
export const ISO_4217_CURRENCIES: readonly string[] = Intl.supportedValuesOf('currency');

const Currency = () =>
  applyDecorators(
    ApiProperty({ example: 'USD', pattern: CURRENCY.source }),
    Required(),
    IsString({ message: '$property must be a string' }),
    Matches(CURRENCY, { message: '$property must be an ISO-4217 code such as USD or ILS' }),
    IsIn(ISO_4217_CURRENCIES, { message: '$property must be an ISO-4217 code such as USD or ILS ($value is not one)' }),
  );

/** Integer minor units plus an ISO-4217 currency; never a float. */
export class MoneyDto {
  @WholeNumber(0, Number.MAX_SAFE_INTEGER, { description: 'integer minor units (cents, agorot)', example: 25000000, unit: 'minor units' })
  amount!: number;

  @Currency()
  currency!: string;
}
