import {
  DEMO_BUREAUS,
  DEMO_CATEGORIES,
  DEMO_DISPATCH_RULES,
  DEMO_DISTRICTS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type CategorySeed,
} from './index';

interface FlatCategory {
  node: CategorySeed;
  level: number;
  /** codes from the top class down to this node, inclusive */
  path: string[];
}

function flatten(nodes: CategorySeed[], level = 1, parentPath: string[] = []): FlatCategory[] {
  return nodes.flatMap((node) => {
    const path = [...parentPath, node.code];
    return [{ node, level, path }, ...flatten(node.children ?? [], level + 1, path)];
  });
}

const ALL = flatten(DEMO_CATEGORIES);
const LEAVES = ALL.filter((c) => (c.node.children ?? []).length === 0);
const CATEGORY_CODES = new Set(ALL.map((c) => c.node.code));
const DISTRICT_CODES = new Set(DEMO_DISTRICTS.map((d) => d.code));
const STREET_DISTRICT = new Map(DEMO_DISTRICTS.flatMap((d) => d.streets.map((s) => [s.code, d.code] as const)));
const BUREAU_CODES = new Set(DEMO_BUREAUS.map((b) => b.code));

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

/** Same normalisation as the catalogue's unique key: a blank keyword is no keyword. */
function ruleKey(r: (typeof DEMO_DISPATCH_RULES)[number]): string {
  const keyword = r.keyword?.trim().toLowerCase() || '*';
  return `${r.category}|${r.district ?? '*'}|${r.street ?? '*'}|${keyword}`;
}

/** Rules whose category is the leaf or one of its ancestors (whatever their conditions). */
function rulesReaching(leaf: FlatCategory) {
  return DEMO_DISPATCH_RULES.filter((r) => leaf.path.includes(r.category));
}

describe('demo catalogue', () => {
  it('has at least 14 top classes, ~45+ mid classes and at least 160 leaves', () => {
    expect(DEMO_CATEGORIES.length).toBeGreaterThanOrEqual(14);
    expect(ALL.filter((c) => c.level === 2).length).toBeGreaterThanOrEqual(40);
    expect(LEAVES.length).toBeGreaterThanOrEqual(160);
  });

  it('is exactly three levels deep: every leaf is at level 3', () => {
    expect(LEAVES.filter((c) => c.level !== 3).map((c) => c.node.code)).toEqual([]);
    expect(ALL.filter((c) => c.level > 3).map((c) => c.node.code)).toEqual([]);
  });

  it('has unique, hierarchical ASCII codes', () => {
    expect(duplicates(ALL.map((c) => c.node.code))).toEqual([]);
    for (const c of ALL) {
      expect(c.node.code).toMatch(/^[A-Z0-9]+(\.[A-Z0-9]+){0,2}$/);
      expect(c.node.code).toBe(c.path.map((p) => p.split('.').pop()).join('.'));
    }
  });

  it('names every node in Chinese and English', () => {
    for (const c of ALL) {
      expect(c.node.zh).toMatch(/\p{Script=Han}/u);
      expect(c.node.en.trim()).not.toBe('');
    }
  });

  it('gives most leaves 1-4 caller keywords', () => {
    const withKeywords = LEAVES.filter((c) => (c.node.keywords ?? []).length > 0);
    expect(withKeywords.length / LEAVES.length).toBeGreaterThan(0.8);
    for (const c of ALL) {
      const keywords = c.node.keywords ?? [];
      expect(keywords.length).toBeLessThanOrEqual(4);
      expect(duplicates(keywords)).toEqual([]);
    }
  });

  it('marks water, power, gas and heating leaves as utility, and a handful as complex', () => {
    const utilityMids = ['GY.GS', 'GY.GD', 'GY.RQ', 'GY.GR'];
    for (const c of LEAVES) {
      const isUtility = utilityMids.includes(c.path[1] ?? '');
      expect([c.node.code, c.node.deadlineClass === 'utility']).toEqual([c.node.code, isUtility]);
    }
    const complex = LEAVES.filter((c) => c.node.deadlineClass === 'complex').map((c) => c.node.code);
    expect(complex).toEqual(expect.arrayContaining(['CM.WJ.WZDJ', 'ZF.ZS.ZSBC']));
    expect(complex.length).toBeGreaterThanOrEqual(3);
    expect(complex.length).toBeLessThanOrEqual(12);
    expect(ALL.filter((c) => c.level < 3 && c.node.deadlineClass !== undefined)).toEqual([]);
  });

  it('has about 8 leaves with well-formed service attributes', () => {
    const withAttributes = ALL.filter((c) => (c.node.attributes ?? []).length > 0);
    expect(withAttributes.every((c) => c.level === 3)).toBe(true);
    expect(withAttributes.length).toBeGreaterThanOrEqual(6);
    expect(withAttributes.length).toBeLessThanOrEqual(12);
    for (const c of withAttributes) {
      const attributes = c.node.attributes ?? [];
      expect(duplicates(attributes.map((a) => a.code))).toEqual([]);
      expect(duplicates(attributes.map((a) => String(a.order)))).toEqual([]);
      for (const a of attributes) {
        expect(a.code).toMatch(/^[a-z][a-z0-9_]*$/);
        const isList = a.datatype === 'singlevaluelist' || a.datatype === 'multivaluelist';
        if (isList) {
          expect((a.values ?? []).length).toBeGreaterThanOrEqual(2);
          expect(duplicates((a.values ?? []).map((v) => v.key))).toEqual([]);
        } else {
          expect(a.values).toBeUndefined();
        }
      }
    }
    const trapped = ALL.find((c) => c.node.code === 'ZF.WY.DTGZ')?.node.attributes?.find(
      (a) => a.code === 'person_trapped',
    );
    expect(trapped).toMatchObject({ datatype: 'singlevaluelist', required: true });
  });
});

