import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, isString, Matches, matches } from 'class-validator';
import { EachElement } from './each-element';
import { Optional, Required } from './presence';

/** Ids are UUIDs or caller-chosen slugs (DESIGN section 3). */
export const ID_PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]{1,64})$/;
const ID_RULE = 'must be a UUID or a slug of 1-64 characters a-z, 0-9 and -';

const idChecks = () => [IsString({ message: '$property must be a string' }), Matches(ID_PATTERN, { message: `$property ${ID_RULE}` })];

export const RequiredId = (description: string, example = 'kfar-aza') =>
  applyDecorators(ApiProperty({ description, example, pattern: ID_PATTERN.source }), Required(), ...idChecks());

/** The body may carry its own id; otherwise the server assigns one and returns it. */
export const OptionalId = (description = 'chosen by the caller; assigned by the server when absent', example?: string) =>
  applyDecorators(ApiPropertyOptional({ description, example, pattern: ID_PATTERN.source }), Optional(), ...idChecks());

/** An optional list of ids, each checked and named on its own (`communityIds[2]`). */
export const OptionalIdList = (description: string, { minItems, maxItems }: { minItems: number; maxItems: number }) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], description, minItems, maxItems }),
    Optional(),
    IsArray({ message: '$property must be an array of ids' }),
    ArrayMinSize(minItems, { message: `$property must hold at least ${minItems} id${minItems === 1 ? '' : 's'}` }),
    ArrayMaxSize(maxItems, { message: `$property must hold at most ${maxItems} ids` }),
    EachElement((value, name) => {
      if (!isString(value)) return `${name} must be a string`;
      return matches(value, ID_PATTERN) ? undefined : `${name} ${ID_RULE}`;
    }),
  );
