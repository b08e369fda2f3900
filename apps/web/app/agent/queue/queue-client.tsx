'use client';

import { useCallback } from 'react';
import { CaseTable } from '@/components/case-table';
import { Freshness } from '@/components/live';
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
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 id="queue-title">{t.queue.title}</h1>
        <Freshness updatedAt={live.updatedAt} loading={live.loading} onRefresh={() => void live.refresh()} />
      </div>
      <p className="muted">{t.queue.intro}</p>
      {live.data ? (
        <CaseTable items={live.data} caption={t.queue.title} showBureau />
      ) : (
        <p role="status">{t.loading}</p>
      )}
    </section>
  );
}
