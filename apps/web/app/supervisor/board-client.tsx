'use client';

import type { TDeadlineView } from '@hotline/contracts';
import Link from 'next/link';
import { useCallback } from 'react';
import { Countdown, Freshness } from '@/components/live';
import { api } from '@/lib/api';
import { byId, useBureaus } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { useLive } from '@/lib/use-live';
import { ExtensionsPanel } from './supervision-panels';

/** Overdue and due-soon clocks across every bureau, refreshed while the supervisor watches. */
export function BoardClient() {
  const { t } = useI18n();
  const load = useCallback(async () => {
    const [overdue, dueSoon] = await Promise.all([
      api<TDeadlineView[]>('/deadlines/overdue'),
      api<TDeadlineView[]>('/deadlines/due-soon?withinHours=48'),
    ]);
    return { overdue, dueSoon };
  }, []);
  const live = useLive(load);
  return (
    <div className="stack">
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1>{t.board.title}</h1>
        <Freshness updatedAt={live.updatedAt} loading={live.loading} onRefresh={() => void live.refresh()} />
      </div>
      <section className="card" aria-labelledby="overdue-title">
        <h2 id="overdue-title">{t.board.overdue}</h2>
        {live.data ? (
          <DeadlineTable rows={live.data.overdue} caption={t.board.overdue} />
        ) : (
          <p role="status">{t.loading}</p>
        )}
      </section>
      <section className="card" aria-labelledby="duesoon-title">
        <h2 id="duesoon-title">{t.board.dueSoon}</h2>
        {live.data ? (
          <DeadlineTable rows={live.data.dueSoon} caption={t.board.dueSoon} />
        ) : (
          <p role="status">{t.loading}</p>
        )}
      </section>
      <ExtensionsPanel />
    </div>
  );
}

function DeadlineTable({ rows, caption }: { rows: TDeadlineView[]; caption: string }) {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = byId(useBureaus());
  if (!rows.length) return <p className="muted">{t.board.empty}</p>;
  return (
    <div className="table-wrap">
      <table className="data">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t.fields.trackingNumber}</th>
            <th scope="col">{t.fields.bureau}</th>
            <th scope="col">{t.board.clock}</th>
            <th scope="col">{t.fields.due}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/cases/${d.caseId}`}>{d.trackingNumber}</Link>
              </td>
              <td>{d.bureauId ? name(bureaus.get(d.bureauId)) : '—'}</td>
              <td>{t.board.kinds[d.kind] ?? d.kind}</td>
              <td>
                <Countdown due={d.dueAt} start={d.startedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
