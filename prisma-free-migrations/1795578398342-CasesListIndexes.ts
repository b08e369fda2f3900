import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the case list filters that the initial schema did not cover. Every list walks
 * (created_at DESC, id DESC) for keyset pagination, so each filter column gets an index that
 * ends in that order: a filtered page is an index range scan, not a sort of millions of rows.
 * Type, urgency and channel are low-cardinality and ride on these scans as filters.
 */
export class CasesListIndexes1795578398342 implements MigrationInterface {
  name = 'CasesListIndexes1795578398342';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX cases_district_created_idx ON cases (district_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_street_created_idx ON cases (street_id, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_category_created_idx ON cases (category_id, created_at DESC, id DESC)`);
    // Only a small share of cases is ever flagged; a partial index keeps the overdue board cheap.
    await q.query(`CREATE INDEX cases_flag_created_idx ON cases (flag, created_at DESC, id DESC) WHERE flag <> 'none'`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_flag_created_idx`);
    await q.query(`DROP INDEX cases_category_created_idx`);
    await q.query(`DROP INDEX cases_street_created_idx`);
    await q.query(`DROP INDEX cases_district_created_idx`);
  }
}
