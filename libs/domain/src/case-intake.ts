import type { CaseAction } from './case-state-machine';
import { allowedActions } from './case-state-machine';
import type { CaseStatus, CloseReason, IntakeDisposition, Role } from './case-model';
import { ACCESS_CODE_ALPHABET, ACCESS_CODE_LENGTH } from './tracking';

// Intake decisions, the HTTP action vocabulary and list cursors: small pure rules the
// cases service needs and the UI can reuse.

export interface IntakeOutcome {
  action: CaseAction;
  /** The role the state machine is asked with: the catalogue acts as 'system'. */
  role: Role;
  closeReason: CloseReason | null;
}

/**
 * What happens to a new case: an agent's disposition closes it at intake; otherwise the
 * catalogue decides (a match dispatches it flat to the lead bureau, no match queues it for
 * an agent).
 */
export function intakeOutcome(disposition: IntakeDisposition, matched: boolean, actorRole: Role): IntakeOutcome {
  switch (disposition) {
    case 'direct_answer':
      return { action: 'direct_answer', role: actorRole, closeReason: 'direct_answer' };
    case 'not_accepted':
      return { action: 'not_accept', role: actorRole, closeReason: 'not_accepted' };
    case 'emergency_transfer':
      return { action: 'emergency_transfer', role: actorRole, closeReason: 'emergency_transfer' };
    case 'dispatch':
      return matched
        ? { action: 'auto_dispatch', role: 'system', closeReason: null }
        : { action: 'queue_for_dispatch', role: 'system', closeReason: null };
  }
}

/**
 * Maps bytes (e.g. an HMAC) onto an access code. Lets the API re-derive the same code for
 * a retried request (same Idempotency-Key) without ever storing the code itself.
 */
export function accessCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < ACCESS_CODE_LENGTH) throw new RangeError(`need at least ${ACCESS_CODE_LENGTH} bytes`);
  let code = '';
  for (let i = 0; i < ACCESS_CODE_LENGTH; i++) code += ACCESS_CODE_ALPHABET[bytes[i]! % ACCESS_CODE_ALPHABET.length];
  return code;
}

/** The action names of the HTTP API (`POST /api/cases/:id/<name>`). */
export const HTTP_CASE_ACTIONS = [
  'dispatch',
  'redispatch',
  'accept',
  'return',
  'return-decision',
  'reply',
  'follow-up',
  'close',
  'reopen',
  'merge',
  'contributions',
] as const;
export type HttpCaseAction = (typeof HTTP_CASE_ACTIONS)[number];

/** Which state-machine actions an HTTP action may lead to (any one suffices to offer it). */
const HTTP_TO_DOMAIN: Record<Exclude<HttpCaseAction, 'contributions'>, readonly CaseAction[]> = {
  dispatch: ['dispatch'],
  redispatch: ['redispatch'],
  accept: ['accept'],
  return: ['request_return'],
  'return-decision': ['approve_return', 'reject_return'],
  reply: ['reply'],
  'follow-up': ['follow_up_close', 'follow_up_reopen'],
  close: ['close'],
  reopen: ['reopen'],
  merge: ['merge'],
};

export interface ActionContext {
  status: CaseStatus;
  role: Role;
  /** For handlers: does the viewer's bureau lead the case (true) or only assist (false)? */
  isLeadBureau: boolean;
  /** A case closed at intake or by merging has no bureau to reopen it for. */
  reopenable: boolean;
}

/**
 * The HTTP actions to offer a viewer, consistent with `transition`: handlers act only for
 * the lead bureau; assisting bureaus may only add contributions while the case is open.
 */
export function allowedHttpActions(ctx: ActionContext): HttpCaseAction[] {
  const domain = new Set(allowedActions(ctx.status, ctx.role));
  const out: HttpCaseAction[] = [];
  for (const name of HTTP_CASE_ACTIONS) {
    if (name === 'contributions') {
      if (ctx.role === 'handler' && ctx.status !== 'closed' && ctx.status !== 'registered') out.push(name);
      continue;
    }
    if (ctx.role === 'handler' && !ctx.isLeadBureau) continue;
    if (name === 'reopen' && !ctx.reopenable) continue;
    if (HTTP_TO_DOMAIN[name].some((a) => domain.has(a))) out.push(name);
  }
  return out;
}

/**
 * Keyset cursor over (created_at DESC, id DESC). The instant keeps PostgreSQL's microseconds
 * (a JS Date would round them away and skip or repeat rows).
 */
const CURSOR =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,6})?Z)~([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

export interface CaseCursor {
  createdAt: string;
  id: string;
}

export function encodeCaseCursor(cursor: CaseCursor): string {
  return `${cursor.createdAt}~${cursor.id}`;
}

export function decodeCaseCursor(s: string): CaseCursor | null {
  const m = CURSOR.exec(s);
  if (!m || Number.isNaN(Date.parse(m[1]!))) return null;
  return { createdAt: m[1]!, id: m[2]! };
}

/**
 * What the timeline and the citizen are told when a request is not accepted (不予受理): the
 * reason and where to turn instead, one line each (both are required at intake).
 */
export function notAcceptedNote(reason: string, properChannel: string): string {
  return `${reason.trim()}\n${properChannel.trim()}`.trim();
}
