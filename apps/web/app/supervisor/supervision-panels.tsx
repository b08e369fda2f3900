'use client';

import { fmtTime } from '@/lib/time';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { invalidateLive, useLive } from '@/lib/use-live';
import { DataTable } from '@/components/data-table';
import { errorMessage } from '@/lib/form-errors';
import type { PendingExtension } from '@/lib/api-types';

/** A pending extension request as GET /api/extensions lists it. */

/**
 * Pending extension requests. Approving or rejecting is a two-step decision: the supervisor
 * confirms it with a comment (sent as the decision's note, shown on the case timeline).
 */
export function ExtensionsPanel() {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const [deciding, setDeciding] = useState<{ id: string; approve: boolean } | null>(null);
  const [note, setNote] = useState('');
  const load = useCallback((): Promise<PendingExtension[]> => ok(client.GET('/api/extensions')), []);
  const live = useLive(load, 30_000);
  const decide = async (row: PendingExtension, approve: boolean) => {
    try {
      await client.POST('/api/extensions/{id}/decision', {
        params: { path: { id: row.id } },
        body: { approve, ...(note.trim() ? { note: note.trim() } : {}) },
      });
      setMessage(t.caseView.done);
      setDeciding(null);
      setNote('');
    } catch (e) {
      setMessage(errorMessage(e, t));
    }
    invalidateLive();
  };
  return (
    <section className="card" aria-labelledby="ext-title">
      <h2 id="ext-title">{t.board.extensions}</h2>
      {message && <p role="status">{message}</p>}
      {!live.data?.length ? (
        <p className="muted">{t.board.empty}</p>
      ) : (
        <DataTable
          headers={[
            t.fields.trackingNumber,
            t.board.previousDue,
            t.board.requestedDue,
            t.fields.reason,
            t.caseView.actions,
          ]}
        >
          {live.data.map((r) => (
            <tr key={r.id}>
              <td>
                <Link href={`/cases/${r.caseId}`}>{r.trackingNumber}</Link>
              </td>
              <td>{fmtTime(r.previousDueAt)}</td>
              <td>{fmtTime(r.requestedDueAt)}</td>
              <td>{r.reason}</td>
              <td>
                {deciding?.id === r.id ? (
                  <div className="stack">
                    <label htmlFor={`ext-note-${r.id}`}>{t.desk.decisionNote}</label>
                    <textarea
                      id={`ext-note-${r.id}`}
                      rows={2}
                      value={note}
                      autoFocus
                      onChange={(e) => setNote(e.target.value)}
                    />
                    <div className="row">
                      <button type="button" className="button small" onClick={() => void decide(r, deciding.approve)}>
                        {deciding.approve ? t.desk.confirmApprove : t.desk.confirmReject}
                      </button>
                      <button type="button" className="button small secondary" onClick={() => setDeciding(null)}>
                        {t.desk.cancel}
                      </button>
                    </div>
                  </div>
                ) : (
                  <div className="row">
                    {[true, false].map((approve) => (
                      <button
                        key={String(approve)}
                        type="button"
                        className={approve ? 'button small' : 'button small secondary'}
                        onClick={() => setDeciding({ id: r.id, approve })}
                      >
                        {approve ? t.board.approve : t.board.reject}
                      </button>
                    ))}
                  </div>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
