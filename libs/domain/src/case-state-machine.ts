import {
  CASE_STATUSES,
  OPEN_STATUSES,
  ROLES,
  type CaseStatus,
  type Role,
  type Satisfaction,
  type Solved,
} from './case-model';

export const CASE_ACTIONS = [
  'auto_dispatch',
  'queue_for_dispatch',
  'direct_answer',
  'not_accept',
  'emergency_transfer',
  'dispatch',
  'redispatch',
  'accept',
  'request_return',
  'approve_return',
  'reject_return',
  'reply',
  'follow_up_close',
  'follow_up_reopen',
  'close',
  'reopen',
  'merge',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

export interface CaseTransitionRule {
  readonly from: readonly CaseStatus[];
  readonly to: CaseStatus;
  readonly roles: readonly Role[];
  /** Completes the sentence "A case that is 'x' cannot …"; used in refusal messages. */
  readonly verbPhrase: string;
  readonly description: string;
}

/**
 * The whole lifecycle in one table: which action moves a case from which states to which
 * state, and who may do it. Services must go through `transition`; the table is exported
 * so that docs and the UI can show it.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseAction, CaseTransitionRule>> = Object.freeze({
  auto_dispatch: {
    from: ['registered'],
    to: 'dispatched',
    roles: ['system'],
    verbPhrase: 'be dispatched automatically',
    description: 'The dispatch catalogue matched a bureau; the case is sent without an agent.',
  },
  queue_for_dispatch: {
    from: ['registered'],
    to: 'awaiting_dispatch',
    roles: ['system', 'agent'],
    verbPhrase: 'be queued for dispatch',
    description: 'No rule matched (or the agent wants a second look); an agent must choose the bureau.',
  },
  direct_answer: {
    from: ['registered'],
    to: 'closed',
    roles: ['agent'],
    verbPhrase: 'be answered directly',
    description: 'The agent resolved the request at intake; it is never dispatched.',
  },
  not_accept: {
    from: ['registered'],
    to: 'closed',
    roles: ['agent'],
    verbPhrase: 'be marked as not accepted',
    description: "Outside the hotline's scope; the citizen is told the proper channel.",
  },
  emergency_transfer: {
    from: ['registered'],
    to: 'closed',
    roles: ['agent'],
    verbPhrase: 'be transferred to an emergency line',
    description: 'Handed to 110 / 119 / 120 / 122 at once.',
  },
  dispatch: {
    from: ['awaiting_dispatch'],
    to: 'dispatched',
    roles: ['agent', 'supervisor'],
    verbPhrase: 'be dispatched',
    description: 'An agent sends the case to the responsible bureau.',
  },
  redispatch: {
    from: ['dispatched', 'in_progress', 'return_review'],
    to: 'dispatched',
    roles: ['agent', 'supervisor'],
    verbPhrase: 'be redispatched',
    description: 'The case is moved to another bureau (改派).',
  },
  accept: {
    from: ['dispatched'],
    to: 'in_progress',
    roles: ['handler'],
    verbPhrase: 'be accepted',
    description: 'The bureau acknowledges it has the case (签收).',
  },
  request_return: {
    from: ['dispatched', 'in_progress'],
    to: 'return_review',
    roles: ['handler'],
    verbPhrase: 'be returned by the bureau',
    description: 'The bureau says the case is not its business, with a reason (退单).',
  },
  approve_return: {
    from: ['return_review'],
    to: 'awaiting_dispatch',
    roles: ['agent', 'supervisor'],
    verbPhrase: 'have its return approved',
    description: 'The hotline agrees the case was misrouted; it must be dispatched again.',
  },
  reject_return: {
    from: ['return_review'],
    to: 'dispatched',
    roles: ['agent', 'supervisor'],
    verbPhrase: 'have its return rejected',
    description: 'The hotline holds the bureau responsible; the case goes back to it.',
  },
  reply: {
    from: ['in_progress'],
    to: 'awaiting_follow_up',
    roles: ['handler'],
    verbPhrase: 'be replied to',
    description: 'The bureau reports what it did (答复).',
  },
  follow_up_close: {
    from: ['awaiting_follow_up'],
    to: 'closed',
    roles: ['agent', 'citizen', 'supervisor'],
    verbPhrase: 'be closed after follow-up',
    description: 'The follow-up found the case solved or the citizen not dissatisfied.',
  },
  follow_up_reopen: {
    from: ['awaiting_follow_up'],
    to: 'in_progress',
    roles: ['agent', 'citizen', 'supervisor'],
    verbPhrase: 'be reopened after follow-up',
    description: 'Unsolved or dissatisfied: back to the bureau with a new deadline (重办).',
  },
  close: {
    from: ['awaiting_follow_up'],
    to: 'closed',
    roles: ['agent', 'supervisor', 'admin'],
    verbPhrase: 'be closed',
    description: 'Closed without a follow-up answer (e.g. the citizen could not be reached).',
  },
  reopen: {
    // The service additionally checks that the case had been dispatched: a case closed at
    // intake has no bureau to reopen it for.
    from: ['closed'],
    to: 'in_progress',
    roles: ['supervisor', 'admin'],
    verbPhrase: 'be reopened',
    description: 'A closed case goes back to its bureau.',
  },
  merge: {
    from: OPEN_STATUSES,
    to: 'closed',
    roles: ['agent', 'supervisor'],
    verbPhrase: 'be merged',
    description: 'A repeat request is merged into its parent case (并单) and follows it.',
  },
} satisfies Record<CaseAction, CaseTransitionRule>);

export type TransitionErrorCode = 'invalid_transition' | 'forbidden_role';

export type TransitionResult = { ok: true; to: CaseStatus } | { ok: false; code: TransitionErrorCode; message: string };

function isCaseAction(value: string): value is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(value);
}

/**
 * Decides one step of the lifecycle. The state is checked before the role, so a request
 * that is wrong on both counts is reported as an invalid transition: that is the more
 * useful message ("the case has moved on") for the person who sent it.
 */
export function transition(from: CaseStatus, action: CaseAction, role: Role): TransitionResult {
  // Values typically come from HTTP bodies; guard at run time, not only in the types.
  if (!isCaseAction(action)) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `'${String(action)}' is not a known case action; known actions: ${CASE_ACTIONS.join(', ')}`,
    };
  }
  if (!(CASE_STATUSES as readonly string[]).includes(from)) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `'${String(from)}' is not a known case status`,
    };
  }
  const rule = CASE_TRANSITIONS[action];
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      code: 'invalid_transition',
      message: `A case that is '${from}' cannot ${rule.verbPhrase}; ${action} is allowed only from: ${rule.from.join(', ')}`,
    };
  }
  if (!(ROLES as readonly string[]).includes(role) || !rule.roles.includes(role)) {
    return {
      ok: false,
      code: 'forbidden_role',
      message: `The '${String(role)}' role may not perform ${action}; ${action} is allowed only for: ${rule.roles.join(', ')}`,
    };
  }
  return { ok: true, to: rule.to };
}

/** The actions a user with `role` may take on a case in `status`, in lifecycle order. */
export function allowedActions(status: CaseStatus, role: Role): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const rule = CASE_TRANSITIONS[action];
    return rule.from.includes(status) && rule.roles.includes(role);
  });
}

export interface FollowUpAnswers {
  contacted: boolean;
  solved: Solved;
  satisfaction: Satisfaction;
}

/**
 * What the follow-up means for the case: reopen when the problem is not solved or the
 * citizen is dissatisfied; otherwise close. 'partly' solved and 'no_answer' close the case
 * (they still count against the bureau in the rates). Not having been contacted does not
 * by itself reopen the case; it lowers the response rate instead.
 */
export function followUpOutcome(answers: FollowUpAnswers): 'close' | 'reopen' {
  return answers.solved === 'not' || answers.satisfaction === 'dissatisfied' ? 'reopen' : 'close';
}
