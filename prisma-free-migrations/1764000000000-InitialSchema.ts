import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Catalogue, identity, audit, cases with their append-only timeline, idempotency and outbox. */
export class InitialSchema1764000000000 implements MigrationInterface {
  name = 'InitialSchema1764000000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`CREATE EXTENSION IF NOT EXISTS pgcrypto`);

    await q.query(`
      CREATE TABLE bureaus (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('municipal','district','utility','street')),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE categories (
        id serial PRIMARY KEY,
        parent_id int REFERENCES categories(id),
        level smallint NOT NULL CHECK (level BETWEEN 1 AND 3),
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        pinyin text NOT NULL DEFAULT '',
        keywords text[] NOT NULL DEFAULT '{}',
        deadline_class text CHECK (deadline_class IN ('utility','complex')),
        attributes jsonb NOT NULL DEFAULT '[]',
        sort_order int NOT NULL DEFAULT 0,
        active boolean NOT NULL DEFAULT true,
        CHECK ((level = 1) = (parent_id IS NULL))
      )`);
    await q.query(`CREATE INDEX categories_parent_idx ON categories (parent_id)`);
    await q.query(`
      CREATE TABLE districts (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL
      )`);
    await q.query(`
      CREATE TABLE streets (
        id serial PRIMARY KEY,
        district_id int NOT NULL REFERENCES districts(id),
        code text NOT NULL UNIQUE,
        name_zh text NOT NULL,
        name_en text NOT NULL,
        lat double precision NOT NULL,
        lng double precision NOT NULL
      )`);
    await q.query(`CREATE INDEX streets_district_idx ON streets (district_id)`);
    await q.query(`
      CREATE TABLE dispatch_rules (
        id serial PRIMARY KEY,
        category_id int NOT NULL REFERENCES categories(id),
        district_id int REFERENCES districts(id),
        street_id int REFERENCES streets(id),
        keyword text CHECK (keyword IS NULL OR length(trim(keyword)) > 0),
        lead_bureau_id int NOT NULL REFERENCES bureaus(id),
        assisting_bureau_ids int[] NOT NULL DEFAULT '{}',
        specificity_key text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        version int NOT NULL DEFAULT 1,
        updated_by uuid,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    // Two active rules can never claim the same (category, area, keyword): matching cannot tie.
    await q.query(`CREATE UNIQUE INDEX dispatch_rules_specificity_uq ON dispatch_rules (specificity_key) WHERE active`);
    await q.query(`CREATE INDEX dispatch_rules_category_idx ON dispatch_rules (category_id) WHERE active`);
    await q.query(`
      CREATE TABLE dispatch_rule_versions (
        id bigserial PRIMARY KEY,
        rule_id int NOT NULL REFERENCES dispatch_rules(id),
        version int NOT NULL,
        change text NOT NULL CHECK (change IN ('create','update','deactivate')),
        snapshot jsonb NOT NULL,
        changed_by uuid,
        changed_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (rule_id, version)
      )`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username text NOT NULL UNIQUE CHECK (username = lower(username)),
        password_hash text NOT NULL,
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN ('agent','handler','supervisor','admin')),
        bureau_id int REFERENCES bureaus(id),
        disabled boolean NOT NULL DEFAULT false,
        token_version int NOT NULL DEFAULT 0,
        failed_login_count int NOT NULL DEFAULT 0,
        locked_until timestamptz,
        last_login_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((role = 'handler') = (bureau_id IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE refresh_tokens (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        token_hash text NOT NULL UNIQUE,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_type text NOT NULL,
        actor_id text,
        actor_role text,
        action text NOT NULL,
        target_type text,
        target_id text,
        ip text,
        request_id text,
        detail jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at DESC, id DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, at DESC)`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_type, target_id, at DESC)`);

    await q.query(`CREATE SEQUENCE case_tracking_seq`);
    await q.query(`
      CREATE TABLE cases (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        tracking_number text NOT NULL UNIQUE,
        access_code_hash text,
        channel text NOT NULL CHECK (channel IN ('phone','web','open311','api')),
        type text NOT NULL CHECK (type IN ('consultation','help','complaint','report','suggestion','praise')),
        urgency text NOT NULL CHECK (urgency IN ('normal','urgent','critical')),
        status text NOT NULL CHECK (status IN ('registered','awaiting_dispatch','dispatched','return_review','in_progress','awaiting_follow_up','closed')),
        category_id int REFERENCES categories(id),
        district_id int REFERENCES districts(id),
        street_id int REFERENCES streets(id),
        address text,
        lat double precision,
        lng double precision,
        description text NOT NULL,
        attributes jsonb NOT NULL DEFAULT '{}',
        media_url text,
        caller_name text,
        caller_phone text,
        caller_email text,
        caller_type text NOT NULL DEFAULT 'person' CHECK (caller_type IN ('person','company')),
        anonymous boolean NOT NULL DEFAULT false,
        confidential boolean NOT NULL DEFAULT false,
        contact_allowed boolean NOT NULL DEFAULT true,
        lead_bureau_id int REFERENCES bureaus(id),
        assisting_bureau_ids int[] NOT NULL DEFAULT '{}',
        matched_rule_id int REFERENCES dispatch_rules(id),
        unmatched_at_intake boolean NOT NULL DEFAULT false,
        dispatched_at timestamptz,
        accepted_at timestamptz,
        replied_at timestamptz,
        closed_at timestamptz,
        close_reason text CHECK (close_reason IN ('direct_answer','not_accepted','emergency_transfer','follow_up','merged','manual')),
        direct_answer text,
        public_reply text,
        internal_note text,
        return_reason text,
        follow_up_contacted boolean,
        follow_up_solved text CHECK (follow_up_solved IN ('solved','partly','not')),
        follow_up_satisfaction text CHECK (follow_up_satisfaction IN ('satisfied','basically','dissatisfied','no_answer')),
        followed_up_at timestamptz,
        return_count int NOT NULL DEFAULT 0,
        reopen_count int NOT NULL DEFAULT 0,
        extension_count int NOT NULL DEFAULT 0,
        parent_case_id uuid REFERENCES cases(id),
        merged_children int NOT NULL DEFAULT 0,
        accept_due_at timestamptz,
        reply_due_at timestamptz,
        flag text NOT NULL DEFAULT 'none' CHECK (flag IN ('none','warning','overdue')),
        escalated_at timestamptz,
        created_by uuid,
        source_ref jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1,
        CHECK ((status = 'closed') = (closed_at IS NOT NULL))
      )`);
    // Keyset pagination walks (created_at DESC, id DESC); the other indexes serve the filters
    // agents and handlers use all day (bureau inbox, status queues, repeat-caller lookup).
    await q.query(`CREATE INDEX cases_created_idx ON cases (created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_status_created_idx ON cases (status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_bureau_status_idx ON cases (lead_bureau_id, status, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX cases_assisting_idx ON cases USING gin (assisting_bureau_ids)`);
    await q.query(
      `CREATE INDEX cases_phone_idx ON cases (caller_phone, created_at DESC) WHERE caller_phone IS NOT NULL`,
    );
    await q.query(`CREATE INDEX cases_place_idx ON cases (category_id, street_id, created_at DESC)`);
    await q.query(`CREATE INDEX cases_parent_idx ON cases (parent_case_id) WHERE parent_case_id IS NOT NULL`);
    await q.query(`CREATE INDEX cases_open_due_idx ON cases (reply_due_at) WHERE status <> 'closed'`);
    await q.query(`CREATE INDEX cases_description_trgm_idx ON cases USING gin (description gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE case_events (
        id bigserial PRIMARY KEY,
        case_id uuid NOT NULL REFERENCES cases(id),
        at timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id text,
        actor_name text,
        actor_role text NOT NULL,
        action text NOT NULL,
        from_status text,
        to_status text,
        bureau_id int,
        note text,
        is_public boolean NOT NULL DEFAULT false,
        data jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX case_events_case_idx ON case_events (case_id, id)`);
    // The timeline is evidence for supervision: the database itself refuses to rewrite it.
    await q.query(`
      CREATE FUNCTION forbid_case_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'case_events is append-only: % is not allowed', TG_OP;
      END $$`);
    await q.query(`
      CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON case_events
      FOR EACH ROW EXECUTE FUNCTION forbid_case_event_change()`);

    await q.query(`
      CREATE TABLE idempotency_keys (
        scope text NOT NULL,
        key text NOT NULL,
        request_hash text NOT NULL,
        case_id uuid NOT NULL REFERENCES cases(id),
        response jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (scope, key)
      )`);
    await q.query(`
      CREATE TABLE outbox_events (
        id bigserial PRIMARY KEY,
        topic text NOT NULL,
        aggregate_id text NOT NULL,
        payload jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        published_at timestamptz
      )`);
    await q.query(`CREATE INDEX outbox_unpublished_idx ON outbox_events (id) WHERE published_at IS NULL`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE outbox_events`);
    await q.query(`DROP TABLE idempotency_keys`);
    await q.query(`DROP TRIGGER case_events_append_only ON case_events`);
    await q.query(`DROP FUNCTION forbid_case_event_change()`);
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP SEQUENCE case_tracking_seq`);
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP TABLE refresh_tokens`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP TABLE dispatch_rule_versions`);
    await q.query(`DROP TABLE dispatch_rules`);
    await q.query(`DROP TABLE streets`);
    await q.query(`DROP TABLE districts`);
    await q.query(`DROP TABLE categories`);
    await q.query(`DROP TABLE bureaus`);
  }
}
