import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, isString, Matches, matches, MaxLength, maxLength, MinLength, minLength } from 'class-validator';
import { EachElement } from './each-element';
import { Optional, Required } from './presence';

/**
 * One line of text: no control character at all (C0, DEL, C1: Unicode category Cc) and no
 * lone surrogate (category Cs, which a `u` regex sees as a code point of its own).
 */
export const ONE_LINE = /^[^\p{Cc}\p{Cs}]*$/u;

/** Free text (descriptions, reasons, notes): as ONE_LINE, but tab and line breaks are fine. */
export const FREE_TEXT = /^(?:[\t\n\r]|[^\p{Cc}\p{Cs}])*$/u;

interface TextKind {
  pattern: RegExp;
  rule: string;
}

/** Names, titles, labels, roles, contacts. */
const SINGLE_LINE: TextKind = { pattern: ONE_LINE, rule: 'one line of text without control characters or lone surrogates' };
/** Reasons, notes and descriptions. */
const MULTI_LINE: TextKind = {
  pattern: FREE_TEXT,
  rule: 'text without control characters (tab and line breaks are allowed) or lone surrogates',
};

const BLANK = '$property must not be empty or only spaces';

/**
 * What is stored is trimmed. A value holding a refused character is left as it is, so that it
 * is refused instead of being cleaned up silently (a name ending in a vertical tab).
 */
const trimmed = (kind: TextKind, value: unknown): unknown =>
  typeof value === 'string' && kind.pattern.test(value) ? value.trim() : value;

function textChecks(kind: TextKind, { min, max }: { min: 0 | 1; max: number }) {
  return [
    Transform(({ value }) => trimmed(kind, value), { toClassOnly: true }),
    IsString({ message: '$property must be a string' }),
    Matches(kind.pattern, { message: `$property must be ${kind.rule}` }),
    ...(min > 0 ? [MinLength(min, { message: BLANK })] : []),
    MaxLength(max, { message: `$property must be at most ${max} characters` }),
  ];
}

/** A name or title: required, one line, trimmed, not blank. */
export const Name = (max: number, example?: string, description?: string) =>
  applyDecorators(ApiProperty({ maxLength: max, example, description }), Required(), ...textChecks(SINGLE_LINE, { min: 1, max }));

export const OptionalName = (max: number, example?: string, description?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength: max, example, description }), Optional(), ...textChecks(SINGLE_LINE, { min: 1, max }));

/** A reason or note: required, trimmed, not blank; may span lines. */
export const Text = (max: number, example?: string) =>
  applyDecorators(ApiProperty({ maxLength: max, example }), Required(), ...textChecks(MULTI_LINE, { min: 1, max }));

export const OptionalText = (max: number, example?: string) =>
  applyDecorators(ApiPropertyOptional({ maxLength: max, example }), Optional(), ...textChecks(MULTI_LINE, { min: 1, max }));

/** Free text that may also be empty (a need recorded with a title only); trimmed. */
export const LongText = (max: number, example?: string) =>
  applyDecorators(ApiProperty({ maxLength: max, example }), Required(), ...textChecks(MULTI_LINE, { min: 0, max }));

/**
 * One line of text under a stricter rule of its own (an e-mail address, a phone number):
 * trimmed and free of control characters and lone surrogates before that rule applies.
 */
export const OneLine = () =>
  applyDecorators(
    Transform(({ value }) => trimmed(SINGLE_LINE, value), { toClassOnly: true }),
    IsString({ message: '$property must be a string' }),
    Matches(ONE_LINE, { message: `$property must be ${SINGLE_LINE.rule}` }),
  );

/** The problem of one name in a list (`aliases[1] must not be empty or only spaces`). */
function nameProblem(max: number) {
  return (value: unknown, name: string): string | undefined => {
    if (!isString(value)) return `${name} must be a string`;
    if (!matches(value, ONE_LINE)) return `${name} must be ${SINGLE_LINE.rule}`;
    if (!minLength(value, 1)) return `${name} must not be empty or only spaces`;
    if (!maxLength(value, max)) return `${name} must be at most ${max} characters`;
    return undefined;
  };
}

/** An optional list of names (aliases), each trimmed and checked like a Name. */
export const OptionalNameList = (maxItems: number, max: number, example?: string[]) =>
  applyDecorators(
    ApiPropertyOptional({ type: [String], maxItems, example, description: `each one line of at most ${max} characters` }),
    Optional(),
    Transform(({ value }) => (Array.isArray(value) ? value.map((item) => trimmed(SINGLE_LINE, item)) : value), { toClassOnly: true }),
    IsArray({ message: '$property must be an array of strings' }),
    ArrayMaxSize(maxItems, { message: `$property must hold at most ${maxItems} names` }),
    EachElement(nameProblem(max)),
  );

const CODE = /^[a-z0-9-]{1,64}$/;

/** A code from a configurable list (sectors): checked against the program terms by the domain. */
export const Code = (description: string, example: string) =>
  applyDecorators(
    ApiProperty({ description, example, pattern: CODE.source }),
    Required(),
    IsString({ message: '$property must be a string' }),
    Matches(CODE, { message: '$property must be a code of 1-64 characters a-z, 0-9 and -' }),
  );
