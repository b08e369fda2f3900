import {
  accessCodeFromBytes,
  allowedHttpActions,
  decodeCaseCursor,
  encodeCaseCursor,
  HTTP_CASE_ACTIONS,
  intakeOutcome,
} from './case-intake';
import { CASE_STATUSES, type IntakeDisposition, ROLES } from './case-model';
import { transition } from './case-state-machine';
import { ACCESS_CODE_ALPHABET } from './tracking';

const DISPOSITIONS: IntakeDisposition[] = ['dispatch', 'direct_answer', 'not_accepted', 'emergency_transfer'];

describe('intakeOutcome', () => {
  it.each(DISPOSITIONS.flatMap((d) => [true, false].map((m) => [d, m] as const)))(
    'disposition %s (matched=%s) is a transition the state machine allows from registered for an agent',
    (disposition, matched) => {
      const outcome = intakeOutcome(disposition, matched, 'agent');
      const result = transition('registered', outcome.action, outcome.role);
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      // Closing dispositions close with their own reason; dispatch never closes.
      expect(result.to === 'closed').toBe(outcome.closeReason !== null);
    },
  );

  it('the catalogue decides a dispatch: matched → dispatched, unmatched → awaiting_dispatch, acting as system', () => {
    expect(intakeOutcome('dispatch', true, 'citizen')).toEqual({
      action: 'auto_dispatch',
      role: 'system',
      closeReason: null,
    });
    expect(intakeOutcome('dispatch', false, 'citizen')).toEqual({
      action: 'queue_for_dispatch',
      role: 'system',
      closeReason: null,
    });
  });

  it('only agents may close a case at intake', () => {
    for (const d of ['direct_answer', 'not_accepted', 'emergency_transfer'] as const) {
      const o = intakeOutcome(d, false, 'supervisor');
      expect(transition('registered', o.action, o.role)).toMatchObject({ ok: false, code: 'forbidden_role' });
      expect(intakeOutcome(d, true, 'agent').closeReason).toBe(
        d === 'not_accepted' ? 'not_accepted' : d === 'direct_answer' ? 'direct_answer' : 'emergency_transfer',
      );
    }
  });
});

describe('allowedHttpActions', () => {
  const ctxs = CASE_STATUSES.flatMap((status) =>
    ROLES.flatMap((role) => [true, false].map((isLeadBureau) => ({ status, role, isLeadBureau, reopenable: true }))),
  );

  it('never offers an action the state machine would refuse (all statuses × roles × lead/assisting)', () => {
    const domainOf: Record<string, string[]> = {
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
    for (const ctx of ctxs) {
      for (const name of allowedHttpActions(ctx)) {
        if (name === 'contributions') continue;
        const ok = domainOf[name]!.some((a) => transition(ctx.status, a as never, ctx.role).ok);
        expect({ ctx, name, ok }).toEqual({ ctx, name, ok: true });
      }
    }
  });

  it('offers every action the state machine allows, except to assisting bureaus', () => {
    expect(allowedHttpActions({ status: 'dispatched', role: 'handler', isLeadBureau: true, reopenable: true })).toEqual(
      ['accept', 'return', 'contributions'],
    );
    expect(
      allowedHttpActions({ status: 'dispatched', role: 'handler', isLeadBureau: false, reopenable: true }),
    ).toEqual(['contributions']);
    expect(
      allowedHttpActions({ status: 'awaiting_follow_up', role: 'agent', isLeadBureau: false, reopenable: true }),
    ).toEqual(['follow-up', 'close', 'merge']);
  });

  it('does not offer reopen for a case without a bureau to reopen it for', () => {
    const ctx = { status: 'closed' as const, role: 'supervisor' as const, isLeadBureau: false };
    expect(allowedHttpActions({ ...ctx, reopenable: true })).toEqual(['reopen']);
    expect(allowedHttpActions({ ...ctx, reopenable: false })).toEqual([]);
  });

  it('names only known HTTP actions', () => {
    for (const ctx of ctxs) for (const a of allowedHttpActions(ctx)) expect(HTTP_CASE_ACTIONS).toContain(a);
  });
});

describe('accessCodeFromBytes', () => {
  it('maps bytes onto the unambiguous alphabet, 6 characters', () => {
    expect(accessCodeFromBytes(new Uint8Array([0, 1, 31, 32, 255, 8, 99]))).toBe('AB9A9' + ACCESS_CODE_ALPHABET[8]);
    expect(() => accessCodeFromBytes(new Uint8Array(5))).toThrow(RangeError);
  });
});

describe('case cursor', () => {
  it('round-trips with microseconds', () => {
    const c = { createdAt: '2026-11-25T03:32:50.123456Z', id: '5d438628-d452-480a-a46c-41c7e5ed6e05' };
    expect(decodeCaseCursor(encodeCaseCursor(c))).toEqual(c);
  });

  it.each([
    '',
    'garbage',
    '2026-11-25T03:32:50Z~not-a-uuid',
    '2026-13-45T99:00:00Z~5d438628-d452-480a-a46c-41c7e5ed6e05',
  ])('refuses %p', (s) => {
    expect(decodeCaseCursor(s)).toBeNull();
  });
});
