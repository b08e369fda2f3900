'use client';

import { useCallback } from 'react';
import { CaseTable } from '@/components/case-table';
import { Freshness } from '@/components/live';
import { api, ApiError, qs } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import type { CaseSummary, Page } from '@/lib/types';
import { useLive } from '@/lib/use-live';
import { ExtensionsPanel, NoticesPanel } from './supervision-panels';

/** Overdue and due-soon cases across every bureau, refreshed while the supervisor watches. */
export function BoardClient() {
  const { t } = useI18n();
  const load = useCallback(async () => {
    const list = (flag: string) =>
      api<Page<CaseSummary>>(`/cases${qs({ flag, limit: 100 })}`)
        .then((p) => p.items)
        .catch((e: unknown) => {
          if (e instanceof ApiError && e.status === 401) throw e;
          return [] as CaseSummary[];
        });
    const [overdue, dueSoon] = await Promise.all([list('overdue'), list('warning')]);
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
          <CaseTable items={live.data.overdue} caption={t.board.overdue} showBureau />
        ) : (
          <p role="status">{t.loading}</p>
        )}
      </section>
      <section className="card" aria-labelledby="duesoon-title">
        <h2 id="duesoon-title">{t.board.dueSoon}</h2>
        {live.data ? (
          <CaseTable items={live.data.dueSoon} caption={t.board.dueSoon} showBureau />
        ) : (
          <p role="status">{t.loading}</p>
        )}
      </section>
      <ExtensionsPanel />
      <NoticesPanel />
    </div>
  );
}
