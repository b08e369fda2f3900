import {
  matchDispatchRule,
  ruleSpecificityKey,
  type DispatchInput,
  type DispatchRuleCandidate,
} from './dispatch-matching';

// Category tree used below: 1 城市管理 → 10 市容环境 → 100 占道经营; 2 is another top class.
const TOP = 1;
const MID = 10;
const LEAF = 100;
const OTHER_TOP = 2;

let nextId = 1;
function rule(partial: Partial<DispatchRuleCandidate> & { categoryId: number }): DispatchRuleCandidate {
  return {
    id: partial.id ?? nextId++,
    districtId: null,
    streetId: null,
    keyword: null,
    leadBureauId: 900 + (partial.id ?? nextId),
    assistingBureauIds: [],
    ...partial,
  };
}

const input: DispatchInput = {
  categoryPath: [TOP, MID, LEAF],
  districtId: 5,
  streetId: 51,
  description: '门口有人占道经营，卖水果的摊贩 Blocking the SIDEWALK every night',
};

describe('matchDispatchRule: which rules apply', () => {
  it('returns null when there are no rules', () => {
    expect(matchDispatchRule([], input)).toBeNull();
  });

  it('matches a rule on any level of the category path', () => {
    for (const categoryId of [TOP, MID, LEAF]) {
      const r = rule({ id: 1, categoryId });
      expect(matchDispatchRule([r], input)?.rule).toBe(r);
    }
  });

  it('ignores a rule for a category off the path', () => {
    expect(matchDispatchRule([rule({ categoryId: OTHER_TOP })], input)).toBeNull();
  });

  it('ignores a rule for a deeper category than the case has', () => {
    expect(matchDispatchRule([rule({ categoryId: LEAF })], { ...input, categoryPath: [TOP, MID] })).toBeNull();
  });

  it('requires the district when the rule sets one', () => {
    expect(matchDispatchRule([rule({ categoryId: LEAF, districtId: 5 })], input)).not.toBeNull();
    expect(matchDispatchRule([rule({ categoryId: LEAF, districtId: 6 })], input)).toBeNull();
    expect(matchDispatchRule([rule({ categoryId: LEAF, districtId: 5 })], { ...input, districtId: null })).toBeNull();
  });

  it('requires the street when the rule sets one', () => {
    expect(matchDispatchRule([rule({ categoryId: LEAF, streetId: 51 })], input)).not.toBeNull();
    expect(matchDispatchRule([rule({ categoryId: LEAF, streetId: 52 })], input)).toBeNull();
    expect(matchDispatchRule([rule({ categoryId: LEAF, streetId: 51 })], { ...input, streetId: null })).toBeNull();
  });

  it('a rule without district or street applies to a case without a place', () => {
    const r = rule({ categoryId: MID });
    expect(matchDispatchRule([r], { ...input, districtId: null, streetId: null })?.rule).toBe(r);
  });

  it('matches keywords case-insensitively, in Chinese and Latin script', () => {
    expect(matchDispatchRule([rule({ categoryId: LEAF, keyword: '摊贩' })], input)).not.toBeNull();
    expect(matchDispatchRule([rule({ categoryId: LEAF, keyword: 'sidewalk' })], input)).not.toBeNull();
    expect(matchDispatchRule([rule({ categoryId: LEAF, keyword: 'BLOCKING' })], input)).not.toBeNull();
    expect(matchDispatchRule([rule({ categoryId: LEAF, keyword: '噪音' })], input)).toBeNull();
  });

  it('treats a blank keyword as no keyword', () => {
    const m = matchDispatchRule([rule({ id: 3, categoryId: LEAF, keyword: '  ' })], input);
    expect(m?.specificity).toEqual([0, 0, 0, 2, 0]);
    expect(m?.reason).toBe('rule #3: category level 3');
  });
});

