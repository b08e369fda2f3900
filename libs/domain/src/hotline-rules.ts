import type { DeadlineLimit } from './deadline-calculator';

/** Reason codes a bureau may give when asking to pause a clock (the hotline approves or refuses). */
export const PAUSE_REASON_CODES = [
  'awaiting_citizen',
  'outside_inspection',
  'third_party',
  'legal_procedure',
  'force_majeure',
] as const;
export type PauseReasonCode = (typeof PAUSE_REASON_CODES)[number];

/**
 * The hotline-wide rules real 12345 platforms run by (DOMAIN.md, "Rules cities enforce"). One
 * document, versioned as a whole: an admin edits it without a deploy, every version is kept and
 * audited. Rules that differ per case class (limits, review, day counting) live on the deadline
 * policies instead.
 */
export interface HotlineRules {
  /** How long after dispatch a bureau may return (退单) a case itself; later only via the hotline (Hengyang: 1 working day). */
  returnWindow: DeadlineLimit;
  /** Extensions (延期) a bureau may ask for per case; beyond these only a supervisor extends, with a reason (Shandong: 1 and 10). */
  extensions: { maxCount: number; maxWorkingDays: number };
  /** Pausing a clock is always requested and approved; critical cases cannot be paused unless allowed here. */
  pause: { criticalAllowed: boolean; reasonCodes: PauseReasonCode[] };
  /** The hotline's own clocks: dispatching from the queue, reviewing a reply, following up after approval. */
  hotlineClocks: {
    dispatch: DeadlineLimit;
    review: DeadlineLimit;
    followUp: DeadlineLimit;
    warningFraction: number;
  };
  /** Assisting bureaus (协办): their accept and reply limits; null means "the lead's limits". */
  assisting: { acceptLimit: DeadlineLimit | null; replyLimit: DeadlineLimit | null };
  /** A caller with at least `cases` cases in the last `days` days is flagged as a repeat caller. */
  repeatCaller: { cases: number; days: number };
}

const workingDays = (amount: number): DeadlineLimit => ({ amount, unit: 'days', mode: 'working' });

/** DOMAIN.md's defaults; the first version of the rules is seeded from a frozen copy of these. */
export const DEFAULT_HOTLINE_RULES: HotlineRules = Object.freeze({
  returnWindow: workingDays(1),
  extensions: { maxCount: 1, maxWorkingDays: 10 },
  pause: { criticalAllowed: false, reasonCodes: [...PAUSE_REASON_CODES] },
  hotlineClocks: {
    dispatch: { amount: 2, unit: 'hours', mode: 'working' },
    review: workingDays(1),
    followUp: workingDays(1),
    warningFraction: 0.75,
  },
  assisting: { acceptLimit: null, replyLimit: null },
  repeatCaller: { cases: 3, days: 30 },
}) as HotlineRules;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * A stored rules document laid over the defaults, key by key: a version written before a rule
 * existed gets that rule's default, so adding a rule needs no data migration.
 */
export function withRuleDefaults(stored: unknown, defaults: HotlineRules = DEFAULT_HOTLINE_RULES): HotlineRules {
  const merge = (base: unknown, over: unknown): unknown => {
    if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
    const out: Record<string, unknown> = { ...base };
    for (const [key, value] of Object.entries(over)) {
      // Keys the defaults do not know (a rule since removed) are dropped, not carried along.
      if (key in base) out[key] = base[key] !== null && isPlainObject(base[key]) ? merge(base[key], value) : value;
    }
    return out;
  };
  return (isPlainObject(stored) ? merge(defaults, stored) : defaults) as HotlineRules;
}
