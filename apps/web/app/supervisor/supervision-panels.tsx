'use client';

import Link from 'next/link';
import { useCallback, useState } from 'react';
import { api, ApiError } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';

// The deadlines API (extensions, supervision notices) is being built in parallel; these
// panels read its lists and show "nothing here" until the routes answer.
// TODO(contracts): switch to the deadline.schemas.ts types and decision schema once landed.

interface ExtensionRow {
  id: string | number;
  caseId: string;
  trackingNumber?: string;
  days?: number;
  requestedDays?: number;
  reason: string;
  status?: string;
  requestedAt?: string;
}

interface NoticeRow {
  id: string | number;
  caseId: string;
  trackingNumber?: string;
  demand?: string;
  dueAt?: string | null;
  status?: string;
  issuedAt?: string;
}

function listOf<T>(r: T[] | { items: T[] }): T[] {
  return Array.isArray(r) ? r : r.items;
}

const softList = <T,>(path: string) =>
  api<T[] | { items: T[] }>(path)
    .then(listOf)
    .catch((e: unknown) => {
      if (e instanceof ApiError && e.status === 401) throw e;
      return [] as T[];
    });

export function ExtensionsPanel() {
  const { t } = useI18n();
  const [message, setMessage] = useState<string | null>(null);
  const load = useCallback(() => softList<ExtensionRow>('/extensions?status=pending'), []);
  const live = useLive(load, 30_000);
  const decide = async (row: ExtensionRow, approve: boolean) => {
    try {
      await api(`/extensions/${row.id}/decision`, { method: 'POST', body: { approve } });
      setMessage(t.caseView.done);
    } catch (e) {
      setMessage(e instanceof ApiError ? e.message : t.errors.network);
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
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t.fields.trackingNumber}</th>
              <th scope="col">{t.fields.days}</th>
              <th scope="col">{t.fields.reason}</th>
              <th scope="col">{t.caseView.actions}</th>
            </tr>
          </thead>
          <tbody>
            {live.data.map((r) => (
              <tr key={String(r.id)}>
                <td>
                  <Link href={`/cases/${r.caseId}`}>{r.trackingNumber ?? r.caseId.slice(0, 8)}</Link>
                </td>
                <td>{r.days ?? r.requestedDays}</td>
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
          </tbody>
        </table>
      )}
    </section>
  );
}

export function NoticesPanel() {
  const { t } = useI18n();
  const load = useCallback(() => softList<NoticeRow>('/supervision-notices'), []);
  const live = useLive(load, 30_000);
  return (
    <section className="card" aria-labelledby="notices-title">
      <h2 id="notices-title">{t.board.notices}</h2>
      {!live.data?.length ? (
        <p className="muted">{t.board.empty}</p>
      ) : (
        <ul>
          {live.data.map((n) => (
            <li key={String(n.id)}>
              <Link href={`/cases/${n.caseId}`}>{n.trackingNumber ?? n.caseId.slice(0, 8)}</Link> {n.demand}
              {n.dueAt ? ` · ${new Date(n.dueAt).toLocaleString()}` : ''}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
