import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Matches } from 'class-validator';

/** Ids are UUIDs or caller-chosen slugs (DESIGN section 3). */
export const ID_PATTERN = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[a-z0-9-]{1,64})$/;
const ID_MESSAGE = '$property must be a UUID or a slug of 1-64 characters a-z, 0-9 and -';

/** `each` checks every element of an array of ids. */
export const IsId = (each = false) =>
  applyDecorators(IsString({ each }), Matches(ID_PATTERN, { message: ID_MESSAGE, each }));

export const RequiredId = (description: string) =>
  applyDecorators(ApiProperty({ description, example: 'kfar-aza' }), IsId());

/** The body may carry its own id; otherwise the server assigns one and returns it. */
export const OptionalId = (description = 'chosen by the caller; assigned by the server when absent') =>
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsId());
