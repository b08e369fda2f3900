import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CATEGORY_SYNONYMS } from './frozen/1796300000001-category-synonyms.data';

/**
 * Everyday words for categories (小摊贩 → 占道经营, 停水了 → 停水, 噪音扰民 → 社会生活噪声),
 * matched by the category search and the public "describe it, we suggest" endpoint. An
 * existing catalogue gets the seeded words by category code (a fresh database gets them
 * from the demo seed, which runs after the migrations).
 */
export class CategorySynonyms1796300000001 implements MigrationInterface {
  name = 'CategorySynonyms1796300000001';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE categories ADD COLUMN synonyms text[] NOT NULL DEFAULT '{}'`);
    for (const [code, words] of Object.entries(CATEGORY_SYNONYMS)) {
      await q.query(`UPDATE categories SET synonyms = $2 WHERE code = $1`, [code, words]);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE categories DROP COLUMN synonyms`);
  }
}