describe('demo city', () => {
  it('has 6 districts with 5-8 streets each, all codes unique', () => {
    expect(DEMO_DISTRICTS).toHaveLength(6);
    for (const d of DEMO_DISTRICTS) {
      expect(d.streets.length).toBeGreaterThanOrEqual(5);
      expect(d.streets.length).toBeLessThanOrEqual(8);
    }
    expect(duplicates(DEMO_DISTRICTS.map((d) => d.code))).toEqual([]);
    expect(duplicates(DEMO_DISTRICTS.flatMap((d) => d.streets.map((s) => s.code)))).toEqual([]);
    expect(duplicates(DEMO_DISTRICTS.flatMap((d) => d.streets.map((s) => s.zh)))).toEqual([]);
  });

  it('places every street inside the city box and near the rest of its district', () => {
    for (const d of DEMO_DISTRICTS) {
      const lat = d.streets.reduce((sum, s) => sum + s.lat, 0) / d.streets.length;
      const lng = d.streets.reduce((sum, s) => sum + s.lng, 0) / d.streets.length;
      for (const s of d.streets) {
        expect(s.lat).toBeGreaterThanOrEqual(31.2);
        expect(s.lat).toBeLessThanOrEqual(31.4);
        expect(s.lng).toBeGreaterThanOrEqual(120.5);
        expect(s.lng).toBeLessThanOrEqual(120.8);
        expect(Math.hypot(s.lat - lat, s.lng - lng)).toBeLessThan(0.06);
      }
    }
  });
});

describe('demo bureaus', () => {
  it('has at least 24 bureaus with unique codes, incl. utilities and 4+ district units', () => {
    expect(DEMO_BUREAUS.length).toBeGreaterThanOrEqual(24);
    expect(duplicates(DEMO_BUREAUS.map((b) => b.code))).toEqual([]);
    expect(duplicates(DEMO_BUREAUS.map((b) => b.zh))).toEqual([]);
    for (const b of DEMO_BUREAUS) expect(b.code).toMatch(/^[A-Z][A-Z0-9-]*$/);
    expect(DEMO_BUREAUS.filter((b) => b.kind === 'utility').length).toBeGreaterThanOrEqual(4);
    expect(DEMO_BUREAUS.filter((b) => b.kind === 'district').length).toBeGreaterThanOrEqual(4);
  });
});

