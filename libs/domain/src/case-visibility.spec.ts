import {
  canActOnCase,
  canSeeCase,
  caseFieldVisibility,
  caseVisibility,
  citizenEventNote,
  coarsenCoordinate,
  open311ReadScope,
} from './case-visibility';

describe('caseFieldVisibility: one rule for what each viewer sees', () => {
  const c = { leadBureauId: 7, confidential: false };

  it('gives the hotline everything', () => {
    for (const role of ['agent', 'supervisor', 'admin'] as const) {
      expect(caseFieldVisibility({ role, bureauId: null }, c)).toEqual({ internalNote: true, caller: 'full' });
    }
  });

  it('gives the internal note to the lead bureau only, never to an assisting one', () => {
    expect(caseFieldVisibility({ role: 'handler', bureauId: 7 }, c).internalNote).toBe(true);
    expect(caseFieldVisibility({ role: 'handler', bureauId: 8 }, c).internalNote).toBe(false);
    expect(caseFieldVisibility({ role: 'handler', bureauId: null }, { ...c, leadBureauId: null }).internalNote).toBe(
      false,
    );
  });

  it('masks the caller for bureaus and hides a confidential one; the public never sees it', () => {
    expect(caseFieldVisibility({ role: 'handler', bureauId: 7 }, c).caller).toBe('masked');
    expect(caseFieldVisibility({ role: 'handler', bureauId: 7 }, { ...c, confidential: true }).caller).toBe('hidden');
    expect(caseFieldVisibility({ role: 'citizen', bureauId: null }, c)).toEqual({
      internalNote: false,
      caller: 'hidden',
    });
    expect(caseFieldVisibility({ role: 'public', bureauId: null }, c)).toEqual({
      internalNote: false,
      caller: 'hidden',
    });
  });
});

describe('citizenEventNote', () => {
  const e = { isPublic: true, actorRole: 'system', note: 'rule #1: category level 2' };

  it('keeps dispatch reasons and staff remarks off the tracking page', () => {
    expect(citizenEventNote({ ...e, action: 'auto_dispatch' })).toBeNull();
    expect(citizenEventNote({ ...e, action: 'accept', actorRole: 'handler', note: '先联系物业' })).toBeNull();
    expect(citizenEventNote({ ...e, action: 'dispatch', actorRole: 'agent', note: '派给住建局' })).toBeNull();
  });

  it('shows what was written to the citizen, and the citizen’s own comment', () => {
    expect(citizenEventNote({ ...e, action: 'reply', actorRole: 'handler', note: '已修复' })).toBe('已修复');
    expect(citizenEventNote({ ...e, action: 'direct_answer', actorRole: 'agent', note: '请拨打 110' })).toBe(
      '请拨打 110',
    );
    expect(citizenEventNote({ ...e, action: 'follow_up_close', actorRole: 'citizen', note: '满意' })).toBe('满意');
    expect(citizenEventNote({ ...e, action: 'reply', isPublic: false, note: 'x' })).toBeNull();
  });
});

describe('open311ReadScope', () => {
  it('publishes publicly filed cases at street level to anonymous readers, more to a key', () => {
    expect(open311ReadScope(false)).toEqual({ channels: ['web', 'open311'], exactLocation: false });
    expect(open311ReadScope(true)).toEqual({ channels: 'all', exactLocation: true });
  });

  it('rounds a point to about 100 m', () => {
    expect(coarsenCoordinate(31.29691)).toBe(31.297);
    expect(coarsenCoordinate(-120.62849)).toBe(-120.628);
    expect(coarsenCoordinate(null)).toBeNull();
  });
});

describe('caseVisibility: a handler sees only their bureau cases (lead or assisting)', () => {
  const c = { leadBureauId: 7, assistingBureauIds: [8] };

  it('lets the hotline and the system reach every case, the citizen as the holder of its code', () => {
    for (const role of ['agent', 'supervisor', 'admin', 'system'] as const) {
      expect(caseVisibility({ role, bureauId: null }, c)).toBe('hotline');
    }
    expect(caseVisibility({ role: 'citizen', bureauId: null }, c)).toBe('holder');
    expect(caseVisibility({ role: 'public', bureauId: null }, c)).toBe('none');
  });

  it('tells the lead bureau from an assisting one and hides every other case', () => {
    expect(caseVisibility({ role: 'handler', bureauId: 7 }, c)).toBe('lead');
    expect(caseVisibility({ role: 'handler', bureauId: 8 }, c)).toBe('assisting');
    expect(caseVisibility({ role: 'handler', bureauId: 9 }, c)).toBe('none');
  });

  it('shows a handler without a bureau nothing, not even a case without a bureau', () => {
    expect(caseVisibility({ role: 'handler', bureauId: null }, { leadBureauId: null, assistingBureauIds: [] })).toBe(
      'none',
    );
    expect(caseVisibility({ role: 'handler', bureauId: 7 }, { leadBureauId: null, assistingBureauIds: [] })).toBe(
      'none',
    );
  });

  it('lets an assisting bureau see but not act', () => {
    expect(canSeeCase({ role: 'handler', bureauId: 8 }, c)).toBe(true);
    expect(canActOnCase({ role: 'handler', bureauId: 8 }, c)).toBe(false);
    expect(canActOnCase({ role: 'handler', bureauId: 7 }, c)).toBe(true);
    expect(canActOnCase({ role: 'agent', bureauId: null }, c)).toBe(true);
    expect(canSeeCase({ role: 'handler', bureauId: 9 }, c)).toBe(false);
  });
});
