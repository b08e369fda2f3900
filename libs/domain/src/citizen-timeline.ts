import { CASE_ACTIONS, type CaseAction } from './case-state-machine';

/**
 * Whether a citizen sees each lifecycle action on the public timeline (the note only when
 * the event is public). Every action is listed, so a new action neither reaches citizens nor
 * stays hidden from them by accident: the compiler asks which it is.
 */
const SHOWN_TO_CITIZEN = {
  auto_dispatch: true,
  queue_for_dispatch: true,
  direct_answer: true,
  not_accept: true,
  emergency_transfer: true,
  dispatch: true,
  redispatch: true,
  accept: true,
  // A handler's request to hand the case back is internal; the citizen sees its outcome.
  request_return: false,
  approve_return: true,
  reject_return: true,
  reply: true,
  follow_up_close: true,
  follow_up_reopen: true,
  close: true,
  reopen: true,
  merge: true,
} as const satisfies Record<CaseAction, boolean>;

/** The case-event actions on the citizen's timeline: the intake itself and the shown lifecycle actions. */
export const CITIZEN_TIMELINE_ACTIONS: ReadonlySet<string> = new Set<string>([
  'intake',
  ...CASE_ACTIONS.filter((action) => SHOWN_TO_CITIZEN[action]),
]);
