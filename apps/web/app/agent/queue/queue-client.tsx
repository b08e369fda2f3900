'use client';

import { useCallback } from 'react';
import { CaseTable } from '@/components/case-table';
import { LiveHeading, Loading } from '@/components/live';
import { api, qs } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import type { CaseSummary, Page } from '@/lib/types';
import { useLive } from '@/lib/use-live';

/** Unmatched cases and bureau returns wait here; the case page carries the dispatch actions. */
export function QueueClient() {
  const { t } = useI18n();
  const load = useCallback(
    () =>
      api<Page<CaseSummary>>(`/cases${qs({ status: 'awaiting_dispatch,return_review', limit: 100 })}`).then(
        (p) => p.items,
      ),
    [],
  );
  const live = useLive(load);
  return (
    <section className="stack" aria-labelledby="queue-title">
      <LiveHeading id="queue-title" live={live}>
        {t.queue.title}
      </LiveHeading>
      <p className="muted">{t.queue.intro}</p>
      {live.data ? <CaseTable items={live.data} caption={t.queue.title} showBureau /> : <Loading />}
    </section>
  );
}
