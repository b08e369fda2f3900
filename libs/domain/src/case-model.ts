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

/** The roles a user account can hold: citizens have no account, and 'system' is the worker. */
export const STAFF_ROLES = ['agent', 'handler', 'supervisor', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

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

/** How the agent disposes of a case at intake (the intake form's choice). */
export const INTAKE_DISPOSITIONS = ['dispatch', 'direct_answer', 'not_accepted', 'emergency_transfer'] as const;
export type IntakeDisposition = (typeof INTAKE_DISPOSITIONS)[number];

/** The traffic light of a case's live clocks: 'warning' once one passes its warn time, 'overdue' once one is missed. */
export const CASE_FLAGS = ['none', 'warning', 'overdue'] as const;
export type CaseFlag = (typeof CASE_FLAGS)[number];

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

/** The facts isReopenable reads (a case row has them). */
export interface ReopenFacts {
  leadBureauId: number | null;
  closeReason: CloseReason | null;
  dispatchedAt: Date | string | null;
}

/** Whether a closed case has a bureau it could go back to (not closed at intake, not merged). */
export function isReopenable(c: ReopenFacts): boolean {
  return c.leadBureauId !== null && c.closeReason !== 'merged' && c.dispatchedAt !== null;
}

/** Narrowing guards for values that arrive as plain strings (query strings, CSV imports). */
export function isCaseStatus(value: unknown): value is CaseStatus {
  return typeof value === 'string' && (CASE_STATUSES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
