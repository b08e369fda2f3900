'use client';

import type { ReactNode } from 'react';
import { fmtTime } from '@/lib/time';
import { useI18n } from '@/lib/i18n/client';
import { labelOf } from '@/lib/i18n/labels';
import { fmt } from '@/lib/i18n/messages';
import { useNow } from '@/lib/use-live';

/** "Updated 5 s ago · Refresh now": the freshness of a polled list, announced politely. */
export function Freshness({
  updatedAt,
  loading,
  onRefresh,
}: {
  updatedAt: number | null;
  loading: boolean;
  onRefresh: () => void;
}) {
  const { t } = useI18n();
  const now = useNow(1000);
  const secs = updatedAt ? Math.max(0, Math.round((now - updatedAt) / 1000)) : null;
  return (
    <span className="freshness">
      <span data-testid="freshness">
        {loading && secs === null ? t.live.updating : secs !== null ? fmt(t.live.updated, { s: secs }) : ''}
        {secs !== null && secs > 60 ? ` · ${t.live.stale}` : ''}
      </span>
      <button type="button" className="link-button" onClick={onRefresh}>
        {t.live.refresh}
      </button>
    </span>
  );
}

/** A page's heading with the freshness of its polled data beside it. */
export function LiveHeading({
  id,
  live,
  also = [],
  onRefresh,
  intro,
  children,
}: {
  id?: string;
  live: { updatedAt: number | null; loading: boolean; refresh: () => Promise<unknown> };
  /** Other data on the page that "refresh now" reloads with `live`. */
  also?: readonly { refresh: () => Promise<unknown> }[];
  /** What "refresh now" does instead, when it is not a reload of `live` and `also`. */
  onRefresh?: () => void;
  /** A line under the heading saying what the page lists. */
  intro?: string;
  children: ReactNode;
}) {
  const refresh = onRefresh ?? (() => [live, ...also].forEach((l) => void l.refresh()));
  return (
    <>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'baseline' }}>
        <h1 id={id}>{children}</h1>
        <Freshness updatedAt={live.updatedAt} loading={live.loading} onRefresh={refresh} />
      </div>
      {intro && <p className="muted">{intro}</p>}
    </>
  );
}

/** "Loading…", announced. */
export function Loading() {
  const { t } = useI18n();
  return <p role="status">{t.loading}</p>;
}

/**
 * Time left to a deadline: green, yellow from 75 % of the allowed time used (or < 1 h), red when
 * overdue. The engine's own verdict (`flag`: 'warning' / 'overdue') wins when given, so the
 * colour and the board agree. A stopped or paused clock (replied, under return review, paused)
 * shows as stopped, not as a running green countdown.
 */
export function Countdown({
  due,
  start,
  flag,
  clock,
}: {
  due: string | null | undefined;
  start?: string | null;
  flag?: string;
  clock?: 'running' | 'stopped' | 'paused' | string | null;
}) {
  const { t } = useI18n();
  const now = useNow(1000);
  if (!due) return <span className="muted">—</span>;
  if (clock === 'stopped' || clock === 'paused')
    return (
      <span className="countdown stopped" data-colour="stopped" title={fmtTime(due)}>
        {clock === 'paused' ? t.desk.clockPaused : t.desk.clockStopped}
      </span>
    );
  const dueMs = new Date(due).getTime();
  const left = dueMs - now;
  const span = start ? dueMs - new Date(start).getTime() : null;
  const colour =
    left <= 0 || flag === 'overdue'
      ? 'red'
      : flag === 'warning' || (span && left < span * 0.25) || left < 3_600_000
        ? 'yellow'
        : 'green';
  const abs = Math.abs(left);
  const d = Math.floor(abs / 86_400_000);
  const h = Math.floor((abs % 86_400_000) / 3_600_000);
  const m = Math.floor((abs % 3_600_000) / 60_000);
  const text = d > 0 ? `${d}${t.countdown.d}${h}${t.countdown.h}` : `${h}${t.countdown.h}${m}${t.countdown.m}`;
  return (
    <span className={`countdown ${colour}`} data-colour={colour} title={fmtTime(due)}>
      {fmt(left <= 0 ? t.countdown.overdue : t.countdown.left, { t: text })}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return <span className="badge">{labelOf(t.enums.status, status) ?? status}</span>;
}
