import { z } from 'zod';

// Building blocks for hostile input (issue "Security hardening"). PostgreSQL refuses NUL
// bytes and dates outside its range, XML cannot carry most C0 control characters, and a
// deeply nested JSON value overflows recursive code. Rather than patching each route, the
// API checks every body, query and path value once at the edge (findHostileInput) and the
// schemas below bound dates and free-form JSON.

/** C0 controls other than tab, line feed and carriage return (NUL included), and DEL. */
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** A UTF-16 surrogate that is not part of a pair: not a character, and not valid UTF-8. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Keys that reach Object.prototype when used as a property name. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** How deep any request value may nest (objects and arrays), and how many values it may hold. */
export const MAX_INPUT_DEPTH = 16;
export const MAX_INPUT_NODES = 20_000;

/** Why a string cannot be stored or shown as text, or null when it can. */
export function unsafeTextReason(s: string): string | null {
  if (s.includes('\u0000')) return 'contains a NUL character';
  if (CONTROL_CHARS.test(s)) return 'contains a control character';
  if (LONE_SURROGATE.test(s)) return 'is not valid Unicode text';
  return null;
}

/** A key is refused when it is one of the prototype names, also as a `name[key]` segment. */
function unsafeKeyReason(key: string): string | null {
  const text = unsafeTextReason(key);
  if (text) return text;
  const segments = key.split(/[[\]]+/).filter(Boolean);
  return segments.some((s) => PROTOTYPE_KEYS.has(s)) ? 'is a reserved name' : null;
}

/**
 * The first problem in a parsed request value (body, query or params), as "where: why", or
 * null when the value is safe to validate further. Iterative, so a hostile depth cannot
 * overflow the stack while checking it.
 */
export function findHostileInput(root: unknown, where: string): string | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value: root, path: where, depth: 0 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, path, depth } = stack.pop()!;
    if (++nodes > MAX_INPUT_NODES) return `${where}: has too many values (max ${MAX_INPUT_NODES})`;
    if (typeof value === 'string') {
      const why = unsafeTextReason(value);
      if (why) return `${path}: ${why}`;
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) return `${path}: is nested too deeply (max ${MAX_INPUT_DEPTH} levels)`;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: `${path}[${i}]`, depth: depth + 1 }));
      continue;
    }
    for (const key of Object.keys(value)) {
      const why = unsafeKeyReason(key);
      if (why) return `${path}: the key "${JSON.stringify(key).slice(1, -1)}" ${why}`;
      stack.push({ value: (value as Record<string, unknown>)[key], path: `${path}.${key}`, depth: depth + 1 });
    }
  }
  return null;
}

// ------------------------------------------------------------------ dates

/** Dates the hotline can mean: PostgreSQL stores more, but year 0000 or 9999 is never a case. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
const yearInRange = (s: string) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_YEAR && year <= MAX_YEAR;
};
const rangeMessage = `Use a date between ${MIN_YEAR} and ${MAX_YEAR}`;

/** An ISO-8601 instant with an offset, in the years the hotline can mean. */
export const instantInRange = (message = 'Use an ISO-8601 date-time, e.g. 2026-11-25T08:00:00+08:00') =>
  z.iso.datetime({ offset: true, message }).refine(yearInRange, rangeMessage);

/** A calendar day (YYYY-MM-DD), in the years the hotline can mean. */
export const dayInRange = (message = 'Use a date like 2026-10-01') =>
  z.iso.date({ message }).refine(yearInRange, rangeMessage);

/** A month (YYYY-MM), in the years the hotline can mean. */
export const monthInRange = (message = 'Use a month like 2026-10') =>
  z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, message)
    .refine(yearInRange, rangeMessage);

// ------------------------------------------------------------------ free-form JSON

/** Free-form answers (a category's extra questions): shallow and small. */
export const MAX_FREE_JSON_DEPTH = 4;
export const MAX_FREE_JSON_CHARS = 16_000;

function depthOf(value: unknown, limit: number): number {
  // Bounded recursion: stops descending once the limit is passed.
  if (value === null || typeof value !== 'object' || limit < 0) return 0;
  let max = 0;
  for (const v of Object.values(value)) max = Math.max(max, depthOf(v, limit - 1));
  return max + 1;
}

/** A JSON object of answers: string keys, at most MAX_FREE_JSON_DEPTH levels, 16,000 characters. */
export const ZFreeJsonRecord = z
  .record(z.string().max(100), z.unknown())
  .refine((v) => depthOf(v, MAX_FREE_JSON_DEPTH) <= MAX_FREE_JSON_DEPTH, {
    message: `Nested too deeply (max ${MAX_FREE_JSON_DEPTH} levels)`,
  })
  .refine((v) => JSON.stringify(v).length <= MAX_FREE_JSON_CHARS, {
    message: `Too large (max ${MAX_FREE_JSON_CHARS} characters as JSON)`,
  });
