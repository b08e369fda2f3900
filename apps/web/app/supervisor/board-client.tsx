'use client';

import type { TDeadlineView } from '@hotline/contracts';
import Link from 'next/link';
import { useCallback, useMemo } from 'react';
import { CaseTable } from '@/components/case-table';
import { Pager, useCasePages } from '@/components/case-pager';
import { DataTable } from '@/components/data-table';
import { Countdown, LiveHeading, Loading } from '@/components/live';
import { client, ok } from '@/lib/api';
import { byId, useBureaus } from '@/lib/catalogue';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { invalidateLive, useLive } from '@/lib/use-live';
import { ExtensionsPanel } from './supervision-panels';

/** Open cases only: a closed case is never on the board, however late it closed. */
const OPEN = 'dispatched,in_progress,return_review';

/**
 * Overdue and due-soon cases across every bureau, most urgent first (the API's
 * `sort=priority`), each list paged with its total, refreshed while the supervisor watches.
 */
export function BoardClient() {
  const { t } = useI18n();
  const overdue = useCasePages(useMemo(() => ({ flag: 'overdue', status: OPEN, sort: 'priority' }), []));
  const dueSoon = useCasePages(useMemo(() => ({ flag: 'warning', status: OPEN, sort: 'priority' }), []));
  return (
    <div className="stack">
      <LiveHeading live={overdue.live} onRefresh={invalidateLive}>
        {t.board.title}
      </LiveHeading>
      {(
        [
          ['overdue-title', t.board.overdue, overdue],
          ['duesoon-title', t.board.dueSoon, dueSoon],
        ] as const
      ).map(([id, title, pager]) => (
        <section key={id} className="card" aria-labelledby={id} data-testid={id}>
          <h2 id={id}>
            {pager.live.data?.total !== undefined
              ? fmt(t.desk.count, { label: title, n: pager.live.data.total })
              : title}
          </h2>
          {pager.live.data ? (
            <>
              <CaseTable items={pager.live.data.items} caption={title} showBureau busy={pager.live.loading} />
              <Pager pager={pager} />
            </>
          ) : (
            <Loading />
          )}
        </section>
      ))}
      <NoticeClocks />
      <ExtensionsPanel />
    </div>
  );
}

/**
 * The clocks of supervision notices (督办) that are overdue or due within 48 hours: the case
 * lists above follow the cases' own accept/reply clocks, not the notices' reply-by times.
 */
async function loadNoticeClocks(): Promise<TDeadlineView[]> {
  const [overdue, dueSoon]: TDeadlineView[][] = await Promise.all([
    ok(client.GET('/api/deadlines/overdue', { params: { query: { limit: 500 } } })),
    ok(client.GET('/api/deadlines/due-soon', { params: { query: { withinHours: 48, limit: 500 } } })),
  ]);
  const seen = new Set<string>();
  return [...overdue, ...dueSoon].filter((d) => d.kind === 'supervision' && !seen.has(d.id) && seen.add(d.id));
}

function NoticeClocks() {
  const { t } = useI18n();
  const name = useLocalName();
  const bureaus = byId(useBureaus());
  const live = useLive(useCallback(loadNoticeClocks, []), 30_000);
  const rows = live.data;
  return (
    <section className="card" aria-labelledby="notice-clocks-title" data-testid="notice-clocks-title">
      <h2 id="notice-clocks-title">
        {rows ? fmt(t.desk.count, { label: t.board.noticeClocks, n: rows.length }) : t.board.noticeClocks}
      </h2>
      {!rows ? (
        <Loading />
      ) : !rows.length ? (
        <p className="muted">{t.board.empty}</p>
      ) : (
        <DataTable
          caption={t.board.noticeClocks}
          headers={[t.fields.trackingNumber, t.fields.bureau, t.board.noticeDue]}
        >
          {rows.map((d) => (
            <tr key={d.id}>
              <td>
                <Link href={`/cases/${d.caseId}`}>{d.trackingNumber}</Link>
              </td>
              <td>{d.bureauId ? name(bureaus.get(d.bureauId)) : '—'}</td>
              <td>
                <Countdown due={d.dueAt} start={d.startedAt} clock={d.pausedAt ? 'paused' : 'running'} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
