// The case vocabulary. Each union is derived from an `as const` array so that code which
// needs the list at run time (validation, dropdowns, exhaustive tests) and code which needs
// the type can never drift apart.

export const CASE_STATUSES = [
  'registered',
  'awaiting_dispatch',
  'dispatched',
  'return_review',
  'in_progress',
  'awaiting_follow_up',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const ROLES = ['agent', 'handler', 'supervisor', 'admin', 'citizen', 'system'] as const;
export type Role = (typeof ROLES)[number];

export const REQUEST_TYPES = ['consultation', 'help', 'complaint', 'report', 'suggestion', 'praise'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];

export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const CHANNELS = ['phone', 'web', 'open311', 'api'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Follow-up answer to "was the problem solved?" */
export const SOLVED_VALUES = ['solved', 'partly', 'not'] as const;
export type Solved = (typeof SOLVED_VALUES)[number];

/** Follow-up answer to "are you satisfied?"; 'no_answer' is excluded from the satisfaction rate. */
export const SATISFACTION_VALUES = ['satisfied', 'basically', 'dissatisfied', 'no_answer'] as const;
export type Satisfaction = (typeof SATISFACTION_VALUES)[number];

export const CLOSE_REASONS = [
  'direct_answer',
  'not_accepted',
  'emergency_transfer',
  'follow_up',
  'merged',
  'manual',
] as const;
export type CloseReason = (typeof CLOSE_REASONS)[number];

/** Every status in which the case still needs someone's work (all but closed). */
export const OPEN_STATUSES = [
  'registered',
  'awaiting_dispatch',
  'dispatched',
  'return_review',
  'in_progress',
  'awaiting_follow_up',
] as const satisfies readonly CaseStatus[];
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export function isOpen(status: CaseStatus): status is OpenStatus {
  return status !== 'closed';
}

/** Narrowing guards for values that arrive as plain strings (query strings, CSV imports). */
export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
