import { CASE_STATUSES, ROLES, SATISFACTION_VALUES, SOLVED_VALUES, type CaseStatus, type Role } from './case-model';
import {
  CASE_ACTIONS,
  CASE_TRANSITIONS,
  allowedActions,
  followUpOutcome,
  transition,
  type CaseAction,
} from './case-state-machine';

// The expected lifecycle, written independently of CASE_TRANSITIONS (from the brief and
// DOMAIN.md), as "action: from statuses -> to status : roles".
const EXPECTED_LINES = `
  auto_dispatch      : registered                                 -> dispatched         : system
  queue_for_dispatch : registered                                 -> awaiting_dispatch  : system agent
  direct_answer      : registered                                 -> closed             : agent
  not_accept         : registered                                 -> closed             : agent
  emergency_transfer : registered                                 -> closed             : agent
  dispatch           : awaiting_dispatch                          -> dispatched         : agent supervisor
  redispatch         : dispatched in_progress return_review       -> dispatched         : agent supervisor
  accept             : dispatched                                 -> in_progress        : handler
  request_return     : dispatched in_progress                     -> return_review      : handler
  approve_return     : return_review                              -> awaiting_dispatch  : agent supervisor
  reject_return      : return_review                              -> dispatched         : agent supervisor
  reply              : in_progress                                -> awaiting_follow_up : handler
  follow_up_close    : awaiting_follow_up                         -> closed             : agent citizen supervisor
  follow_up_reopen   : awaiting_follow_up                         -> in_progress        : agent citizen supervisor
  close              : awaiting_follow_up                         -> closed             : agent supervisor admin
  reopen             : closed                                     -> in_progress        : supervisor admin
  merge              : registered awaiting_dispatch dispatched return_review in_progress awaiting_follow_up -> closed : agent supervisor
`;

interface Expected {
  from: Set<string>;
  to: string;
  roles: Set<string>;
}

function parseExpected(): Map<string, Expected> {
  const map = new Map<string, Expected>();
  for (const line of EXPECTED_LINES.split('\n')
    .map((l) => l.trim())
    .filter(Boolean)) {
    const [action, rest] = line.split(/\s*:\s*(.*)/s) as [string, string];
    const [fromPart, toAndRoles] = rest.split('->') as [string, string];
    const [to, roles] = toAndRoles.split(':').map((s) => s.trim()) as [string, string];
    map.set(action.trim(), {
      from: new Set(fromPart.trim().split(/\s+/)),
      to,
      roles: new Set(roles.split(/\s+/)),
    });
  }
  return map;
}

const expected = parseExpected();

describe('case state machine', () => {
  it('the expectation covers exactly the exported actions', () => {
    expect([...expected.keys()].sort()).toEqual([...CASE_ACTIONS].sort());
    expect(Object.keys(CASE_TRANSITIONS).sort()).toEqual([...CASE_ACTIONS].sort());
  });

  const triples: [CaseStatus, CaseAction, Role][] = [];
  for (const s of CASE_STATUSES) for (const a of CASE_ACTIONS) for (const r of ROLES) triples.push([s, a, r]);

  it('checks all 7 × 17 × 6 triples', () => {
    expect(triples).toHaveLength(7 * 17 * 6);
  });

  it.each(triples)('%s --%s--> as %s', (status, action, role) => {
    const exp = expected.get(action)!;
    const result = transition(status, action, role);
    if (!exp.from.has(status)) {
      expect(result).toEqual({ ok: false, code: 'invalid_transition', message: expect.any(String) });
    } else if (!exp.roles.has(role)) {
      expect(result).toEqual({ ok: false, code: 'forbidden_role', message: expect.any(String) });
    } else {
      expect(result).toEqual({ ok: true, to: exp.to });
    }
  });

  it.each(CASE_STATUSES.flatMap((s) => ROLES.map((r) => [s, r] as const)))(
    'allowedActions(%s, %s) agrees with the expectation',
    (status, role) => {
      const want = CASE_ACTIONS.filter((a) => {
        const e = expected.get(a)!;
        return e.from.has(status) && e.roles.has(role);
      });
      expect(allowedActions(status, role)).toEqual(want);
    },
  );

  it('explains an invalid transition in plain English', () => {
    const result = transition('closed', 'accept', 'handler');
    expect(result).toEqual({
      ok: false,
      code: 'invalid_transition',
      message: "A case that is 'closed' cannot be accepted; accept is allowed only from: dispatched",
    });
  });

  it('explains a forbidden role in plain English', () => {
    const result = transition('dispatched', 'accept', 'citizen');
    expect(result).toEqual({
      ok: false,
      code: 'forbidden_role',
      message: "The 'citizen' role may not perform accept; accept is allowed only for: handler",
    });
  });

  it('reports the state problem first when both state and role are wrong', () => {
    const result = transition('closed', 'accept', 'citizen');
    expect(result.ok === false && result.code).toBe('invalid_transition');
  });

  it('lists every permitted source status in the message', () => {
    const result = transition('registered', 'redispatch', 'agent');
    expect(result.ok === false && result.message).toBe(
      "A case that is 'registered' cannot be redispatched; redispatch is allowed only from: dispatched, in_progress, return_review",
    );
  });

  it('refuses unknown actions, statuses and roles arriving as untyped strings', () => {
    expect(transition('registered', 'teleport' as CaseAction, 'agent')).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(transition('lost' as CaseStatus, 'accept', 'handler')).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(transition('dispatched', 'accept', 'janitor' as Role)).toMatchObject({
      ok: false,
      code: 'forbidden_role',
    });
  });

  it('the exported table cannot be modified', () => {
    expect(Object.isFrozen(CASE_TRANSITIONS)).toBe(true);
  });

  it('nothing leaves closed except reopen', () => {
    for (const role of ROLES) {
      expect(allowedActions('closed', role).filter((a) => a !== 'reopen')).toEqual([]);
    }
  });

  it('every status except closed can be merged', () => {
    for (const status of CASE_STATUSES) {
      expect(transition(status, 'merge', 'agent').ok).toBe(status !== 'closed');
    }
  });
});

describe('followUpOutcome', () => {
  const combos = [true, false].flatMap((contacted) =>
    SOLVED_VALUES.flatMap((solved) => SATISFACTION_VALUES.map((satisfaction) => ({ contacted, solved, satisfaction }))),
  );

  it.each(combos)('%o', (answers) => {
    const shouldReopen = answers.solved === 'not' || answers.satisfaction === 'dissatisfied';
    expect(followUpOutcome(answers)).toBe(shouldReopen ? 'reopen' : 'close');
  });

  it('closes a partly solved case with a basically satisfied citizen', () => {
    expect(followUpOutcome({ contacted: true, solved: 'partly', satisfaction: 'basically' })).toBe('close');
  });

  it('reopens a solved case when the citizen is dissatisfied', () => {
    expect(followUpOutcome({ contacted: true, solved: 'solved', satisfaction: 'dissatisfied' })).toBe('reopen');
  });
});
