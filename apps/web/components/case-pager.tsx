'use client';

import { useCallback, useState } from 'react';
import { client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import { fmt } from '@/lib/i18n/messages';
import type { CaseListQuery, CasePage } from '@/lib/api-types';
import { useLive } from '@/lib/use-live';

export type Query = Record<string, string | number | boolean | undefined | null>;

/** How many cases one page of a queue shows. */
export const PAGE_SIZE = 50;

/**
 * One page of `GET /api/cases` for a filter, polled live. Pages go forward by the API's
 * cursor and back by the cursors already seen; a new filter starts again at page 1 (the
 * caller passes a stable `query` object per filter, e.g. from useMemo).
 */
export function useCasePages(query: Query, intervalMs = 15_000) {
  const key = JSON.stringify(query);
  const [state, setState] = useState<{ key: string; cursors: (string | null)[] }>({ key, cursors: [null] });
  // A different filter: back to the first page (during render, so no stale cursor is fetched).
  const cursors = state.key === key ? state.cursors : [null];
  if (state.key !== key) setState({ key, cursors });
  const cursor = cursors[cursors.length - 1] ?? null;
  const load = useCallback(
    (): Promise<CasePage> =>
      ok(
        client.GET('/api/cases', {
          params: { query: { ...(JSON.parse(key) as CaseListQuery), limit: PAGE_SIZE, cursor: cursor ?? undefined } },
        }),
      ),
    [key, cursor],
  );
  const live = useLive(load, intervalMs);
  const next = live.data?.nextCursor ?? null;
  return {
    live,
    page: cursors.length,
    hasNext: !!next,
    hasPrev: cursors.length > 1,
    nextPage: () => next && setState({ key, cursors: [...cursors, next] }),
    prevPage: () => setState({ key, cursors: cursors.slice(0, -1) }),
  };
}

/** "Page 2 · 523 cases" with previous / next buttons: a queue is never silently cut off. */
export function Pager({ pager }: { pager: ReturnType<typeof useCasePages> }) {
  const { t } = useI18n();
  const data = pager.live.data;
  const total = data?.total;
  return (
    <nav className="row pager" aria-label={t.desk.results}>
      <span data-testid="pager-status">
        {total !== undefined
          ? fmt(data?.totalCapped ? t.desk.pageOfMore : t.desk.pageOf, { p: pager.page, n: total })
          : ''}
      </span>
      <button type="button" className="button small secondary" disabled={!pager.hasPrev} onClick={pager.prevPage}>
        {t.desk.prevPage}
      </button>
      <button
        type="button"
        className="button small secondary"
        disabled={!pager.hasNext}
        onClick={() => void pager.nextPage()}
      >
        {t.desk.nextPage}
      </button>
    </nav>
  );
}
