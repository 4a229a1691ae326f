import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject, isObject, ValidateNested } from 'class-validator';
import { EachElement } from './each-element';
import { Optional, Required } from './presence';

const objectChecks = <T>(type: new () => T) => [
  IsObject({ message: '$property must be a JSON object' }),
  ValidateNested(),
  Type(() => type),
];

/** A required nested object validated as its own DTO class. */
export const Nested = <T>(type: new () => T, description?: string) =>
  applyDecorators(ApiProperty({ type, description }), Required(), ...objectChecks(type));

/** An optional nested object validated as its own DTO class when present (never null). */
export const OptionalNested = <T>(type: new () => T, description?: string) =>
  applyDecorators(ApiPropertyOptional({ type, description }), Optional(), ...objectChecks(type));

/** A required list of nested objects, each validated and named on its own (`milestones[0].title`). */
export const NestedList = <T>(type: new () => T, { minItems, maxItems }: { minItems: number; maxItems: number }) =>
  applyDecorators(
    ApiProperty({ type: [type], minItems, maxItems }),
    Required(),
    IsArray({ message: '$property must be an array' }),
    ArrayMinSize(minItems, { message: `$property must hold at least ${minItems} item${minItems === 1 ? '' : 's'}` }),
    ArrayMaxSize(maxItems, { message: `$property must hold at most ${maxItems} items` }),
    EachElement((value, name) => (isObject(value) ? undefined : `${name} must be a JSON object`)),
    ValidateNested({ each: true }),
    Type(() => type),
  );
