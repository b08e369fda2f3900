'use client';

import { fmtTime } from '@/lib/time';
import Link from 'next/link';
import { useCallback, useState } from 'react';
import { api } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';
import { DataTable } from '@/components/data-table';
import { errorMessage } from '@/lib/form-errors';

/** A pending extension request as GET /api/extensions lists it. */
interface PendingExtension {
  id: string;
  caseId: string;
  trackingNumber: string;
  kind: string;
  reason: string;
  previousDueAt: string;
  requestedDueAt: string;
  createdAt: string;
}

export function ExtensionsPanel() {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => api<PendingExtension[]>('/extensions'), []);
  const live = useLive(load, 30_000);
  const decide = async (row: PendingExtension, approve: boolean) => {
    try {
      await api(`/extensions/${row.id}/decision`, { method: 'POST', body: { approve } });
      setMessage(t.caseView.done);
    } catch (e) {
      setMessage(errorMessage(e, t));
    }
    await live.refresh();
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
              <td className="row">
                <button type="button" className="button small" onClick={() => void decide(r, true)}>
                  {t.board.approve}
                </button>
                <button type="button" className="button small secondary" onClick={() => void decide(r, false)}>
                  {t.board.reject}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
