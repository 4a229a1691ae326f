import { BadRequestException } from '@nestjs/common';
import { FieldProblem, validationFailed } from './validation-pipe';
import { WHOLE_BODY } from '../dto/revision';

/** At most this many problems are listed for one body. */
const MAX_PROBLEMS = 20;

/**
 * Parses a command body: JSON text holding one object, whose numbers are all finite and
 * whose keys cannot reach an object's prototype (`__proto__`, `constructor.prototype`, as
 * Fastify's secure-json-parse refuses them). Anything else is a 400 naming the field, before
 * anything (the request fingerprint, validation) touches the body.
 */
export function parseJsonBody(body: string): Record<string, unknown> {
  // A leading byte-order mark is dropped, as secure-json-parse does.
  const text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  if (text.trim() === '') {
    throw new BadRequestException({ code: 'invalid-json', message: 'the body is empty: send a JSON object' });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 200) : 'unreadable';
    throw new BadRequestException({ code: 'invalid-json', message: `the body is not valid JSON: ${reason}` });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    const got = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
    throw validationFailed([{ field: WHOLE_BODY, problems: [`the body must be a JSON object, not ${got}`] }]);
  }
  const problems = hostileValues(value);
  if (problems.length > 0) throw validationFailed(problems);
  return value as Record<string, unknown>;
}

/** Walks the parsed body without recursion (it may nest deeply) and names every bad value. */
function hostileValues(root: object): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: [unknown, string][] = [[root, '']];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const [value, path] = stack.pop()!;
    if (typeof value === 'number' && !Number.isFinite(value)) {
      problems.push({ field: path, problems: [`${path} must be a finite number (the literal is too large to represent)`] });
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push([value[i], `${path}[${i}]`]);
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i -= 1) {
      const key = keys[i];
      const field = path ? `${path}.${key}` : key;
      const child = (value as Record<string, unknown>)[key];
      if (key === '__proto__') {
        problems.push({ field, problems: [`${field} is not allowed: __proto__ would reach the object's prototype`] });
      } else if (key === 'constructor' && typeof child === 'object' && child !== null && Object.hasOwn(child, 'prototype')) {
        problems.push({ field: `${field}.prototype`, problems: [`${field}.prototype is not allowed: it would reach a prototype`] });
      } else {
        stack.push([child, field]);
      }
    }
  }
  return problems;
}