describe('matchDispatchRule: the most specific rule wins', () => {
  // Each pair: the first must beat the second whatever the order and the ids.
  const pairs: [string, DispatchRuleCandidate, DispatchRuleCandidate][] = [
    [
      'keyword beats street',
      rule({ categoryId: TOP, keyword: '摊贩' }),
      rule({ categoryId: LEAF, districtId: 5, streetId: 51 }),
    ],
    ['street beats district', rule({ categoryId: TOP, streetId: 51 }), rule({ categoryId: LEAF, districtId: 5 })],
    [
      'street + district beats street alone',
      rule({ categoryId: TOP, districtId: 5, streetId: 51 }),
      rule({ categoryId: LEAF, streetId: 51 }),
    ],
    ['district beats category depth', rule({ categoryId: TOP, districtId: 5 }), rule({ categoryId: LEAF })],
    ['leaf beats mid', rule({ categoryId: LEAF }), rule({ categoryId: MID })],
    ['mid beats top', rule({ categoryId: MID }), rule({ categoryId: TOP })],
    [
      'category depth beats keyword length',
      rule({ categoryId: LEAF, keyword: '摊贩' }),
      rule({ categoryId: MID, keyword: '卖水果的摊贩' }),
    ],
    [
      'longer keyword beats shorter on the same category',
      rule({ categoryId: LEAF, keyword: '卖水果' }),
      rule({ categoryId: LEAF, keyword: '水果' }),
    ],
  ];

  it.each(pairs)('%s', (_name, winner, loser) => {
    for (const [a, b] of [
      [winner, loser],
      [loser, winner],
    ] as const) {
      expect(matchDispatchRule([a, b], input)?.rule).toBe(winner);
    }
    // The ids must not matter when the specificity differs.
    const lowIdLoser = { ...loser, id: 0 };
    const highIdWinner = { ...winner, id: 10_000 };
    expect(matchDispatchRule([lowIdLoser, highIdWinner], input)?.rule).toBe(highIdWinner);
  });

  it('breaks a full tie by the lowest rule id, whatever the order', () => {
    const a = rule({ id: 7, categoryId: LEAF, keyword: '摊贩' });
    const b = rule({ id: 3, categoryId: LEAF, keyword: '水果' });
    expect(matchDispatchRule([a, b], input)?.rule).toBe(b);
    expect(matchDispatchRule([b, a], input)?.rule).toBe(b);
  });

  it('reports the specificity key and a readable reason', () => {
    const r = rule({ id: 12, categoryId: LEAF, streetId: 51 });
    expect(matchDispatchRule([r], input)).toEqual({
      rule: r,
      specificity: [0, 1, 0, 2, 0],
      reason: 'rule #12: category level 3 + street',
    });
    const full = rule({ id: 13, categoryId: MID, districtId: 5, streetId: 51, keyword: 'Sidewalk' });
    expect(matchDispatchRule([full], input)).toEqual({
      rule: full,
      specificity: [1, 1, 1, 1, 8],
      reason: 'rule #13: category level 2 + district + street + keyword "Sidewalk"',
    });
  });

  it('measures keyword length in characters, not UTF-16 units', () => {
    const m = matchDispatchRule([rule({ categoryId: LEAF, keyword: '摊贩' })], input);
    expect(m?.specificity[4]).toBe(2);
  });

  // A brute-force check against a second, independent formulation of the ordering:
  // encode the criteria as one number and take the maximum.
  it('agrees with a reference implementation on random catalogues', () => {
    let seed = 42;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const keywords = [null, '摊贩', '水果', '卖水果的', 'night', 'x', '噪音'];
    const categories = [TOP, MID, LEAF, OTHER_TOP];
    for (let round = 0; round < 500; round++) {
      const ids = new Set<number>();
      const rules: DispatchRuleCandidate[] = [];
      const count = 1 + random(12);
      while (rules.length < count) {
        const id = 1 + random(50);
        if (ids.has(id)) continue;
        ids.add(id);
        rules.push({
          id,
          categoryId: categories[random(categories.length)]!,
          districtId: [null, 5, 6][random(3)]!,
          streetId: [null, 51, 52][random(3)]!,
          keyword: keywords[random(keywords.length)]!,
          leadBureauId: id,
          assistingBureauIds: [],
        });
      }
      const caseInput: DispatchInput = {
        ...input,
        districtId: [null, 5][random(2)]!,
        streetId: [null, 51][random(2)]!,
      };
      const applicable = rules.filter(
        (r) =>
          caseInput.categoryPath.includes(r.categoryId) &&
          (r.districtId === null || r.districtId === caseInput.districtId) &&
          (r.streetId === null || r.streetId === caseInput.streetId) &&
          (r.keyword === null || caseInput.description.toLowerCase().includes(r.keyword.toLowerCase())),
      );
      const score = (r: DispatchRuleCandidate): number =>
        (r.keyword ? 1 : 0) * 1e9 +
        (r.streetId !== null ? 1 : 0) * 1e8 +
        (r.districtId !== null ? 1 : 0) * 1e7 +
        caseInput.categoryPath.indexOf(r.categoryId) * 1e6 +
        [...(r.keyword ?? '')].length * 1e4 -
        r.id;
      const want = applicable.sort((a, b) => score(b) - score(a))[0] ?? null;
      const got = matchDispatchRule(rules, caseInput);
      expect(got?.rule ?? null).toBe(want);
      // Order of the input never changes the answer.
      expect(matchDispatchRule([...rules].reverse(), caseInput)?.rule ?? null).toBe(want);
    }
  });
});

describe('ruleSpecificityKey', () => {
  it('writes unset conditions as *', () => {
    expect(ruleSpecificityKey({ categoryId: 100, districtId: null, streetId: null, keyword: null })).toBe('100|*|*|*');
  });

  it('lowercases the keyword', () => {
    expect(ruleSpecificityKey({ categoryId: 100, districtId: 5, streetId: 51, keyword: 'SideWalk' })).toBe(
      '100|5|51|sidewalk',
    );
  });

  it('treats a blank keyword like no keyword and trims it', () => {
    expect(ruleSpecificityKey({ categoryId: 1, districtId: null, streetId: null, keyword: ' ' })).toBe('1|*|*|*');
    expect(ruleSpecificityKey({ categoryId: 1, districtId: null, streetId: null, keyword: ' 摊贩 ' })).toBe(
      '1|*|*|摊贩',
    );
  });

  it('keeps district 0 distinct from unset', () => {
    expect(ruleSpecificityKey({ categoryId: 1, districtId: 0, streetId: null, keyword: null })).toBe('1|0|*|*');
  });
});
