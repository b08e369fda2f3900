import type { Messages } from './messages';

// Codes the API stores (audit actions, seeded policy names) in the reader's words. Unknown
// codes fall back to themselves so nothing disappears.

/**
 * The words for a code the API sent, or undefined for a code this UI has no words for. The
 * maps are typed by their enums; the API's strings are looked up here, own keys only (so a
 * code like 'constructor' never finds Object's).
 */
export function labelOf(labels: Readonly<Record<string, string>>, code: string): string | undefined {
  return Object.hasOwn(labels, code) ? labels[code] : undefined;
}

/** 'case.accept' → '工单·签收', 'user.create' → '新建用户'. */
export function auditActionLabel(action: string, t: Messages): string {
  const known = labelOf(t.desk.auditActions, action);
  if (known) return known;
  if (action.startsWith('case.')) {
    const step = action.slice(5);
    const label = labelOf(t.enums.action, step);
    if (label) return t.desk.auditCase.replace('{a}', label);
  }
  return action;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string | null | undefined): boolean => !!s && UUID.test(s);

/**
 * A deadline policy's name for display. The seeded defaults are named by their codes
 * ('critical (any type)', 'consultation', 'default'); those are shown by what they match,
 * in the reader's language. Names an admin typed are shown as typed.
 */
export function policyLabel(
  p: { name: string; urgency?: string | null; requestType?: string | null },
  t: Messages,
): string {
  const n = p.name.trim();
  if (!n || n === 'default') return t.desk.policyDefault;
  const m = /^([a-z_]+)( \(any type\))?$/.exec(n);
  if (!m) return n;
  const code = m[1]!;
  const label = labelOf(t.enums.urgency, code) ?? labelOf(t.enums.type, code);
  if (!label) return n;
  return m[2] ? `${label}${t.desk.policyAny}` : label;
}

/**
 * The catalogue's dispatch reason ("rule #12: category level 3 + district + keyword \"x\"",
 * stored in English on the timeline) in the reader's language. Other notes pass unchanged.
 */
export function dispatchReasonLabel(note: string, t: Messages): string {
  const m = /^rule #(\d+): (.+)$/.exec(note);
  if (!m) return note;
  const parts: string[] = [];
  for (const part of m[2]!.split(' + ')) {
    const level = /^category level (\d+)$/.exec(part);
    const keyword = /^keyword "(.*)"$/.exec(part);
    if (level) parts.push(t.desk.ruleParts.level.replace('{n}', level[1]!));
    else if (keyword) parts.push(t.desk.ruleParts.keyword.replace('{k}', keyword[1]!));
    else if (part === 'district') parts.push(t.desk.ruleParts.district);
    else if (part === 'street') parts.push(t.desk.ruleParts.street);
    else return note;
  }
  return t.desk.ruleReason.replace('{id}', m[1]!).replace('{parts}', parts.join(' + '));
}
