// The SQL forms of the clock predicates in @hotline/domain (isLiveClock, caseFlagOf,
// nextClockEvent). Every query that selects clocks by these rules builds its WHERE from here,
// so the rule has one spelling. `alias` is the case_deadlines alias of the query, if any.

const column = (alias: string | undefined, name: string) => (alias ? `${alias}.${name}` : name);

/** A live clock (isLiveClock): pending, paused or not, or missed and not yet settled. */
export function liveClockSql(alias?: string): string {
  const c = (name: string) => column(alias, name);
  return `(${c('status')} = 'pending' OR (${c('status')} = 'missed' AND ${c('settled_at')} IS NULL))`;
}

/** An overdue clock: missed and not yet settled, the live clocks that turn a case red (caseFlagOf). */
export function overdueClockSql(alias?: string): string {
  const c = (name: string) => column(alias, name);
  return `(${c('status')} = 'missed' AND ${c('settled_at')} IS NULL)`;
}

/**
 * A clock with a job to come (nextClockEvent is not null): pending and not paused, or overdue
 * with its escalation armed and not yet fired.
 */
export function scheduledClockSql(alias?: string): string {
  const c = (name: string) => column(alias, name);
  return `((${c('status')} = 'pending' AND ${c('paused_at')} IS NULL)
    OR (${overdueClockSql(alias)} AND ${c('escalated_at')} IS NULL AND ${c('escalate_at')} IS NOT NULL))`;
}

/** An escalated clock still unsettled: the case is on the leadership list. */
export function escalatedClockSql(alias?: string): string {
  const c = (name: string) => column(alias, name);
  return `(${c('escalated_at')} IS NOT NULL AND ${c('settled_at')} IS NULL)`;
}
