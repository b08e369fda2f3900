'use client';

import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { localeOf } from './i18n/error-codes';
import { fmt, type Messages } from './i18n/messages';
import { ApiError } from './api';
import type { TFieldIssue } from '@hotline/contracts';

/**
 * zod speaks English; a Chinese caller must not read "Too small: expected string to have >=5
 * characters". The form shows a message chosen by the issue's code in the user's language.
 */
export function translateIssue(t: Messages, issue: z.core.$ZodIssue): string {
  {
    switch (issue.code) {
      case 'too_small':
        if (issue.origin === 'string')
          return Number(issue.minimum) <= 1
            ? t.errors.required
            : fmt(t.errors.tooShort, { min: Number(issue.minimum) });
        return t.errors.tooSmall;
      case 'too_big':
        return issue.origin === 'string' ? fmt(t.errors.tooLong, { max: Number(issue.maximum) }) : t.errors.tooBig;
      case 'invalid_type':
        return issue.input === undefined || issue.input === null || Number.isNaN(issue.input)
          ? t.errors.required
          : t.errors.invalid;
      case 'invalid_value':
        return t.errors.invalidChoice;
      case 'invalid_format':
        if (issue.format === 'email') return t.errors.invalidEmail;
        if (issue.format === 'regex' && /phone/i.test(String(issue.path.map(String).join('.'))))
          return t.errors.invalidPhone;
        return t.errors.invalid;
      default:
        return t.errors.invalid;
    }
  }
}

/**
 * zodResolver's job (validate the form with the SAME contracts schema the API uses), but
 * every message is chosen by the issue's code in the reader's language: schema-level
 * messages in libs/contracts are English and would otherwise win over any error map.
 */
export function localizedZodResolver<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  t: Messages,
): Resolver<z.input<S>, unknown, z.output<S>> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const key = issue.path.map(String).join('.');
      flat[key] ??= { type: issue.code, message: translateIssue(t, issue) };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}

/**
 * A field refusal from the API (`validation.invalid_input` details: zod's issue code, path and
 * limits) in the reader's language, by the same rules as the form's own check.
 */
export function translateFieldIssue(t: Messages, issue: Partial<TFieldIssue>): string {
  if (!issue.code) return t.errors.invalid;
  // The server does not echo the input; zod's message tells a missing value from a wrong one.
  const missing = issue.code === 'invalid_type' && /received (undefined|null)/.test(issue.message ?? '');
  return translateIssue(t, {
    ...issue,
    path: issue.path ?? [],
    input: missing ? undefined : '',
  } as unknown as z.core.$ZodIssue);
}

/**
 * Puts a server refusal next to the field it names (validation details
 * [{path:['caller','phone'], code:'invalid_format', …}], in the reader's language) and returns
 * the sentence for the form's banner: the refusal said by its code, or nothing when every
 * problem found its field.
 */
export function applyServerErrors<T extends FieldValues>(
  e: unknown,
  setError: UseFormSetError<T>,
  t: Messages,
): string {
  if (!(e instanceof ApiError)) return t.errors.network;
  const details = e.body?.details;
  let placed = false;
  let unplaced = false;
  if (Array.isArray(details)) {
    for (const d of details as (string | (Partial<TFieldIssue> & { field?: string }))[]) {
      // An older API reported "caller.phone: <English message>": place it, in our words.
      if (typeof d === 'string') {
        const m = /^([\w.]+): /.exec(d);
        if (m?.[1]) {
          setError(m[1] as Path<T>, { type: 'server', message: t.errors.invalid });
          placed = true;
        } else unplaced = true;
        continue;
      }
      const name = d.path?.length ? d.path.join('.') : d.field;
      if (name) {
        setError(name as Path<T>, { type: d.code ?? 'server', message: translateFieldIssue(t, d) });
        placed = true;
      } else unplaced = true;
    }
  }
  if (e.code === 'case.version_conflict') return t.errors.conflict;
  return placed && !unplaced && e.code === 'validation.invalid_input' ? '' : e.textIn(localeOf(t));
}

/**
 * Any failure as the reader should read it: an API refusal by its code in `t`'s language,
 * anything else (no network, a broken answer) as the network sentence. Never raw English.
 */
export function errorMessage(e: unknown, t: Messages): string {
  return e instanceof ApiError ? e.textIn(localeOf(t)) : t.errors.network;
}
