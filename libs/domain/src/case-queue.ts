import type { CaseFlag, CaseStatus, Urgency } from './case-model';

// How the queues order and describe cases (issue 12): a 特急 case with minutes left must
// never sink under hundreds of newer ones, and every list colours a case the way the
// deadline engine sees it. The cases repository's SQL mirrors `priorityKey` (an e2e test
// checks the two agree on the order).

export type CountdownState = 'running' | 'stopped' | 'paused';

export interface QueueCase {
  status: CaseStatus;
  urgency: Urgency;
  /** The engine's verdict (set by the deadline worker): warning, then overdue. */
  flag: CaseFlag;
  acceptDueAt: Date | null;
  replyDueAt: Date | null;
  acceptedAt: Date | null;
  /** A pending clock of the case is paused (where the policy allows a pause). */
  paused?: boolean;
}

/** Statuses in which the bureau's clock runs: it owes an acceptance or a reply. */
const BUREAU_CLOCK_STATUSES: ReadonlySet<CaseStatus> = new Set<CaseStatus>(['dispatched', 'in_progress']);

/**
 * The deadline the case is racing now: the acceptance while a dispatched case is not yet
 * accepted, else the reply. Null when no bureau clock runs (queued, returned for review,
 * replied, closed): such a case has no countdown.
 */
export function nextDueAt(c: QueueCase): Date | null {
  if (!BUREAU_CLOCK_STATUSES.has(c.status)) return null;
  if (c.status === 'dispatched' && c.acceptedAt === null && c.acceptDueAt !== null) {
    return c.replyDueAt !== null && c.replyDueAt < c.acceptDueAt ? c.replyDueAt : c.acceptDueAt;
  }
  return c.replyDueAt;
}

/**
 * Whether the list shows a running, stopped or paused countdown. Replied cases and cases
 * under return review stop their countdown (the bureau is not the one who owes the next
 * step); a paused clock is shown as paused whatever the status.
 */
export function clockState(c: Pick<QueueCase, 'status' | 'paused'>): CountdownState {
  if (c.paused) return 'paused';
  return BUREAU_CLOCK_STATUSES.has(c.status) ? 'running' : 'stopped';
}

/**
 * Priority buckets, lowest first: breached (the engine flagged it overdue and it is still
 * open), then critical, then urgent, then everything else.
 */
export const PRIORITY_BUCKET = { breached: 0, critical: 1, urgent: 2, normal: 3 } as const;

export function priorityBucket(c: Pick<QueueCase, 'status' | 'flag' | 'urgency'>): number {
  if (c.flag === 'overdue' && c.status !== 'closed') return PRIORITY_BUCKET.breached;
  return PRIORITY_BUCKET[c.urgency];
}

/** The sort key of `sort=priority`, all ascending: bucket, nearest due (none last), oldest, id. */
export function priorityKey(c: QueueCase & { createdAt: Date; id: string }): [number, number, number, string] {
  const due = nextDueAt(c);
  return [priorityBucket(c), due === null ? Number.POSITIVE_INFINITY : due.getTime(), c.createdAt.getTime(), c.id];
}

export function comparePriority(
  a: QueueCase & { createdAt: Date; id: string },
  b: QueueCase & { createdAt: Date; id: string },
): number {
  const ka = priorityKey(a);
  const kb = priorityKey(b);
  for (let i = 0; i < 3; i++) {
    const d = (ka[i] as number) - (kb[i] as number);
    if (d !== 0 && !Number.isNaN(d)) return d < 0 ? -1 : 1;
  }
  return ka[3] < kb[3] ? -1 : ka[3] > kb[3] ? 1 : 0;
}

/**
 * Keyset cursor of the priority order: bucket, due instant ('infinity' when none), created
 * instant and id, the instants with PostgreSQL's microseconds (as the newest-first cursor).
 */
export interface PriorityCursor {
  bucket: number;
  due: string;
  createdAt: string;
  id: string;
}

const TS = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z`;
const PRIORITY_CURSOR = new RegExp(
  String.raw`^p([0-3])~(infinity|${TS})~(${TS})~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$`,
);

export function encodePriorityCursor(c: PriorityCursor): string {
  return `p${c.bucket}~${c.due}~${c.createdAt}~${c.id}`;
}

export function decodePriorityCursor(s: string): PriorityCursor | null {
  const m = PRIORITY_CURSOR.exec(s);
  if (!m) return null;
  if (m[2] !== 'infinity' && Number.isNaN(Date.parse(m[2]!))) return null;
  if (Number.isNaN(Date.parse(m[3]!))) return null;
  return { bucket: Number(m[1]), due: m[2]!, createdAt: m[3]!, id: m[4]! };
}

/** Above this many matches a list answers a capped total (`totalCapped: true`). */
export const LIST_TOTAL_CAP = 10_000;
