import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Example cases for service-gap findings are looked up by a rare flag (no rule matched,
 * returned twice, dissatisfied, overdue) within a category or bureau. Small partial indexes
 * make each lookup a short backward walk instead of a scan of the category's whole month.
 */
const INDEXES: [name: string, columns: string, where: string][] = [
  ['analytics_facts_unmatched_idx', 'category_id, day', 'unmatched = 1'],
  ['analytics_facts_multi_returned_idx', 'category_id, day', 'multi_returned = 1'],
  ['analytics_facts_dissatisfied_idx', 'category_id, bureau_id, day', 'dissatisfied = 1'],
  ['analytics_facts_bureau_dissatisfied_idx', 'bureau_id, day', 'dissatisfied = 1'],
  ['analytics_facts_bureau_overdue_idx', 'bureau_id, day', 'overdue = 1'],
];

export class AnalyticsExampleIndexes1795580529511 implements MigrationInterface {
  name = 'AnalyticsExampleIndexes1795580529511';

  public async up(q: QueryRunner): Promise<void> {
    for (const [name, columns, where] of INDEXES) {
      await q.query(`CREATE INDEX ${name} ON analytics_case_facts (${columns}) WHERE ${where}`);
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const [name] of INDEXES) await q.query(`DROP INDEX ${name}`);
  }
}
