'use client';

import type { ReactNode } from 'react';

/** Label, control and the error right under it, tied together for screen readers. */
export function Field({
  id,
  label,
  error,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  children: (a11y: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
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

/** react-hook-form helper: '' from an empty input becomes "not given". */
export const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
export const toId = (v: unknown) => (v === '' || v === undefined || v === null ? undefined : Number(v));
