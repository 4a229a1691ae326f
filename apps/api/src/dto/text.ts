import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

/** No control characters except tab and newlines; lone surrogates are refused too. */
const PRINTABLE = /^(?:[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;

export const Text = (max: number, example?: string) =>
  applyDecorators(
    ApiProperty({ maxLength: max, example }),
    IsString(),
    Length(1, max),
    Matches(PRINTABLE, { message: '$property must be text without control characters' }),
  );

export const OptionalText = (max: number, example?: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max, example }),
    IsOptional(),
    IsString(),
    Length(1, max),
    Matches(PRINTABLE, { message: '$property must be text without control characters' }),
  );

/** A code from a configurable list (sectors): checked against the program terms by the domain. */
export const Code = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description, example }),
    IsString(),
    Matches(/^[a-z0-9-]{1,64}$/, { message: '$property must be a code of a-z, 0-9 and -' }),
  );

/** Free text that may also be empty (a need recorded with a title only). */
export const LongText = (max: number, example?: string) =>
  applyDecorators(
    ApiProperty({ maxLength: max, example }),
    IsString(),
    Length(0, max),
    Matches(PRINTABLE, { message: '$property must be text without control characters' }),
  );
