'use client';

import { useCallback, useState, type KeyboardEvent } from 'react';
import { CaseTable } from '@/components/case-table';
import { LiveHeading, Loading } from '@/components/live';
import { api, qs } from '@/lib/api';
import { useI18n } from '@/lib/i18n/client';
import type { CaseSummary, Page } from '@/lib/types';
import { useLive } from '@/lib/use-live';

const TABS = {
  toAccept: { status: 'dispatched' },
  inProgress: { status: 'in_progress' },
  dueSoon: { flag: 'warning' },
  overdue: { flag: 'overdue' },
  returned: { status: 'return_review' },
} as const;
type Tab = keyof typeof TABS;
const TAB_KEYS = Object.keys(TABS) as Tab[];

/** The bureau's inbox: the API scopes every list to the handler's own bureau. */
export function InboxClient() {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('toAccept');
  const load = useCallback(
    () => api<Page<CaseSummary>>(`/cases${qs({ ...TABS[tab], limit: 100 })}`).then((p) => p.items),
    [tab],
  );
  const live = useLive(load);

  const onKey = (e: KeyboardEvent) => {
    const i = TAB_KEYS.indexOf(tab);
    if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      const next = TAB_KEYS[(i + (e.key === 'ArrowRight' ? 1 : TAB_KEYS.length - 1)) % TAB_KEYS.length]!;
      setTab(next);
      document.getElementById(`tab-${next}`)?.focus();
    }
  };

  return (
    <section aria-labelledby="inbox-title">
      <LiveHeading id="inbox-title" live={live}>
        {t.inbox.title}
      </LiveHeading>
      <div className="tabs" role="tablist" aria-label={t.inbox.title} onKeyDown={onKey}>
        {TAB_KEYS.map((k) => (
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
            {t.inbox.tabs[k]}
          </button>
        ))}
      </div>
      <div id="inbox-panel" role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {live.data ? <CaseTable items={live.data} caption={t.inbox.tabs[tab]} /> : <Loading />}
      </div>
    </section>
  );
}
