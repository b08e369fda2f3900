import type { Messages } from './messages';

// Codes the API stores (audit actions, seeded policy names) in the reader's words. Unknown
// codes fall back to themselves so nothing disappears.

/** 'case.accept' → '工单·签收', 'user.create' → '新建用户'. */
export function auditActionLabel(action: string, t: Messages): string {
  const known = t.desk.auditActions[action];
  if (known) return known;
  if (action.startsWith('case.')) {
    const step = action.slice(5);
    const label = t.enums.action[step];
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
  const label = t.enums.urgency[code] ?? t.enums.type[code];
  if (!label) return n;
  return m[2] ? `${label}${t.desk.policyAny}` : label;
}
