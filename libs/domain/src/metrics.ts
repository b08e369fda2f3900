// Metric formulas supervisors rank bureaus by. Each JSDoc states the formula exactly; the
// API copies these texts into its OpenAPI description, so keep them self-contained.

/** A ratio with its parts, so that a report can show "97 of 100" next to "97 %". */
export interface Rate {
  numerator: number;
  denominator: number;
  /** numerator ÷ denominator rounded to 4 decimals; null when the denominator is 0. */
  value: number | null;
}

function round4(x: number): number {
  return Math.round(x * 10_000) / 10_000;
}

function assertCount(name: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

/**
 * rate(n, d) = n ÷ d, rounded to 4 decimals (0.9731 = 97.31 %). The value is null — "no
 * data", not 0 % — when d is 0, so that a bureau with no cases is not ranked last.
 */
export function rate(numerator: number, denominator: number): Rate {
  assertCount('numerator', numerator);
  assertCount('denominator', denominator);
  return { numerator, denominator, value: denominator === 0 ? null : round4(numerator / denominator) };
}

/** Counts of follow-up (回访) answers over one period and scope. */
export interface FollowUpCounts {
  /** Follow-ups done. */
  followUps: number;
  /** Follow-ups where the citizen says the bureau contacted them. */
  contacted: number;
  solved: number;
  partly: number;
  notSolved: number;
  satisfied: number;
  basically: number;
  dissatisfied: number;
  /** Follow-ups where the citizen gave no satisfaction rating. */
  noAnswer: number;
}

/** Response rate (响应率) = follow-ups where the bureau contacted the citizen ÷ follow-ups. */
export function responseRate(c: FollowUpCounts): Rate {
  return rate(c.contacted, c.followUps);
}

/** Resolution rate (解决率) = follow-ups answered "solved" ÷ follow-ups. "Partly" does not count as solved. */
export function resolutionRate(c: FollowUpCounts): Rate {
  return rate(c.solved, c.followUps);
}

/**
 * Satisfaction rate (满意率) = (satisfied + basically satisfied) ÷ rated follow-ups, where
 * rated follow-ups = follow-ups − follow-ups with no satisfaction answer.
 */
export function satisfactionRate(c: FollowUpCounts): Rate {
  return rate(c.satisfied + c.basically, Math.max(0, c.followUps - c.noAnswer));
}

export interface CompositeRates {
  response: Rate | number | null;
  resolution: Rate | number | null;
  satisfaction: Rate | number | null;
}

export interface CompositeWeights {
  response: number;
  resolution: number;
  satisfaction: number;
}

export const DEFAULT_COMPOSITE_WEIGHTS: Readonly<CompositeWeights> = Object.freeze({
  response: 0.2,
  resolution: 0.4,
  satisfaction: 0.4,
});

/**
 * Composite score = Σ(weight × rate) ÷ Σ(weight), over the rates that have a value
 * (default weights: response 0.2, resolution 0.4, satisfaction 0.4). A rate with no data
 * is left out and the remaining weights are rescaled to sum to 1, so missing data neither
 * rewards nor punishes a bureau. Null when no rate has a value (or their weights are all
 * 0). Rounded to 4 decimals.
 */
export function compositeScore(
  rates: CompositeRates,
  weights: CompositeWeights = DEFAULT_COMPOSITE_WEIGHTS,
): number | null {
  let weighted = 0;
  let totalWeight = 0;
  for (const key of ['response', 'resolution', 'satisfaction'] as const) {
    const weight = weights[key];
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`The ${key} weight must be a finite number ≥ 0`);
    const input = rates[key];
    const value = typeof input === 'number' || input === null ? input : input.value;
    if (value === null) continue;
    weighted += weight * value;
    totalWeight += weight;
  }
  return totalWeight === 0 ? null : round4(weighted / totalWeight);
}

/**
 * The p-th percentile (p from 0 to 100, e.g. 90 for p90) of values sorted ascending, by
 * linear interpolation between closest ranks: rank = p ÷ 100 × (n − 1), result =
 * v[⌊rank⌋] + (rank − ⌊rank⌋) × (v[⌊rank⌋ + 1] − v[⌊rank⌋]). Null for no values.
 * Throws if the values are not sorted ascending, rather than return a wrong figure.
 */
export function percentile(sortedValues: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile must be between 0 and 100, got ${p}`);
  for (let i = 1; i < sortedValues.length; i++) {
    if (!((sortedValues[i - 1] as number) <= (sortedValues[i] as number))) {
      throw new RangeError('percentile() needs values sorted ascending (and no NaN)');
    }
  }
  if (sortedValues.length === 0) return null;
  const rank = (p / 100) * (sortedValues.length - 1);
  const lower = Math.floor(rank);
  const lowerValue = sortedValues[lower] as number;
  if (lower === sortedValues.length - 1) return lowerValue;
  const upperValue = sortedValues[lower + 1] as number;
  return lowerValue + (rank - lower) * (upperValue - lowerValue);
}

/** Median = the 50th percentile of values sorted ascending (mean of the middle two for an even count). Null for no values. */
export function median(sortedValues: readonly number[]): number | null {
  return percentile(sortedValues, 50);
}
