import { CommandRoute } from './command-catalogue';

/**
 * One hostile body: the route's good body with one field mutated, sent as raw JSON text (so
 * that `1e999` and `__proto__` reach the server as written), and the field the 400 must name.
 */
export interface BodyMutation {
  /** e.g. `control character U+0007` */
  mutation: string;
  /** The field the refusal must name: `person.email`, `milestones[1].budget.amount`, `(body)`. */
  field: string;
  payload: string;
}

type Segment = string | number;
type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Tokens replaced by raw JSON text after serialisation. */
const RAW = (text: string) => `\u2060raw:${text}\u2060`;
const serialise = (value: unknown) => JSON.stringify(value).replace(/"\u2060raw:([^\u2060]*)\u2060"/g, '$1');

export const pathOf = (segments: Segment[]) =>
  segments.reduce<string>((path, s) => (typeof s === 'number' ? `${path}[${s}]` : path ? `${path}.${s}` : s), '');
/** `milestones[1].title` → `milestones[].title`, as the catalogue names fields. */
const patternOf = (segments: Segment[]) => pathOf(segments).replace(/\[\d+\]/g, '[]');

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A copy of `body` with `change` applied to the container of the last segment. */
function mutated(body: Json, segments: Segment[], change: (container: Record<string | number, unknown>, key: Segment) => void): Json {
  const copy = clone(body);
  let container = copy as unknown as Record<string | number, unknown>;
  for (const segment of segments.slice(0, -1)) container = container[segment] as Record<string | number, unknown>;
  change(container, segments[segments.length - 1]);
  return copy;
}

const setTo = (body: Json, segments: Segment[], value: unknown) =>
  mutated(body, segments, (container, key) => {
    container[key] = value;
  });

