import type { CaseStatus } from './case-model';

// What the citizen is told about where their request stands (issue 12): a short list of
// steps with codes the web translates — never internal text.

export const CITIZEN_STEP_CODES = ['received', 'dispatching', 'handling', 'replied', 'closed'] as const;
export type CitizenStepCode = (typeof CITIZEN_STEP_CODES)[number];
export type CitizenStepState = 'done' | 'current' | 'next';

const CURRENT: Record<CaseStatus, CitizenStepCode> = {
  registered: 'dispatching',
  awaiting_dispatch: 'dispatching',
  dispatched: 'handling',
  in_progress: 'handling',
  // A bureau's return is the hotline's internal matter: to the citizen it is still being handled.
  return_review: 'handling',
  awaiting_follow_up: 'replied',
  closed: 'closed',
};

/**
 * The steps of the citizen's request with the one in progress. A request closed at intake
 * (answered on the spot, not accepted, transferred) never went to a bureau: received → closed.
 */
export function citizenSteps(
  status: CaseStatus,
  everDispatched: boolean,
): Array<{ code: CitizenStepCode; state: CitizenStepState }> {
  const codes: CitizenStepCode[] =
    status === 'closed' && !everDispatched ? ['received', 'closed'] : [...CITIZEN_STEP_CODES];
  const at = codes.indexOf(CURRENT[status]);
  return codes.map((code, i) => ({
    code,
    // A closed request has nothing ahead: every step is done.
    state: status === 'closed' || i < at ? 'done' : i === at ? 'current' : 'next',
  }));
}

/** The reply deadline the citizen is shown: only while a bureau owes the reply. */
export function citizenReplyDueAt(status: CaseStatus, replyDueAt: Date | null): Date | null {
  return status === 'dispatched' || status === 'in_progress' || status === 'return_review' ? replyDueAt : null;
}
