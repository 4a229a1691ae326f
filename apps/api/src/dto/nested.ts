import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, ValidateNested } from 'class-validator';

/** A required nested object validated as its own DTO class. */
export const Nested = <T>(type: new () => T, description?: string) =>
  applyDecorators(
    ApiProperty({ type, description }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );

/** An optional nested object validated as its own DTO class when present. */
export const OptionalNested = <T>(type: new () => T, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ type, description }),
    IsOptional(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
