import { applyDecorators } from '@nestjs/common';
import { IsDefined, ValidateIf, ValidationArguments } from 'class-validator';

const missingOrNull = ({ property, value }: ValidationArguments) =>
  value === null ? `${property} must not be null` : `${property} is required`;

/**
 * A field the body must carry. An explicit `null` is refused like a missing field: no field
 * of a command body is clearable, so `null` never means "remove".
 */
export const Required = () => IsDefined({ message: missingOrNull });

/**
 * A field that may be left out; when present it is checked like a required one, so an
 * explicit `null` is refused with a 400 naming the field (unlike class-validator's
 * `@IsOptional`, which lets `null` through).
 */
export const Optional = () =>
  applyDecorators(
    ValidateIf((_object: object, value: unknown) => value !== undefined),
    IsDefined({ message: ({ property }: ValidationArguments) => `${property} must not be null (leave it out instead)` }),
  );
