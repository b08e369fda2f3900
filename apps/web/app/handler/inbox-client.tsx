'use client';

import type { TCaseCounts } from '@hotline/contracts';
import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { CaseTable } from '@/components/case-table';
import { Pager, useCasePages, type Query } from '@/components/case-pager';
import { LiveHeading, Loading } from '@/components/live';
import { client, ok } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
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

/**
 * Every tab's total in one call: the API's inbox count set uses the same filters as TABS
 * (CASE_COUNT_SETS.inbox in the contracts), so a tab's count equals its list's total.
 */
function loadCounts(): Promise<Partial<Record<Tab, number>>> {
  return ok(client.GET('/api/cases/counts', { params: { query: { set: 'inbox' } } })).then(
    (r: TCaseCounts) => r.counts,
  );
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
      <LiveHeading id="inbox-title" live={live} also={[counts]}>
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
