'use client';

import { useCallback, useState, type ComponentProps, type ReactNode } from 'react';
import { useForm, type DefaultValues, type FieldValues, type UseFormSetError } from 'react-hook-form';
import type { z } from 'zod';
import { applyServerErrors, localizedZodResolver } from '@/lib/form-errors';
import { useI18n } from '@/lib/i18n/client';

/** The form-level message (a refusal that names no field), announced at once. */
export function FormBanner({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="form-error" role="alert">
      {message}
    </p>
  );
}

/**
 * A form the browser does not validate (the zod schema does, in the reader's language): every
 * control is disabled while it submits, the refusal that names no field sits on top and the
 * submit button closes it.
 */
export function FormFrame({
  busy,
  error,
  submitLabel,
  stacked,
  children,
  ...form
}: Omit<ComponentProps<'form'>, 'children'> & {
  busy: boolean;
  error: string | null;
  submitLabel: string;
  /** Fields one under another (the submit button keeps its own width). */
  stacked?: boolean;
  children: ReactNode;
}) {
  const submit = (
    <button type="submit" className="button">
      {submitLabel}
    </button>
  );
  return (
    <form noValidate {...form}>
      <fieldset disabled={busy} className={stacked ? 'stack' : undefined}>
        <FormBanner message={error} />
        {children}
        {stacked ? <div>{submit}</div> : submit}
      </fieldset>
    </form>
  );
}

/**
 * The form's banner message and `fail(e)`, which puts a server refusal next to the fields it
 * names and keeps the rest for the banner.
 */
export function useFormError<F extends FieldValues>(setError: UseFormSetError<F>) {
  const { t } = useI18n();
  const [formError, setFormError] = useState<string | null>(null);
  const fail = useCallback((e: unknown) => setFormError(applyServerErrors(e, setError, t) || null), [setError, t]);
  return { formError, setFormError, fail };
}

/**
 * react-hook-form validated by a contracts schema with messages in the reader's language, plus
 * the banner state of useFormError: what every staff and citizen form starts with.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  defaultValues?: DefaultValues<z.input<S>>,
) {
  const { t } = useI18n();
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: localizedZodResolver(schema, t), defaultValues });
  const banner = useFormError(form.setError);
  return { ...form, errors: form.formState.errors, isSubmitting: form.formState.isSubmitting, ...banner };
}
