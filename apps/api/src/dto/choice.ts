import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn } from 'class-validator';
import { Optional, Required } from './presence';

const oneOf = (values: readonly string[]) => IsIn(values, { message: `$property must be one of ${values.join(', ')}` });

/** One value of a fixed list (kinds, sides, phases). */
export const OneOf = (values: readonly string[], description?: string) =>
  applyDecorators(ApiProperty({ enum: values, description }), Required(), oneOf(values));

export const OptionalOneOf = (values: readonly string[], description?: string) =>
  applyDecorators(ApiPropertyOptional({ enum: values, description }), Optional(), oneOf(values));

/** true or false when given; never null. */
export const OptionalFlag = (description: string) =>
  applyDecorators(ApiPropertyOptional({ type: Boolean, description }), Optional(), IsBoolean({ message: '$property must be true or false' }));
