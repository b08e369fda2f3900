'use client';

import { useBureaus } from '@/lib/catalogue';
import { useLocalName } from '@/lib/i18n/client';

/** Pick several bureaus: a labelled group of checkboxes (Tab / Space), value is a list of ids. */
export function BureauCheckboxes({
  id,
  legend,
  value,
  onChange,
  exclude,
  error,
}: {
  id: string;
  legend: string;
  value: number[] | undefined;
  onChange: (ids: number[]) => void;
  /** The lead bureau is not offered as its own assistant. */
  exclude?: number;
  error?: string;
}) {
  const name = useLocalName();
  const bureaus = useBureaus().filter((b) => b.id !== exclude);
  const chosen = new Set(value ?? []);
  return (
    <fieldset
      className="field"
      id={id}
      aria-invalid={!!error}
      aria-describedby={error ? `${id}-error` : undefined}
      style={{ border: '1px solid #d0d7de', borderRadius: 6, padding: '0.5rem 0.75rem' }}
    >
      <legend>{legend}</legend>
      <div style={{ maxHeight: '10rem', overflowY: 'auto', display: 'flex', flexWrap: 'wrap', gap: '0 1rem' }}>
        {bureaus.map((b) => (
          <label key={b.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(b.id)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(b.id);
                else next.delete(b.id);
                onChange([...next]);
              }}
            />{' '}
            {name(b)}
          </label>
        ))}
      </div>
      {error && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </fieldset>
  );
}
