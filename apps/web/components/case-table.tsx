'use client';

import Link from 'next/link';
import { useI18n, useLocalName } from '@/lib/i18n/client';
import { byId, flattenTree, useBureaus, useCategoryTree } from '@/lib/catalogue';
import type { CaseRow, SimilarCase } from '@/lib/api-types';
import { DataTable } from './data-table';
import { Countdown, StatusBadge } from './live';

/** Statuses where no bureau clock runs for the viewer: replied, under return review, closed. */
const CLOCK_STOPPED = new Set(['awaiting_follow_up', 'return_review', 'closed']);

/** A row of the table: a case list's row, or a similar case (no clock verdict: its flag stands in). */
type TableRow = Omit<SimilarCase, 'matchedBy'> &
  Partial<Pick<CaseRow, 'warning' | 'overdue' | 'clockState' | 'dispatchedAt' | 'acceptedAt'>>;

/** The deadline that matters now: accept while dispatched, reply afterwards. */
export function currentDue(
  c: Pick<TableRow, 'status' | 'acceptDueAt' | 'replyDueAt' | 'dispatchedAt' | 'acceptedAt'>,
): {
  due: string | null | undefined;
  start: string | null | undefined;
} {
  return c.status === 'dispatched'
    ? { due: c.acceptDueAt, start: c.dispatchedAt }
    : { due: c.replyDueAt, start: c.acceptedAt ?? c.dispatchedAt };
}

/** The clock state the API reports, else the one the status implies. */
export function clockOf(c: Pick<TableRow, 'status' | 'clockState'>): 'running' | 'stopped' | 'paused' {
  return c.clockState ?? (CLOCK_STOPPED.has(c.status) ? 'stopped' : 'running');
}

/** The engine's verdict: the booleans of the list API, else the case's flag. */
export function flagOf(c: TableRow): string {
  return c.overdue ? 'overdue' : c.warning ? 'warning' : c.flag;
}

/** A case row's first cell: its number linking to the case page, and the start of what was said. */
export function CaseLinkCell({ c }: { c: { id: string; trackingNumber: string; description?: string | null } }) {
  return (
    <td>
      <Link href={`/cases/${c.id}`}>{c.trackingNumber}</Link>
      {c.description && <div className="muted">{c.description.slice(0, 40)}</div>}
    </td>
  );
}

export function CaseTable({
  items,
  caption,
  showBureau,
  busy,
}: {
  items: TableRow[];
  caption: string;
  showBureau?: boolean;
  busy?: boolean;
}) {
  const { t } = useI18n();
  const name = useLocalName();
  const categories = flattenTree(useCategoryTree());
  const bureaus = byId(useBureaus());
  if (!items.length) return <p className="muted">{t.inbox.empty}</p>;
  return (
    <DataTable
      caption={caption}
      busy={busy}
      headers={[
        t.fields.trackingNumber,
        t.fields.category,
        t.fields.type,
        t.fields.urgency,
        showBureau && t.fields.bureau,
        t.fields.status,
        t.fields.due,
      ]}
    >
      {items.map((c) => {
        const d = currentDue(c);
        return (
          <tr key={c.id} data-tracking={c.trackingNumber}>
            <CaseLinkCell c={c} />
            <td>{c.categoryId ? name(categories.get(c.categoryId)) : '—'}</td>
            <td>{t.enums.type[c.type] ?? c.type}</td>
            <td>{t.enums.urgency[c.urgency] ?? c.urgency}</td>
            {showBureau && <td>{c.leadBureauId ? name(bureaus.get(c.leadBureauId)) : '—'}</td>}
            <td>
              <StatusBadge status={c.status} />
            </td>
            <td>
              {c.status === 'closed' ? (
                '—'
              ) : (
                <Countdown due={d.due} start={d.start} flag={flagOf(c)} clock={clockOf(c)} />
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
