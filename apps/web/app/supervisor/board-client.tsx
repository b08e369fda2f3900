'use client';

import type { TDeadlineView } from '@hotline/contracts';
import Link from 'next/link';
import { useCallback } from 'react';
import { DataTable } from '@/components/data-table';
import { Countdown, LiveHeading, Loading } from '@/components/live';
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
      <LiveHeading live={live}>{t.board.title}</LiveHeading>
      {(
        [
          ['overdue-title', t.board.overdue, live.data?.overdue],
          ['duesoon-title', t.board.dueSoon, live.data?.dueSoon],
        ] as const
      ).map(([id, title, rows]) => (
        <section key={id} className="card" aria-labelledby={id}>
          <h2 id={id}>{title}</h2>
          {rows ? <DeadlineTable rows={rows} caption={title} /> : <Loading />}
        </section>
      ))}
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
    <DataTable caption={caption} headers={[t.fields.trackingNumber, t.fields.bureau, t.board.clock, t.fields.due]}>
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
    </DataTable>
  );
}
