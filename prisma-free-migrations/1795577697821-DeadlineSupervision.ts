import type { MigrationInterface, QueryRunner } from 'typeorm';
import { CALENDAR_DAYS, DEADLINE_POLICIES, WORKING_PERIODS } from './frozen/1795577697821-deadline-supervision.data';

/**
 * Deadline supervision: admin-editable policies (versioned), the working calendar (China's
 * holidays and 调休 days for 2025–2027, editable), each case's deadlines (the outbox the
 * worker relays into BullMQ delayed jobs), extension requests, supervision notices and
 * in-app notifications.
 */
export class DeadlineSupervision1795577697821 implements MigrationInterface {
  name = 'DeadlineSupervision1795577697821';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE deadline_settings (
        id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
        working_periods jsonb NOT NULL,
        escalation_working_days int NOT NULL DEFAULT 5 CHECK (escalation_working_days BETWEEN 0 AND 60),
        version int NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`INSERT INTO deadline_settings (id, working_periods) VALUES (1, $1)`, [
      JSON.stringify(WORKING_PERIODS),
    ]);

    await q.query(`
      CREATE TABLE calendar_days (
        day date PRIMARY KEY,
        kind text NOT NULL CHECK (kind IN ('holiday','makeup_workday')),
        name text NOT NULL DEFAULT '',
        source text NOT NULL DEFAULT 'admin',
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    for (const { day, kind, name, source } of CALENDAR_DAYS) {
      await q.query(`INSERT INTO calendar_days (day, kind, name, source) VALUES ($1, $2, $3, $4)`, [
        day,
        kind,
        name,
        source,
      ]);
    }

    await q.query(`
      CREATE TABLE deadline_policies (
        id serial PRIMARY KEY,
        name text NOT NULL DEFAULT '',
        category_id int REFERENCES categories(id),
        request_type text CHECK (request_type IN ('consultation','help','complaint','report','suggestion','praise')),
        urgency text CHECK (urgency IN ('normal','urgent','critical')),
        accept_limit jsonb NOT NULL,
        reply_limit jsonb NOT NULL,
        warning_fraction numeric(4,3) NOT NULL DEFAULT 0.75 CHECK (warning_fraction > 0 AND warning_fraction <= 1),
        pause_allowed boolean NOT NULL DEFAULT true,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        updated_by uuid REFERENCES users(id),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // One active policy per (category, type, urgency) combination: "most specific wins" needs no tie-break.
    await q.query(`
      CREATE UNIQUE INDEX deadline_policies_match_uq
      ON deadline_policies (coalesce(category_id, 0), coalesce(request_type, ''), coalesce(urgency, '')) WHERE active`);
    await q.query(`
      CREATE TABLE deadline_policy_versions (
        policy_id int NOT NULL REFERENCES deadline_policies(id),
        version int NOT NULL,
        snapshot jsonb NOT NULL,
        changed_by uuid REFERENCES users(id),
        changed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (policy_id, version)
      )`);
    for (const p of DEADLINE_POLICIES) {
      const [row] = (await q.query(
        `INSERT INTO deadline_policies (name, category_id, request_type, urgency, accept_limit, reply_limit, warning_fraction)
         VALUES ($1, NULL, $2, $3, $4, $5, $6) RETURNING *`,
        [
          p.name,
          p.requestType,
          p.urgency,
          JSON.stringify(p.acceptLimit),
          JSON.stringify(p.replyLimit),
          p.warningFraction,
        ],
      )) as { id: number }[];
      await q.query(`INSERT INTO deadline_policy_versions (policy_id, version, snapshot) VALUES ($1, 1, $2)`, [
        row!.id,
        JSON.stringify(row),
      ]);
    }

    await q.query(`
      CREATE TABLE case_deadlines (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        kind text NOT NULL CHECK (kind IN ('accept','reply','supervision')),
        bureau_id int REFERENCES bureaus(id),
        started_at timestamptz NOT NULL,
        due_at timestamptz NOT NULL,
        warn_at timestamptz,
        limit_spec jsonb,
        policy_id int REFERENCES deadline_policies(id),
        policy_version int,
        generation int NOT NULL DEFAULT 1,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','met','missed','cancelled','superseded')),
        warned_at timestamptz,
        fired_at timestamptz,
        met_at timestamptz,
        escalate_at timestamptz,
        escalated_at timestamptz,
        settled_at timestamptz,
        paused_at timestamptz,
        pause_reason text,
        remaining_ms bigint,
        supervision_notice_id bigint,
        needs_publish boolean NOT NULL DEFAULT true,
        published_job_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((paused_at IS NULL) = (pause_reason IS NULL))
      )`);
    await q.query(`CREATE INDEX case_deadlines_case_idx ON case_deadlines (case_id, id)`);
    await q.query(
      `CREATE UNIQUE INDEX case_deadlines_one_pending_uq ON case_deadlines (case_id, kind) WHERE status = 'pending' AND kind <> 'supervision'`,
    );
    await q.query(`CREATE INDEX case_deadlines_pending_due_idx ON case_deadlines (due_at) WHERE status = 'pending'`);
    await q.query(
      `CREATE INDEX case_deadlines_overdue_idx ON case_deadlines (fired_at) WHERE status = 'missed' AND settled_at IS NULL`,
    );
    // The relay's work list: rows whose current state has not been turned into a job yet.
    await q.query(`CREATE INDEX case_deadlines_unpublished_idx ON case_deadlines (id) WHERE needs_publish`);

    await q.query(`
      CREATE TABLE extension_requests (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        deadline_id bigint NOT NULL REFERENCES case_deadlines(id),
        requested_by uuid NOT NULL REFERENCES users(id),
        reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
        previous_due_at timestamptz NOT NULL,
        requested_due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','approved','rejected')),
        decided_by uuid REFERENCES users(id),
        decided_at timestamptz,
        decision_note text,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(
      `CREATE UNIQUE INDEX extension_requests_one_pending_uq ON extension_requests (deadline_id) WHERE status = 'pending'`,
    );
    await q.query(`CREATE INDEX extension_requests_status_idx ON extension_requests (status, created_at)`);

    await q.query(`
      CREATE TABLE supervision_notices (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        issued_by uuid NOT NULL REFERENCES users(id),
        demand text NOT NULL CHECK (length(demand) BETWEEN 1 AND 2000),
        due_at timestamptz NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open','answered','cancelled')),
        answer text,
        answered_by uuid REFERENCES users(id),
        answered_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX supervision_notices_case_idx ON supervision_notices (case_id, id)`);

    await q.query(`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        user_id uuid NOT NULL REFERENCES users(id),
        case_id uuid REFERENCES cases(id),
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL DEFAULT '',
        data jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz
      )`);
    await q.query(`CREATE INDEX notifications_user_idx ON notifications (user_id, id DESC)`);
    await q.query(`CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL`);
    await q.query(`CREATE INDEX cases_escalated_idx ON cases (escalated_at) WHERE escalated_at IS NOT NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX cases_escalated_idx`);
    await q.query(`DROP TABLE notifications`);
    await q.query(`DROP TABLE supervision_notices`);
    await q.query(`DROP TABLE extension_requests`);
    await q.query(`DROP TABLE case_deadlines`);
    await q.query(`DROP TABLE deadline_policy_versions`);
    await q.query(`DROP TABLE deadline_policies`);
    await q.query(`DROP TABLE calendar_days`);
    await q.query(`DROP TABLE deadline_settings`);
  }
}
