// Dispatch catalogue matching (派单目录): which bureau owns a case, from its category,
// place and wording. Pure and deterministic so that auto-dispatch, the "why this bureau?"
// explanation in the UI and the catalogue editor's preview always agree.

export interface DispatchRuleCandidate {
  id: number;
  categoryId: number;
  districtId: number | null;
  streetId: number | null;
  keyword: string | null;
  leadBureauId: number;
  assistingBureauIds: number[];
}

export interface DispatchInput {
  /** Category ids from the root to the leaf, e.g. [top, mid, leaf]. */
  categoryPath: number[];
  districtId: number | null;
  streetId: number | null;
  description: string;
}

export interface DispatchMatch {
  rule: DispatchRuleCandidate;
  /**
   * [keyword present, street set, district set, category depth (0 = top level),
   * keyword length]; compared lexicographically, higher wins. Equal keys are broken by the
   * lower rule id, which is not part of the key.
   */
  specificity: number[];
  reason: string;
}

/** A blank keyword is treated as no keyword, so that '' and null cannot be two rules. */
function normalisedKeyword(keyword: string | null): string | null {
  const trimmed = keyword?.trim().toLowerCase() ?? '';
  return trimmed === '' ? null : trimmed;
}

/**
 * The identity of a rule's conditions, for a unique index in the catalogue table: two
 * rules with the same key would make matching depend on ids rather than on meaning.
 */
export function ruleSpecificityKey(
  rule: Pick<DispatchRuleCandidate, 'categoryId' | 'districtId' | 'streetId' | 'keyword'>,
): string {
  return `${rule.categoryId}|${rule.districtId ?? '*'}|${rule.streetId ?? '*'}|${normalisedKeyword(rule.keyword) ?? '*'}`;
}

function categoryDepth(categoryId: number, categoryPath: readonly number[]): number {
  // lastIndexOf: should an id ever appear twice, the deeper position is the true level.
  return categoryPath.lastIndexOf(categoryId);
}

function applies(rule: DispatchRuleCandidate, input: DispatchInput, description: string): boolean {
  if (categoryDepth(rule.categoryId, input.categoryPath) < 0) return false;
  if (rule.districtId !== null && rule.districtId !== input.districtId) return false;
  if (rule.streetId !== null && rule.streetId !== input.streetId) return false;
  const keyword = normalisedKeyword(rule.keyword);
  return keyword === null || description.includes(keyword);
}

function specificityOf(rule: DispatchRuleCandidate, categoryPath: readonly number[]): number[] {
  const keyword = normalisedKeyword(rule.keyword);
  return [
    keyword === null ? 0 : 1,
    rule.streetId === null ? 0 : 1,
    rule.districtId === null ? 0 : 1,
    categoryDepth(rule.categoryId, categoryPath),
    // Counted in code points so that a Chinese keyword is measured in characters.
    keyword === null ? 0 : Array.from(keyword).length,
  ];
}

function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

function explain(rule: DispatchRuleCandidate, specificity: readonly number[]): string {
  const parts = [`category level ${(specificity[3] ?? 0) + 1}`];
  if (rule.districtId !== null) parts.push('district');
  if (rule.streetId !== null) parts.push('street');
  const keyword = normalisedKeyword(rule.keyword);
  if (keyword !== null) parts.push(`keyword "${rule.keyword?.trim()}"`);
  return `rule #${rule.id}: ${parts.join(' + ')}`;
}

/**
 * The most specific catalogue rule that applies to the case, or null when none does
 * (an "ownerless" case: it goes to an agent and shows up in the service-gap analysis).
 *
 * A rule applies when its category is on the case's category path, its district and street
 * (when set) equal the case's, and its keyword (when set) occurs in the description,
 * ignoring case. Among those, the highest specificity wins: keyword present, then street,
 * then district, then category depth, then keyword length; then the lowest rule id.
 */
export function matchDispatchRule(rules: readonly DispatchRuleCandidate[], input: DispatchInput): DispatchMatch | null {
  const description = input.description.toLowerCase();
  let best: { rule: DispatchRuleCandidate; specificity: number[] } | null = null;
  for (const rule of rules) {
    if (!applies(rule, input, description)) continue;
    const specificity = specificityOf(rule, input.categoryPath);
    if (best === null) {
      best = { rule, specificity };
      continue;
    }
    const order = compareKeys(specificity, best.specificity);
    if (order > 0 || (order === 0 && rule.id < best.rule.id)) best = { rule, specificity };
  }
  return best === null ? null : { ...best, reason: explain(best.rule, best.specificity) };
}
