import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, ValidateNested } from 'class-validator';

/** A required nested object validated as its own DTO class. */
export const Nested = <T>(type: new () => T, description?: string) =>
  applyDecorators(
    ApiProperty({ type, description }),
    IsDefined(),
    IsObject(),
    ValidateNested(),
    Type(() => type),
  );
