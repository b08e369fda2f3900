'use client';

import { useMemo } from 'react';
import { CaseTable } from '@/components/case-table';
import { Pager, useCasePages } from '@/components/case-pager';
import { LiveHeading, Loading } from '@/components/live';
import { useI18n } from '@/lib/i18n/client';

/**
 * Unmatched cases and bureau returns wait here, most urgent first and paged; the case page
 * carries the dispatch actions.
 */
export function QueueClient() {
  const { t } = useI18n();
  const pager = useCasePages(useMemo(() => ({ status: 'awaiting_dispatch,return_review', sort: 'priority' }), []));
  const live = pager.live;
  return (
    <section className="stack" aria-labelledby="queue-title">
      <LiveHeading id="queue-title" live={live} intro={t.queue.intro}>
        {t.queue.title}
      </LiveHeading>
      {live.data ? (
        <>
          <CaseTable items={live.data.items} caption={t.queue.title} showBureau busy={live.loading} />
          <Pager pager={pager} />
        </>
      ) : (
        <Loading />
      )}
    </section>
  );
}