/** C0 controls, DEL and a C1 control (NEL), inside the text. */
const CONTROL_CHARACTERS = ['\u0000', '\u0007', '\u001b', '\u007f', '\u0085'];
/** At the end, where trimming could silently drop a vertical tab or form feed instead of refusing it. */
const TRAILING_CONTROL_CHARACTERS = ['\u0000', '\u000b', '\u000c'];
const LONE_SURROGATES: [string, (text: string) => string][] = [
  ['a lone high surrogate at the end', (text) => `${text}\ud800`],
  ['a lone low surrogate at the start', (text) => `\udc00${text}`],
  ['a surrogate pair the wrong way round', (text) => `${text}\udc00\ud800`],
];
const INVALID_DATES = ['2025-02-30', '2025-13-01', '2025-1-1', '2025-01-01T00:00:00Z', '0001-01-01', '9999-12-31'];
const TOO_LONG = 'a'.repeat(10_001);
const TOO_MANY = 1_001;
const hex = (character: string) => `U+${character.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;

/** Every single-field mutation of a route's good body; each must be a 400 naming `field`. */
export function bodyMutations(route: CommandRoute): BodyMutation[] {
  const body = route.body as Json;
  const out: BodyMutation[] = [];
  const has = (list: string[] | undefined, segments: Segment[]) => (list ?? []).includes(patternOf(segments));
  /** Every top-level field of a revision may be left out; inside a field the usual rules hold. */
  const mayBeLeftOut = (segments: Segment[]) => (route.revision && segments.length === 1) || has(route.optional, segments);
  const add = (mutation: string, segments: Segment[], value: Json) => out.push({ mutation, field: pathOf(segments), payload: serialise(value) });
  const replace = (mutation: string, segments: Segment[], value: unknown) => add(mutation, segments, setTo(body, segments, value));

  const visitObject = (segments: Segment[], object: { [key: string]: Json }) => {
    const at = (key: string) => [...segments, key];
    add('an unknown field', at('unexpected'), mutated(body, at('unexpected'), (c, k) => void (c[k] = 1)));
    add('a __proto__ key', at('__proto__'), mutated(body, at('__proto__'), (c, k) =>
      void Object.defineProperty(c, k, { value: { polluted: true }, enumerable: true, configurable: true, writable: true })));
    out.push({
      mutation: 'a constructor.prototype key',
      field: `${pathOf(at('constructor'))}.prototype`,
      payload: serialise(mutated(body, at('constructor'), (c, k) => void (c[k] = { prototype: { polluted: true } }))),
    });
    for (const [key, value] of Object.entries(object)) {
      const child = at(key);
      if (!mayBeLeftOut(child)) add('missing', child, mutated(body, child, (c, k) => void delete c[k]));
      visit(child, value);
    }
  };

  const visit = (segments: Segment[], value: Json) => {
    replace('null', segments, null);
    replace('the literal 1e999 (Infinity)', segments, RAW('1e999'));
    if (Array.isArray(value)) {
      for (const [label, wrong] of [['a string instead of an array', 'x'], ['an object instead of an array', {}], ['a number instead of an array', 42]] as const) {
        replace(label, segments, wrong);
      }
      if (has(route.nonEmpty, segments)) replace('an empty array', segments, []);
      replace(`${TOO_MANY} elements`, segments, Array.from({ length: TOO_MANY }, () => value[0]));
      value.forEach((item, index) => visit([...segments, index], item));
    } else if (typeof value === 'object' && value !== null) {
      for (const [label, wrong] of [['a string instead of an object', 'x'], ['an array instead of an object', []], ['a number instead of an object', 42]] as const) {
        replace(label, segments, wrong);
      }
      visitObject(segments, value);
    } else if (typeof value === 'string') {
      visitString(segments, value);
    } else if (typeof value === 'number') {
      replace('the literal -1e999 (-Infinity)', segments, RAW('-1e999'));
      replace('a string instead of a number', segments, String(value));
      replace('a negative number', segments, -1);
      replace('a fraction', segments, value + 0.5);
      replace('2^53, beyond the safe integers', segments, 2 ** 53);
      replace('1e20', segments, 1e20);
    } else if (typeof value === 'boolean') {
      replace('a string instead of true/false', segments, String(value));
      replace('a number instead of true/false', segments, 1);
    }
  };

  const visitString = (segments: Segment[], value: string) => {
    replace('a number instead of a string', segments, 42);
    replace('an array instead of a string', segments, [value]);
    if (!has(route.mayBeBlank, segments)) {
      replace('blank', segments, '   ');
      replace('empty', segments, '');
      replace('only a no-break space and an ideographic space', segments, '\u00a0\u3000');
    }
    if (!has(route.multiline, segments)) {
      replace('a line break inside one-line text', segments, `${value.slice(0, 1)}\n${value.slice(1)}`);
      replace('a tab inside one-line text', segments, `${value.slice(0, 1)}\t${value.slice(1)}`);
      replace('a line break at the end of one-line text', segments, `${value}\n`);
    }
    for (const character of CONTROL_CHARACTERS) {
      replace(`control character ${hex(character)} inside`, segments, `${value.slice(0, 1)}${character}${value.slice(1)}`);
    }
    for (const character of TRAILING_CONTROL_CHARACTERS) replace(`control character ${hex(character)} at the end`, segments, `${value}${character}`);
    for (const [label, spoil] of LONE_SURROGATES) replace(label, segments, spoil(value));
    replace('10,001 characters', segments, TOO_LONG);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) for (const date of INVALID_DATES) replace(`the date "${date}"`, segments, date);
  };

  visitObject([], body as { [key: string]: Json });
  if (route.revision) out.push({ mutation: 'a revision that changes nothing', field: '(body)', payload: '{}' });
  return out;
}

/** Fields the 400 may name besides the mutated one: a window's end is checked against its start. */
export function coupledFields(field: string): string[] {
  return field.endsWith('window.from') ? [field.replace(/from$/, 'to')] : [];
}
