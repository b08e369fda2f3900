'use client';

import { useState, type FormEvent } from 'react';
import { FormBanner } from '@/components/form';
import { ApiError, client } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import type { FollowUpRow } from './follow-ups-client';

const OUTCOMES = ['unreachable', 'wrong_number', 'refused', 'call_back_later'] as const;

/** An unsuccessful follow-up call: its outcome, a note and when to try again (optional). */
export function AttemptForm({ row, onDone }: { row: FollowUpRow; onDone: (message: string) => Promise<void> }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('unreachable');
  const [note, setNote] = useState('');
  const [retryAt, setRetryAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = (f: string) => `attempt-${row.id}-${f}`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await client.POST('/api/cases/{id}/follow-up-attempts', {
        params: { path: { id: row.id } },
        body: {
          version: row.version,
          outcome,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(retryAt ? { retryAt: new Date(retryAt).toISOString() } : {}),
        },
      });
      await onDone(fmt(t.desk.attemptSaved, { o: t.desk.outcomes[outcome] ?? outcome }));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t.errors.network);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="card" style={{ marginTop: '0.5rem' }} noValidate>
      <fieldset disabled={busy}>
        <legend className="sr-only">{t.desk.attemptFailed}</legend>
        <FormBanner message={error} />
        <div className="field">
          <label htmlFor={id('outcome')}>{t.desk.outcome}</label>
          <select
            id={id('outcome')}
            value={outcome}
            autoFocus
            onChange={(e) => setOutcome(e.target.value as (typeof OUTCOMES)[number])}
          >
            {OUTCOMES.map((o) => (
              <option key={o} value={o}>
                {t.desk.outcomes[o]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('note')}>{t.desk.attemptNote}</label>
          <textarea id={id('note')} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor={id('retry')}>{t.desk.retryAt}</label>
          <input id={id('retry')} type="datetime-local" value={retryAt} onChange={(e) => setRetryAt(e.target.value)} />
        </div>
        <button type="submit" className="button">
          {t.caseView.send}
        </button>
      </fieldset>
    </form>
  );
}
