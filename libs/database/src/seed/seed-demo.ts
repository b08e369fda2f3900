import { ruleSpecificityKey } from '@hotline/domain';
import { pinyin } from 'pinyin-pro';
import type { DataSource, EntityManager } from 'typeorm';
import { hashSecret } from '../security/password-hash';
import { CATEGORY_SYNONYMS } from './demo-data/category-synonyms';
import {
  DEMO_BUREAUS,
  DEMO_CATEGORIES,
  DEMO_DISPATCH_RULES,
  DEMO_DISTRICTS,
  DEMO_PASSWORD,
  DEMO_USERS,
  type CategorySeed,
} from './demo-data';

/** Search text for a category: its Chinese path in full pinyin and in initials ("zdjy"). */
function pinyinSearchText(pathZh: string[]): string {
  const full = pathZh.map((s) => pinyin(s, { toneType: 'none', type: 'array' }).join('')).join(' ');
  const initials = pathZh.map((s) => pinyin(s, { pattern: 'first', toneType: 'none', type: 'array' }).join(''));
  return `${full} ${initials.join(' ')}`.toLowerCase();
}

async function insertCategories(
  m: EntityManager,
  nodes: CategorySeed[],
  parentId: number | null,
  level: number,
  pathZh: string[],
  ids: Map<string, number>,
): Promise<void> {
  for (const [index, node] of nodes.entries()) {
    const path = [...pathZh, node.zh];
    const rows: { id: number }[] = await m.query(
      `INSERT INTO categories (parent_id, level, code, name_zh, name_en, pinyin, keywords, deadline_class, attributes, sort_order, synonyms)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11) RETURNING id`,
      [
        parentId,
        level,
        node.code,
        node.zh,
        node.en,
        pinyinSearchText(path),
        node.keywords ?? [],
        node.deadlineClass ?? null,
        JSON.stringify(node.attributes ?? []),
        index,
        CATEGORY_SYNONYMS[node.code] ?? [],
      ],
    );
    const id = rows[0]!.id;
    ids.set(node.code, id);
    await insertCategories(m, node.children ?? [], id, level + 1, path, ids);
  }
}

function idOf(ids: Map<string, number>, code: string, what: string): number {
  const id = ids.get(code);
  if (id === undefined) throw new Error(`demo data: unknown ${what} code ${code}`);
  return id;
}

/**
 * Loads the demo catalogue, city, bureaus, dispatch rules and users into an EMPTY database.
 * Returns false (and changes nothing) when the database already holds bureaus.
 */
export async function seedDemoData(ds: DataSource): Promise<boolean> {
  const [{ count }] = (await ds.query('SELECT count(*)::int AS count FROM bureaus')) as { count: number }[];
  if (count > 0) return false;
  const passwordHash = await hashSecret(DEMO_PASSWORD);

  await ds.transaction(async (m) => {
    const bureaus = new Map<string, number>();
    for (const b of DEMO_BUREAUS) {
      const [row] = (await m.query(
        `INSERT INTO bureaus (code, name_zh, name_en, kind) VALUES ($1,$2,$3,$4) RETURNING id`,
        [b.code, b.zh, b.en, b.kind],
      )) as { id: number }[];
      bureaus.set(b.code, row!.id);
    }
    const categories = new Map<string, number>();
    await insertCategories(m, DEMO_CATEGORIES, null, 1, [], categories);

    const districts = new Map<string, number>();
    const streets = new Map<string, number>();
    for (const d of DEMO_DISTRICTS) {
      const [row] = (await m.query(`INSERT INTO districts (code, name_zh, name_en) VALUES ($1,$2,$3) RETURNING id`, [
        d.code,
        d.zh,
        d.en,
      ])) as { id: number }[];
      districts.set(d.code, row!.id);
      for (const s of d.streets) {
        const [street] = (await m.query(
          `INSERT INTO streets (district_id, code, name_zh, name_en, lat, lng) VALUES ($1,$2,$3,$4,$5,$6) RETURNING id`,
          [row!.id, s.code, s.zh, s.en, s.lat, s.lng],
        )) as { id: number }[];
        streets.set(s.code, street!.id);
      }
    }

    for (const r of DEMO_DISPATCH_RULES) {
      const rule = {
        categoryId: idOf(categories, r.category, 'category'),
        districtId: r.district ? idOf(districts, r.district, 'district') : null,
        streetId: r.street ? idOf(streets, r.street, 'street') : null,
        keyword: r.keyword ?? null,
        leadBureauId: idOf(bureaus, r.lead, 'bureau'),
        assistingBureauIds: (r.assisting ?? []).map((c) => idOf(bureaus, c, 'bureau')),
      };
      const [row] = (await m.query(
        `INSERT INTO dispatch_rules (category_id, district_id, street_id, keyword, lead_bureau_id, assisting_bureau_ids, specificity_key)
         VALUES ($1,$2,$3,$4,$5,$6,$7) RETURNING id`,
        [
          rule.categoryId,
          rule.districtId,
          rule.streetId,
          rule.keyword,
          rule.leadBureauId,
          rule.assistingBureauIds,
          ruleSpecificityKey(rule),
        ],
      )) as { id: number }[];
      await m.query(
        `INSERT INTO dispatch_rule_versions (rule_id, version, change, snapshot) VALUES ($1, 1, 'create', $2)`,
        [row!.id, JSON.stringify({ ...rule, id: row!.id, active: true })],
      );
    }

    for (const u of DEMO_USERS) {
      await m.query(
        `INSERT INTO users (username, password_hash, display_name, role, bureau_id) VALUES ($1,$2,$3,$4,$5)`,
        [u.username, passwordHash, u.displayName, u.role, u.bureau ? idOf(bureaus, u.bureau, 'bureau') : null],
      );
    }
  });
  return true;
}
