'use client';

import type { ComponentProps, ReactNode } from 'react';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import type { Named } from '@/lib/api-types';
import { CategoryCombobox } from './category-combobox';

type A11y = { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string };
/** What every field takes: the control's id, its visible label and the (localized) error under it. */
type FieldProps = { id: string; label: string; error?: string };

/** Label, control and the error right under it, tied together for screen readers. */
export function Field({ id, label, error, children }: FieldProps & { children: (a11y: A11y) => ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({ id, 'aria-invalid': !!error, 'aria-describedby': error ? `${id}-error` : undefined })}
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}

/** A labelled <input>; the rest of the props (react-hook-form's register(), type, …) go to the input. */
export function InputField({ id, label, error, ...input }: FieldProps & Omit<ComponentProps<'input'>, 'id'>) {
  return (
    <Field id={id} label={label} error={error}>
      {(a) => <input {...input} {...a} />}
    </Field>
  );
}

/** A labelled <textarea>. */
export function TextareaField({ id, label, error, ...input }: FieldProps & Omit<ComponentProps<'textarea'>, 'id'>) {
  return (
    <Field id={id} label={label} error={error}>
      {(a) => <textarea {...input} {...a} />}
    </Field>
  );
}

export interface Option {
  value: string | number;
  label: string;
}

/** Options for a fixed list of codes, each shown by its translated label. */
export function enumOptions<K extends string>(values: readonly K[], labels: Partial<Record<K, string>>): Option[] {
  return values.map((v) => ({ value: v, label: labels[v] ?? v }));
}

/** Options for records with an id, shown by their name in the reader's language. */
export function namedOptions<T extends { id: number }>(items: readonly T[], name: (item: T) => string): Option[] {
  return items.map((i) => ({ value: i.id, label: name(i) }));
}

/** A labelled <select>; `empty` (when given) is the text of the leading "nothing chosen" option. */
export function SelectField({
  id,
  label,
  error,
  options,
  empty,
  ...select
}: FieldProps & Omit<ComponentProps<'select'>, 'id' | 'children'> & { options: readonly Option[]; empty?: string }) {
  return (
    <Field id={id} label={label} error={error}>
      {(a) => (
        <select {...select} {...a}>
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

/** The category search-as-you-type box bound to the form's `categoryId`; labelled as a search by default. */
export function CategoryField<F extends FieldValues & { categoryId?: unknown }, C, T>({
  id,
  label,
  error,
  control,
}: Omit<FieldProps, 'label'> & { label?: string; control: Control<F, C, T> }) {
  const { t } = useI18n();
  const name = 'categoryId' as Path<F>;
  return (
    <Field id={id} label={label ?? t.fields.categorySearch} error={error}>
      {(a) => (
        <Controller
          control={control}
          name={name}
          render={({ field }) => (
            <CategoryCombobox
              inputId={a.id}
              invalid={a['aria-invalid']}
              describedBy={a['aria-describedby']}
              value={typeof field.value === 'number' ? field.value : undefined}
              onChange={(v) => field.onChange(v)}
            />
          )}
        />
      )}
    </Field>
  );
}

/**
 * District then street, side by side; the street list is the chosen district's. `district` and
 * `street` are the two register() results, `empty` the "nothing chosen" texts.
 */
export function PlaceFields({
  ids = { district: 'districtId', street: 'streetId' },
  districts,
  streets,
  errors,
  district,
  street,
  empty = { district: '—', street: '—' },
}: {
  ids?: { district: string; street: string };
  districts: readonly Named[];
  streets: readonly Named[];
  errors: { districtId?: { message?: string }; streetId?: { message?: string } };
  district: object;
  street: object;
  empty?: { district: string; street: string };
}) {
  const { t } = useI18n();
  const name = useLocalName();
  return (
    <div className="row">
      {(['district', 'street'] as const).map((k) => (
        <SelectField
          key={k}
          id={ids[k]}
          label={t.fields[k]}
          error={errors[`${k}Id`]?.message}
          empty={empty[k]}
          options={namedOptions(k === 'district' ? districts : streets, name)}
          {...(k === 'district' ? district : street)}
        />
      ))}
    </div>
  );
}

/** react-hook-form helper: '' from an empty input becomes "not given". */
export const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
export const toId = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(v));
