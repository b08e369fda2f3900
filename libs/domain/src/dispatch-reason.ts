import type { DispatchRuleCandidate } from './dispatch-matching';

/**
 * The "why this bureau?" hint of a dispatch match in Chinese, part for part the English
 * `reason` that matchDispatchRule gives ("rule #12: category level 3 + district + keyword").
 * `specificity` is the match's key; its fourth entry is the depth of the rule's category.
 */
export function dispatchReasonZh(
  rule: Pick<DispatchRuleCandidate, 'id' | 'districtId' | 'streetId' | 'keyword'>,
  specificity: readonly number[],
): string {
  const parts = [`第 ${(specificity[3] ?? 0) + 1} 级类别`];
  if (rule.districtId !== null) parts.push('区县');
  if (rule.streetId !== null) parts.push('街道');
  const keyword = rule.keyword?.trim() ?? '';
  if (keyword !== '') parts.push(`关键词“${keyword}”`);
  return `规则 #${rule.id}：${parts.join(' + ')}`;
}

/** The Chinese text for a case no dispatch rule covers. */
export const NO_DISPATCH_RULE_ZH = '没有派单规则覆盖该类别和地点，需由话务员选择承办单位';
