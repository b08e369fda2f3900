'use client';

import { useCallback, useState, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import {
  get,
  useForm,
  type DefaultValues,
  type FieldError,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type SubmitHandler,
  type UseFormSetError,
} from 'react-hook-form';
import type { z } from 'zod';
import { ApiError } from '@/lib/api';
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
  legend,
  children,
  ...form
}: Omit<ComponentProps<'form'>, 'children'> & {
  busy: boolean;
  error: string | null;
  submitLabel: string;
  /** Fields one under another (the submit button keeps its own width). */
  stacked?: boolean;
  /** The form's name for screen readers, when no heading names it. */
  legend?: string;
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
        {legend && <legend className="sr-only">{legend}</legend>}
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
  type In = z.input<S>;
  const form = useForm<In, unknown, z.output<S>>({ resolver: localizedZodResolver(schema, t), defaultValues });
  const banner = useFormError(form.setError);
  const { errors, isSubmitting } = form.formState;
  /** A field's id, its error in the reader's words and register(), spread on an InputField/SelectField/…. */
  const bind = <N extends Path<In>>(name: N, id: string, options?: RegisterOptions<In, N>) => ({
    id,
    error: (get(errors, name) as FieldError | undefined)?.message,
    ...form.register(name, options),
  });
  /** What a FormFrame takes from its form: submit through the schema, busy meanwhile, the banner. */
  const frame = (submit: SubmitHandler<z.output<S>>) => ({
    onSubmit: form.handleSubmit(submit),
    busy: isSubmitting,
    error: banner.formError,
  });
  return { ...form, errors, isSubmitting, ...banner, bind, frame };
}

/**
 * A small form kept in component state rather than a schema: `submit(work)` is its onSubmit,
 * busy while `work` runs, and a refusal lands in `error` for the banner.
 */
export function useAsyncSubmit() {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = (work: () => Promise<void>) => (e: FormEvent) => {
    e.preventDefault();
    const run = async () => {
      setBusy(true);
      setError(null);
      try {
        await work();
      } catch (err) {
        setError(err instanceof ApiError ? err.message : t.errors.network);
      } finally {
        setBusy(false);
      }
    };
    void run();
  };
  return { busy, error, setError, submit };
}