describe('demo dispatch rules', () => {
  it('reference existing categories, districts, streets and bureaus', () => {
    for (const r of DEMO_DISPATCH_RULES) {
      const where = JSON.stringify(r);
      expect([where, CATEGORY_CODES.has(r.category)]).toEqual([where, true]);
      expect([where, BUREAU_CODES.has(r.lead)]).toEqual([where, true]);
      for (const a of r.assisting ?? []) {
        expect([where, a, BUREAU_CODES.has(a), a !== r.lead]).toEqual([where, a, true, true]);
      }
      if (r.assisting) expect(duplicates(r.assisting)).toEqual([]);
      if (r.district !== undefined) expect([where, DISTRICT_CODES.has(r.district)]).toEqual([where, true]);
      if (r.street !== undefined) {
        expect([where, STREET_DISTRICT.has(r.street)]).toEqual([where, true]);
        // a street rule names its district too, and the street lies in it
        expect([where, STREET_DISTRICT.get(r.street)]).toEqual([where, r.district]);
      }
      if (r.keyword !== undefined) expect(r.keyword.trim()).not.toBe('');
    }
  });

  it('never repeats the same (category, district, street, keyword) combination', () => {
    expect(duplicates(DEMO_DISPATCH_RULES.map(ruleKey))).toEqual([]);
  });

  it('covers area, street and keyword rules', () => {
    expect(DEMO_DISPATCH_RULES.some((r) => r.district !== undefined && r.street === undefined)).toBe(true);
    expect(DEMO_DISPATCH_RULES.some((r) => r.street !== undefined)).toBe(true);
    expect(DEMO_DISPATCH_RULES.some((r) => r.keyword !== undefined)).toBe(true);
    expect(DEMO_DISPATCH_RULES.some((r) => (r.assisting ?? []).length > 0)).toBe(true);
  });

  it('leaves the deliberately ownerless classes without any rule, and only those', () => {
    const ownerless = LEAVES.filter((c) => rulesReaching(c).length === 0).map((c) => c.node.code);
    expect(ownerless.length).toBeGreaterThanOrEqual(1);
    expect(ownerless.every((code) => code.startsWith('CM.XYT.') || code.startsWith('GY.TX.'))).toBe(true);
    expect(ownerless).toEqual(expect.arrayContaining(['CM.XYT.GXDC', 'GY.TX.XLZL']));
  });

  it('gives every other leaf a rule without conditions, so auto-dispatch always finds an owner', () => {
    const owned = LEAVES.filter((c) => rulesReaching(c).length > 0);
    for (const c of owned) {
      const unconditional = rulesReaching(c).filter((r) => !r.district && !r.street && !r.keyword);
      expect([c.node.code, unconditional.length > 0]).toEqual([c.node.code, true]);
    }
  });
});

describe('demo users', () => {
  it('has unique usernames, an admin, 2 supervisors and agent01..agent03', () => {
    expect(duplicates(DEMO_USERS.map((u) => u.username))).toEqual([]);
    expect(DEMO_USERS.filter((u) => u.role === 'admin').length).toBeGreaterThanOrEqual(1);
    expect(DEMO_USERS.filter((u) => u.role === 'supervisor')).toHaveLength(2);
    expect(DEMO_USERS.filter((u) => u.role === 'agent').map((u) => u.username)).toEqual(
      expect.arrayContaining(['agent01', 'agent02', 'agent03']),
    );
    expect(DEMO_PASSWORD).toBe('Hotline#2026');
  });

  it('attaches a bureau to handlers only, and every bureau exists', () => {
    for (const u of DEMO_USERS) {
      if (u.role === 'handler') expect([u.username, BUREAU_CODES.has(u.bureau ?? '')]).toEqual([u.username, true]);
      else expect(u.bureau).toBeUndefined();
    }
  });

  it('has handlers for 6+ bureaus incl. city urban management, housing, water and a district unit', () => {
    const handlerBureaus = new Set(DEMO_USERS.filter((u) => u.role === 'handler').map((u) => u.bureau ?? ''));
    expect(handlerBureaus.size).toBeGreaterThanOrEqual(6);
    for (const code of ['CGJ', 'ZJJ', 'WATER']) expect(handlerBureaus.has(code)).toBe(true);
    const kinds = DEMO_BUREAUS.filter((b) => handlerBureaus.has(b.code)).map((b) => b.kind);
    expect(kinds).toContain('district');
  });

  it("gives every handler's bureau at least one rule as lead", () => {
    const leads = new Set(DEMO_DISPATCH_RULES.map((r) => r.lead));
    for (const u of DEMO_USERS.filter((x) => x.role === 'handler')) {
      expect([u.username, leads.has(u.bureau ?? '')]).toEqual([u.username, true]);
    }
  });
});
