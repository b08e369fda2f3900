'use client';

import { useMemo } from 'react';
import { CaseTable } from '@/components/case-table';
import { Pager, useCasePages } from '@/components/case-pager';
import { LiveHeading, Loading } from '@/components/live';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import { invalidateLive } from '@/lib/use-live';
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
      <ExtensionsPanel />
    </div>
  );
}
