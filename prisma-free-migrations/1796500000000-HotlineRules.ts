import type { MigrationInterface, QueryRunner } from 'typeorm';
import { HOTLINE_RULES_V1 } from './frozen/1796500000000-hotline-rules.data';

/**
 * The rules real hotlines run by (issue 14), and the schema room the lifecycle needs for them:
 * - `hotline_rule_versions`: the hotline-wide rules as one versioned document (return window,
 *   extension caps, pause rules, the hotline's own clocks, assisting limits, repeat callers);
 * - per deadline policy: whether the hotline reviews the reply, how day limits are counted
 *   (the legal convention or elapsed working hours) and the deadline class it matches;
 * - clock kinds for the hotline's own steps and for assisting bureaus (one clock per assisting
 *   bureau, so their "one pending clock" index names the bureau);
 * - the `reply_review` case status (the reply waits for the hotline before the citizen sees it).
 */
export class HotlineRules1796500000000 implements MigrationInterface {
  name = 'HotlineRules1796500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE hotline_rule_versions (
        version int PRIMARY KEY CHECK (version > 0),
        rules jsonb NOT NULL,
        reason text NOT NULL DEFAULT '',
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO hotline_rule_versions (version, rules, reason) VALUES (1, $1, 'DOMAIN.md defaults')`, [
      JSON.stringify(HOTLINE_RULES_V1),
    ]);

    await q.query(`
      ALTER TABLE deadline_policies
        ADD COLUMN review_required boolean NOT NULL DEFAULT true,
        ADD COLUMN day_counting text NOT NULL DEFAULT 'legal' CHECK (day_counting IN ('legal','elapsed')),
        ADD COLUMN deadline_class text CHECK (deadline_class IN ('utility','complex'))`);
    await q.query(`DROP INDEX deadline_policies_match_uq`);
    await q.query(`
      CREATE UNIQUE INDEX deadline_policies_match_uq ON deadline_policies
        (coalesce(category_id, 0), coalesce(request_type, ''), coalesce(urgency, ''), coalesce(deadline_class, '')) WHERE active`);

    await q.query(`ALTER TABLE case_deadlines DROP CONSTRAINT case_deadlines_kind_check`);
    await q.query(`
      ALTER TABLE case_deadlines ADD CONSTRAINT case_deadlines_kind_check CHECK (kind IN
        ('accept','reply','supervision','dispatch','review','follow_up','assist_accept','assist_reply'))`);
    await q.query(`DROP INDEX case_deadlines_one_pending_uq`);
    await q.query(`
      CREATE UNIQUE INDEX case_deadlines_one_pending_uq ON case_deadlines (case_id, kind)
        WHERE status = 'pending' AND kind IN ('accept','reply','dispatch','review','follow_up')`);
    await q.query(`
      CREATE UNIQUE INDEX case_deadlines_one_pending_assist_uq ON case_deadlines (case_id, kind, bureau_id)
        WHERE status = 'pending' AND kind IN ('assist_accept','assist_reply')`);

    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_status_check`);
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN
        ('registered','awaiting_dispatch','dispatched','return_review','in_progress','reply_review','awaiting_follow_up','closed'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases DROP CONSTRAINT cases_status_check`);
    await q.query(`
      ALTER TABLE cases ADD CONSTRAINT cases_status_check CHECK (status IN
        ('registered','awaiting_dispatch','dispatched','return_review','in_progress','awaiting_follow_up','closed'))`);
    await q.query(`DROP INDEX case_deadlines_one_pending_assist_uq`);
    await q.query(`DROP INDEX case_deadlines_one_pending_uq`);
    await q.query(`
      CREATE UNIQUE INDEX case_deadlines_one_pending_uq ON case_deadlines (case_id, kind) WHERE status = 'pending' AND kind <> 'supervision'`);
    await q.query(`ALTER TABLE case_deadlines DROP CONSTRAINT case_deadlines_kind_check`);
    await q.query(
      `ALTER TABLE case_deadlines ADD CONSTRAINT case_deadlines_kind_check CHECK (kind IN ('accept','reply','supervision'))`,
    );
    await q.query(`DROP INDEX deadline_policies_match_uq`);
    await q.query(`
      CREATE UNIQUE INDEX deadline_policies_match_uq
      ON deadline_policies (coalesce(category_id, 0), coalesce(request_type, ''), coalesce(urgency, '')) WHERE active`);
    await q.query(`
      ALTER TABLE deadline_policies DROP COLUMN deadline_class, DROP COLUMN day_counting, DROP COLUMN review_required`);
    await q.query(`DROP TABLE hotline_rule_versions`);
  }
}
