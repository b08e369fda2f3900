'use client';

import { useState } from 'react';
import { FormFrame, useAsyncSubmit } from '@/components/form';
import { client } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import type { FollowUpRow } from '@/lib/api-types';

const OUTCOMES = ['unreachable', 'wrong_number', 'refused', 'call_back_later'] as const;

/** An unsuccessful follow-up call: its outcome, a note and when to try again (optional). */
export function AttemptForm({ row, onDone }: { row: FollowUpRow; onDone: (message: string) => Promise<void> }) {
  const { t } = useI18n();
  const [outcome, setOutcome] = useState<(typeof OUTCOMES)[number]>('unreachable');
  const [note, setNote] = useState('');
  const [retryAt, setRetryAt] = useState('');
  const { busy, error, submit } = useAsyncSubmit();
  const id = (f: string) => `attempt-${row.id}-${f}`;

  const send = submit(async () => {
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
  });

  return (
    <FormFrame
      onSubmit={send}
      className="card"
      style={{ marginTop: '0.5rem' }}
      busy={busy}
      error={error}
      legend={t.desk.attemptFailed}
      submitLabel={t.caseView.send}
    >
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
    </FormFrame>
  );
}
