import type { RequestType, Urgency } from './case-model';
import type { DeadlineLimit } from './deadline-calculator';

export interface DeadlinePolicyRule {
  id: number;
  /** null: any category. */
  categoryId: number | null;
  /** null: any request type. */
  requestType: RequestType | null;
  /** null: any urgency. */
  urgency: Urgency | null;
  /** Time the bureau has to accept (签收) after dispatch. */
  acceptLimit: DeadlineLimit;
  /** Time the bureau has to reply (答复) after dispatch. */
  replyLimit: DeadlineLimit;
  /** Share of the allowed time after which the case turns yellow, e.g. 0.75. */
  warningFraction: number;
}

export interface DeadlinePolicyInput {
  /** Category ids from the root to the leaf. */
  categoryPath: number[];
  requestType: RequestType;
  urgency: Urgency;
}

function applies(rule: DeadlinePolicyRule, input: DeadlinePolicyInput): boolean {
  return (
    (rule.categoryId === null || input.categoryPath.includes(rule.categoryId)) &&
    (rule.requestType === null || rule.requestType === input.requestType) &&
    (rule.urgency === null || rule.urgency === input.urgency)
  );
}

/** [category depth (0 = no category, 1 = top level, …), urgency set, type set]; higher wins. */
function specificity(rule: DeadlinePolicyRule, categoryPath: readonly number[]): [number, number, number] {
  return [
    rule.categoryId === null ? 0 : categoryPath.lastIndexOf(rule.categoryId) + 1,
    rule.urgency === null ? 0 : 1,
    rule.requestType === null ? 0 : 1,
  ];
}

function compare(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/**
 * The deadline policy for a case: the most specific applicable rule. A deeper category
 * beats a shallower one and any category beats none; then a rule naming the urgency beats
 * one that does not; then one naming the request type; then the lowest id.
 *
 * Note the order: a category rule outranks the urgency defaults, so a category that needs
 * a faster clock for critical cases needs its own category + critical rule.
 */
export function selectDeadlinePolicy(
  rules: readonly DeadlinePolicyRule[],
  input: DeadlinePolicyInput,
): DeadlinePolicyRule | null {
  let best: { rule: DeadlinePolicyRule; key: [number, number, number] } | null = null;
  for (const rule of rules) {
    if (!applies(rule, input)) continue;
    const key = specificity(rule, input.categoryPath);
    if (best === null) {
      best = { rule, key };
      continue;
    }
    const order = compare(key, best.key);
    if (order > 0 || (order === 0 && rule.id < best.rule.id)) best = { rule, key };
  }
  return best?.rule ?? null;
}

const TWO_WORKING_HOURS: DeadlineLimit = { amount: 2, unit: 'hours', mode: 'working' };

function policy(
  id: number,
  match: { requestType?: RequestType; urgency?: Urgency },
  acceptLimit: DeadlineLimit,
  replyLimit: DeadlineLimit,
): DeadlinePolicyRule {
  return Object.freeze({
    id,
    categoryId: null,
    requestType: match.requestType ?? null,
    urgency: match.urgency ?? null,
    acceptLimit: Object.freeze({ ...acceptLimit }),
    replyLimit: Object.freeze({ ...replyLimit }),
    warningFraction: 0.75,
  });
}

/**
 * Starting policies from DOMAIN.md (administrators change them without a deploy):
 * critical cases run on calendar time (accept 30 min, reply 2 h: risk to life or property);
 * urgent cases accept in 2 working hours and reply in 24 h; consultation and help reply in
 * 3 working days; complaint, report and suggestion in 13 working days; everything else
 * (praise, anything unmatched) in 7 calendar days. Warning at 75 %.
 */
export const DEFAULT_DEADLINE_POLICIES: readonly DeadlinePolicyRule[] = Object.freeze([
  policy(
    1,
    { urgency: 'critical' },
    { amount: 30, unit: 'minutes', mode: 'calendar' },
    { amount: 2, unit: 'hours', mode: 'calendar' },
  ),
  policy(2, { urgency: 'urgent' }, TWO_WORKING_HOURS, { amount: 24, unit: 'hours', mode: 'calendar' }),
  policy(3, { requestType: 'consultation' }, TWO_WORKING_HOURS, { amount: 3, unit: 'days', mode: 'working' }),
  policy(4, { requestType: 'help' }, TWO_WORKING_HOURS, { amount: 3, unit: 'days', mode: 'working' }),
  policy(5, { requestType: 'complaint' }, TWO_WORKING_HOURS, { amount: 13, unit: 'days', mode: 'working' }),
  policy(6, { requestType: 'report' }, TWO_WORKING_HOURS, { amount: 13, unit: 'days', mode: 'working' }),
  policy(7, { requestType: 'suggestion' }, TWO_WORKING_HOURS, { amount: 13, unit: 'days', mode: 'working' }),
  policy(8, {}, TWO_WORKING_HOURS, { amount: 7, unit: 'days', mode: 'calendar' }),
]);
