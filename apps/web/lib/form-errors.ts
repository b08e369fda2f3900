'use client';

import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Path, Resolver, UseFormSetError } from 'react-hook-form';
import { z } from 'zod';
import { fmt, type Messages } from './i18n/messages';
import { ApiError } from './api';

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
 * Puts a server refusal next to the field it names (details like [{path:['description'],…}]
 * or {field: message}); returns the message for the form's banner when no field matches.
 */
export function applyServerErrors<T extends FieldValues>(
  e: unknown,
  setError: UseFormSetError<T>,
  t: Messages,
): string {
  if (!(e instanceof ApiError)) return t.errors.network;
  const details = e.body?.details;
  let placed = false;
  if (Array.isArray(details)) {
    for (const d of details as (string | { path?: (string | number)[]; message?: string; field?: string })[]) {
      // The validation pipe reports "caller.phone: <English message>"; the form already
      // validated with the same schema, so a short message in the reader's language is enough.
      if (typeof d === 'string') {
        const m = /^([\w.]+): /.exec(d);
        if (m?.[1]) {
          setError(m[1] as Path<T>, { type: 'server', message: t.errors.invalid });
          placed = true;
        }
        continue;
      }
      const name = d.path?.join('.') ?? d.field;
      if (name) {
        setError(name as Path<T>, { type: 'server', message: d.message ?? t.errors.invalid });
        placed = true;
      }
    }
  } else if (details && typeof details === 'object') {
    for (const [name, message] of Object.entries(details as Record<string, unknown>)) {
      if (typeof message === 'string') {
        setError(name as Path<T>, { type: 'server', message });
        placed = true;
      }
    }
  }
  if (e.status === 409) return t.errors.conflict;
  if (e.status === 403) return t.errors.forbidden;
  if (e.status >= 500) return t.errors.server;
  return placed ? '' : e.message;
}
