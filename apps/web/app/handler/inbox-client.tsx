'use client';

import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { CaseTable } from '@/components/case-table';
import { Pager, useCasePages, type Query } from '@/components/case-pager';
import { LiveHeading, Loading } from '@/components/live';
import { api, qs } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import type { CasePage } from '@/lib/types';
import { useLive } from '@/lib/use-live';

/** A bureau's open work: overdue means open and overdue, never a closed case. */
const OPEN = 'dispatched,in_progress,return_review';
const TABS = {
  toAccept: { status: 'dispatched' },
  inProgress: { status: 'in_progress' },
  dueSoon: { flag: 'warning', status: OPEN },
  overdue: { flag: 'overdue', status: OPEN },
  returned: { status: 'return_review' },
} as const satisfies Record<string, Query>;
type Tab = keyof typeof TABS;
const TAB_KEYS = Object.keys(TABS) as Tab[];

/** One cheap call per tab (limit 1) for its exact total. */
function loadCounts(): Promise<Record<Tab, number | undefined>> {
  return Promise.all(
    TAB_KEYS.map((k) => api<CasePage>(`/cases${qs({ ...TABS[k], limit: 1 })}`).then((p) => p.total)),
  ).then((totals) => Object.fromEntries(TAB_KEYS.map((k, i) => [k, totals[i]])) as Record<Tab, number | undefined>);
}

/**
 * The bureau's inbox, most urgent first (breached, then critical, then nearest due: the API's
 * `sort=priority`), paged, with a count on every tab. The API scopes every list to the
 * handler's own bureau.
 */
export function InboxClient() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('toAccept');
  const query = useMemo(() => ({ ...TABS[tab], sort: 'priority' }), [tab]);
  const pager = useCasePages(query);
  const counts = useLive(useCallback(loadCounts, []), 30_000);

  const onKey = (e: KeyboardEvent) => {
    const i = TAB_KEYS.indexOf(tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = TAB_KEYS[(i + (e.key === 'ArrowRight' ? 1 : TAB_KEYS.length - 1)) % TAB_KEYS.length]!;
      setTab(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };

  const live = pager.live;
  return (
    <section aria-labelledby="inbox-title">
      <LiveHeading
        id="inbox-title"
        live={live}
        onRefresh={() => {
          void live.refresh();
          void counts.refresh();
        }}
      >
        {t.inbox.title}
      </LiveHeading>
      <div className="tabs" role="tablist" aria-label={t.inbox.title} onKeyDown={onKey}>
        {TAB_KEYS.map((k) => {
          const n = counts.data?.[k];
          return (
            <button
              key={k}
              id={`tab-${k}`}
              role="tab"
              type="button"
              aria-selected={tab === k}
              aria-controls="inbox-panel"
              tabIndex={tab === k ? 0 : -1}
              onClick={() => setTab(k)}
            >
              {n === undefined ? t.inbox.tabs[k] : `${t.inbox.tabs[k]} ${n}`}
            </button>
          );
        })}
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`tab-${tab}`} data-tab={tab}>
        {live.data ? (
          <>
            <CaseTable items={live.data.items} caption={t.inbox.tabs[tab]} busy={live.loading} />
            <Pager pager={pager} />
          </>
        ) : (
          <Loading />
        )}
      </div>
    </section>
  );
}
