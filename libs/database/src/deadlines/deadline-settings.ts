import {
  buildCalendar,
  DEFAULT_DEADLINE_POLICIES,
  withRuleDefaults,
  type DeadlinePlanSettings,
  type HotlineRules,
  type DeadlinePolicyRule,
} from '@hotline/domain';
import type { EntityManager } from 'typeorm';
import { DeadlinesRepository } from './deadlines.repository';

export interface LoadedPolicy extends DeadlinePolicyRule {
  version: number;
  pauseAllowed: boolean;
}

/** Everything deadline arithmetic needs from the database, read together. */
export interface DeadlineSettings extends DeadlinePlanSettings<LoadedPolicy> {
  policies: LoadedPolicy[];
  escalationWorkingDays: number;
  /** The hotline-wide rules in force (newest version over the defaults) and their version. */
  rules: HotlineRules;
  rulesVersion: number;
}

/**
 * Policies and the calendar change rarely and are read on every case transition, so each
 * process keeps them for a few seconds. Admin edits invalidate the API's copy at once; the
 * worker's copy follows within the TTL. Deadlines already written keep their due times.
 */
export class DeadlineSettingsCache {
  private cached: { at: number; value: Promise<DeadlineSettings> } | undefined;

  constructor(
    private readonly ttlMs = 5000,
    private readonly repo = new DeadlinesRepository(),
  ) {}

  load(m: EntityManager): Promise<DeadlineSettings> {
    const now = Date.now();
    if (this.cached && now - this.cached.at < this.ttlMs) return this.cached.value;
    const value = readDeadlineSettings(m, this.repo);
    this.cached = { at: now, value };
    value.catch(() => (this.cached = undefined));
    return value;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}

export async function readDeadlineSettings(
  m: EntityManager,
  repo = new DeadlinesRepository(),
): Promise<DeadlineSettings> {
  const settings = await repo.findSettings(m);
  const days = await repo.findCalendarDays(m);
  const rows = await repo.findActivePolicies(m);
  const rules = await repo.findCurrentHotlineRules(m);
  const calendar = buildCalendar({
    holidays: days.filter((d) => d.kind === 'holiday').map((d) => d.day),
    makeupWorkdays: days.filter((d) => d.kind === 'makeup_workday').map((d) => d.day),
    ...(settings ? { workingPeriods: settings.working_periods } : {}),
  });
  const policies: LoadedPolicy[] = rows.map((r) => ({
    id: r.id,
    categoryId: r.category_id,
    requestType: r.request_type,
    urgency: r.urgency,
    acceptLimit: r.accept_limit,
    replyLimit: r.reply_limit,
    warningFraction: Number(r.warning_fraction),
    pauseAllowed: r.pause_allowed,
    version: r.version,
  }));
  // An admin who deactivates every policy must not stop deadlines: fall back to DOMAIN.md's.
  const effective = policies.length
    ? policies
    : DEFAULT_DEADLINE_POLICIES.map((p) => ({ ...p, version: 0, pauseAllowed: true }));
  return {
    calendar,
    policies: effective,
    escalationWorkingDays: settings?.escalation_working_days ?? 5,
    rules: withRuleDefaults(rules?.rules),
    rulesVersion: rules?.version ?? 0,
  };
}
