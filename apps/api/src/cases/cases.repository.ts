import { CASE_CHANGED_TOPIC, type TCaseChangedEvent } from '@hotline/contracts';
import { BureauEntity, type CaseEntity, type CaseEventEntity } from '@hotline/database';
import type { CaseStatus, CaseViewer, DigitsMatch, PriorityCursor, Role } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import type { PoolClient } from 'pg';
import { DataSource, In, QueryFailedError, type EntityManager } from 'typeorm';
import { caseScopeSql } from './case-access.repository';
import { caseEventMapper, caseMapper, SqlExpr, type CasePatch } from './case-row';
import type { NewDeadlineRow } from './case-transition-hooks';

/** The case columns intake writes (the rest take their defaults); the row the statement inserts. */
export type NewCaseRow = Pick<
  CaseEntity,
  | 'id'
  | 'trackingNumber'
  | 'accessCodeHash'
  | 'channel'
  | 'type'
  | 'urgency'
  | 'status'
  | 'categoryId'
  | 'districtId'
  | 'streetId'
  | 'address'
  | 'lat'
  | 'lng'
  | 'description'
  | 'attributes'
  | 'mediaUrl'
  | 'callerName'
  | 'callerPhone'
  | 'callerEmail'
  | 'callerType'
  | 'anonymous'
  | 'confidential'
  | 'contactAllowed'
  | 'leadBureauId'
  | 'assistingBureauIds'
  | 'matchedRuleId'
  | 'unmatchedAtIntake'
  | 'dispatchedAt'
  | 'closedAt'
  | 'closeReason'
  | 'directAnswer'
  | 'notAcceptedReason'
  | 'properChannel'
  | 'acceptDueAt'
  | 'replyDueAt'
  | 'flag'
  | 'createdBy'
  | 'sourceRef'
  | 'createdAt'
  | 'updatedAt'
  | 'version'
>;

/** Everything the intake statement writes, as typed rows: it is the same SQL text every time. */
export interface IntakeInsert {
  caseRow: NewCaseRow;
  events: NewCaseEvent[];
  deadlines: NewDeadlineRow[];
  outbox: TCaseChangedEvent;
  audit: {
    actorType: string;
    actorId: string | null;
    actorRole: string | null;
    ip: string | null;
    requestId: string | null;
    detail: Record<string, unknown>;
  };
  idempotency: { scope: string; key: string; requestHash: string } | null;
}

/**
 * The whole intake in ONE statement: the case, its first timeline events, the hooks' clocks,
 * the case.changed outbox row, the audit row and the idempotency key. Each table's rows come
 * in as one json parameter (`jsonb_populate_record(set)` over the table's own row type), so the
 * text never varies; it is rendered in cases.repository.sql and a test keeps the two equal.
 */
export const INTAKE_STATEMENT = `
WITH c AS (
  INSERT INTO cases (id, tracking_number, access_code_hash, channel, type, urgency, status, category_id,
    district_id, street_id, address, lat, lng, description, attributes, media_url, caller_name, caller_phone,
    caller_email, caller_type, anonymous, confidential, contact_allowed, lead_bureau_id, assisting_bureau_ids,
    matched_rule_id, unmatched_at_intake, dispatched_at, closed_at, close_reason, direct_answer,
    not_accepted_reason, proper_channel, accept_due_at, reply_due_at, flag, created_by, source_ref, created_at,
    updated_at, version)
  SELECT id, tracking_number, access_code_hash, channel, type, urgency, status, category_id,
    district_id, street_id, address, lat, lng, description, attributes, media_url, caller_name, caller_phone,
    caller_email, caller_type, anonymous, confidential, contact_allowed, lead_bureau_id, assisting_bureau_ids,
    matched_rule_id, unmatched_at_intake, dispatched_at, closed_at, close_reason, direct_answer,
    not_accepted_reason, proper_channel, accept_due_at, reply_due_at, flag, created_by, source_ref, created_at,
    updated_at, version
  FROM jsonb_populate_record(NULL::cases, $1::jsonb)
  -- Named, not *: a column added to cases under a running API must not change the prepared
  -- statement's result type.
  RETURNING
    id, tracking_number, access_code_hash, channel, type, urgency, status, category_id, district_id, street_id,
    address, lat, lng, description, attributes, media_url, caller_name, caller_phone, caller_email, caller_type,
    anonymous, confidential, contact_allowed, lead_bureau_id, assisting_bureau_ids, matched_rule_id,
    unmatched_at_intake, dispatched_at, accepted_at, replied_at, closed_at, close_reason, direct_answer,
    not_accepted_reason, proper_channel, public_reply, internal_note, return_reason, follow_up_contacted,
    follow_up_solved, follow_up_satisfaction, followed_up_at, return_count, reopen_count, extension_count,
    parent_case_id, merged_children, accept_due_at, reply_due_at, flag, escalated_at, created_by, source_ref,
    created_at, updated_at, version
), e AS (
  INSERT INTO case_events (case_id, actor_id, actor_name, actor_role, action, from_status, to_status, bureau_id,
    note, is_public, data)
  SELECT c.id, v.actor_id, v.actor_name, v.actor_role, v.action, v.from_status, v.to_status, v.bureau_id,
    v.note, v.is_public, v.data
  FROM c CROSS JOIN jsonb_populate_recordset(NULL::case_events, $2::jsonb) WITH ORDINALITY AS v
  ORDER BY v.ordinality
), d AS (
  INSERT INTO case_deadlines (case_id, kind, bureau_id, started_at, due_at, warn_at, limit_spec, policy_id,
    policy_version)
  SELECT c.id, v.kind, c.lead_bureau_id, v.started_at, v.due_at, v.warn_at, v.limit_spec, v.policy_id,
    v.policy_version
  FROM c CROSS JOIN jsonb_populate_recordset(NULL::case_deadlines, $3::jsonb) WITH ORDINALITY AS v
  ORDER BY v.ordinality
), o AS (
  INSERT INTO outbox_events (topic, aggregate_id, payload)
  SELECT $4::text, c.id::text, $5::jsonb
  FROM c
), a AS (
  INSERT INTO audit_log (actor_type, actor_id, actor_role, action, target_type, target_id, ip, request_id, detail)
  SELECT v.actor_type, v.actor_id, v.actor_role, 'case.intake', 'case', c.id::text, v.ip, v.request_id, v.detail
  FROM c CROSS JOIN jsonb_populate_record(NULL::audit_log, $6::jsonb) AS v
), k AS (
  INSERT INTO idempotency_keys (scope, key, request_hash, case_id)
  SELECT v.scope, v.key, v.request_hash, c.id
  FROM c CROSS JOIN jsonb_populate_recordset(NULL::idempotency_keys, $7::jsonb) AS v
  ON CONFLICT (scope, key) DO NOTHING
  RETURNING 1
)
SELECT c.*, (SELECT count(*) FROM k)::int AS key_taken FROM c`.trim();

export interface NewCaseEvent {
  caseId: string;
  actorId: string | null;
  actorName: string | null;
  actorRole: Role;
  action: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus | null;
  bureauId: number | null;
  note: string | null;
  isPublic: boolean;
  data: Record<string, unknown>;
}

export interface CaseListFilter {
  statuses?: string[];
  bureauId?: number;
  categoryId?: number;
  districtId?: number;
  streetId?: number;
  types?: string[];
  urgencies?: string[];
  channels?: string[];
  createdFrom?: string;
  createdTo?: string;
  flag?: string;
  notFlag?: string;
  text?: string;
  /** Only cases not closed (overdue lists: a closed case is never "overdue work"). */
  openOnly?: boolean;
  address?: string;
  phone?: DigitsMatch;
  trackingNo?: DigitsMatch;
  parentId?: string;
  /** Whose list this is: a handler's lists hold only the cases their bureau leads or assists. */
  viewer: CaseViewer;
  sort?: 'newest' | 'priority';
  after?: { createdAt: string; id: string };
  afterPriority?: PriorityCursor;
  limit: number;
}

/** A row's priority keys as PostgreSQL renders them (for the next page's cursor). */
export interface PriorityKeyText {
  bucket: number;
  due: string;
}

const tsText = (expr: string) => `to_char((${expr}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** SQL twin of priorityBucket (libs/domain case-queue). */
const PRIO_BUCKET = `(CASE WHEN flag = 'overdue' AND status <> 'closed' THEN 0
  WHEN urgency = 'critical' THEN 1 WHEN urgency = 'urgent' THEN 2 ELSE 3 END)`;
/** SQL twin of nextDueAt: the acceptance while not accepted, else the reply; none off the bureau's clock. */
const PRIO_DUE = `(CASE WHEN status = 'dispatched' AND accepted_at IS NULL THEN LEAST(accept_due_at, reply_due_at)
  WHEN status IN ('dispatched', 'in_progress') THEN reply_due_at END)`;
const PRIO_DUE_SORT = `COALESCE(${PRIO_DUE}, 'infinity'::timestamptz)`;

/** A LIKE pattern with the user's text escaped. */
function like(text: string, mode: 'contains' | 'suffix'): string {
  const esc = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return mode === 'suffix' ? `%${esc}` : `%${esc}%`;
}

/** Keyset cursors carry PostgreSQL's microseconds, so the list query returns them as text. */
const CURSOR_TS = `to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Single-purpose queries for cases, their timeline and outbox (STYLE habit 2). */
@Injectable()
export class CasesRepository {
  private readonly cases;
  private readonly events;
  /** Part of prepared statement names; bumped to re-prepare everywhere (see queryPrepared). */
  private preparedEpoch = 0;
  /** sha1 of each hot statement's text, computed once (the texts are static). */
  private readonly textHashes = new Map<string, string>();

  constructor(@InjectDataSource() private readonly ds: DataSource) {
    this.cases = caseMapper(ds);
    this.events = caseEventMapper(ds);
  }

  /** Reserves `n` tracking sequence numbers in one round trip (gaps are harmless). */
  async reserveTrackingSequences(n: number): Promise<number[]> {
    const rows: Array<{ v: string }> = await this.ds.query(
      `SELECT nextval('case_tracking_seq') AS v FROM generate_series(1, $1)`,
      [n],
    );
    return rows.map((r) => Number(r.v));
  }

  /**
   * The whole intake write in ONE statement: the case, its first timeline events, the
   * case.changed outbox row, the audit row, the idempotency key and the hooks' rows (the
   * deadline clocks). Returns keyTaken=false when another request already holds the
   * idempotency key (the caller rolls back). One statement is atomic on its own, so without
   * an idempotency key the caller may run it outside an explicit transaction.
   */
  async insertIntake(m: EntityManager, ins: IntakeInsert): Promise<{ caseRow: CaseEntity; keyTaken: boolean }> {
    const { caseRow, audit, idempotency: idem } = ins;
    const params = [
      JSON.stringify(this.cases.toRecord(caseRow)),
      JSON.stringify(ins.events.map((e) => this.events.toRecord(e))),
      JSON.stringify(
        ins.deadlines.map((d) => ({
          kind: d.kind,
          started_at: d.startedAt,
          due_at: d.dueAt,
          warn_at: d.warnAt,
          limit_spec: d.limitSpec,
          policy_id: d.policyId,
          policy_version: d.policyVersion,
        })),
      ),
      CASE_CHANGED_TOPIC,
      JSON.stringify(ins.outbox),
      JSON.stringify({
        actor_type: audit.actorType,
        actor_id: audit.actorId,
        actor_role: audit.actorRole,
        ip: audit.ip,
        request_id: audit.requestId,
        detail: audit.detail,
      }),
      JSON.stringify(idem ? [{ scope: idem.scope, key: idem.key, request_hash: idem.requestHash }] : []),
    ];
    const rows = await this.queryPrepared(m, 'hl_intake', INTAKE_STATEMENT, params);
    const row = rows[0]!;
    return { caseRow: this.cases.fromRow(row), keyTaken: idem === null || row['key_taken'] === 1 };
  }

  /**
   * Runs a hot statement as a named prepared statement on the manager's connection (or a
   * pooled one): PostgreSQL parses and plans the intake's many-CTE text once per connection
   * instead of on every case. The name is derived from the text, so an edited statement is
   * prepared afresh.
   */
  private async queryPrepared(
    m: EntityManager,
    prefix: string,
    text: string,
    params: unknown[],
  ): Promise<Array<Record<string, unknown>>> {
    let hash = this.textHashes.get(text);
    if (hash === undefined) {
      hash = createHash('sha1').update(text).digest('hex').slice(0, 20);
      this.textHashes.set(text, hash);
    }
    const name = `${prefix}_${this.preparedEpoch}_${hash}`;
    const own = m.queryRunner ? null : this.ds.createQueryRunner();
    const runner = m.queryRunner ?? own!;
    try {
      const client = (await runner.connect()) as PoolClient;
      return (await client.query<Record<string, unknown>>({ name, text, values: params })).rows;
    } catch (e) {
      // A table altered under a running API ("cached plan must not change result type") makes
      // every later run of the prepared copy fail: new names make each connection prepare afresh.
      if ((e as { code?: string }).code === '0A000') this.preparedEpoch += 1;
      // As m.query would: a QueryFailedError, so the exception filter still turns a foreign-key
      // or unique violation into a 4xx. (TypeORM's own query logger does not see this statement.)
      throw e instanceof Error && 'code' in e ? new QueryFailedError(text, params, e) : e;
    } finally {
      if (own) await own.release();
    }
  }

  async findIdempotencyKey(scope: string, key: string): Promise<{ requestHash: string; caseId: string } | null> {
    const rows: Array<{ request_hash: string; case_id: string }> = await this.ds.query(
      `SELECT request_hash, case_id FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [scope, key],
    );
    return rows[0] ? { requestHash: rows[0].request_hash, caseId: rows[0].case_id } : null;
  }

  async findById(id: string, m?: EntityManager): Promise<CaseEntity | null> {
    const rows: Array<Record<string, unknown>> = await (m ?? this.ds).query(`SELECT * FROM cases WHERE id = $1`, [id]);
    return rows[0] ? this.cases.fromRow(rows[0]) : null;
  }

  /** The case with its access-code hash (citizen tracking only). */
  async findByTrackingNumber(trackingNumber: string): Promise<(CaseEntity & { accessCodeHash: string | null }) | null> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(`SELECT * FROM cases WHERE tracking_number = $1`, [
      trackingNumber,
    ]);
    return rows[0] ? this.cases.fromRow(rows[0]) : null;
  }

  /**
   * Optimistic write: applies the patch only if nobody changed the case since `version`,
   * and bumps the version. Null means the version was stale.
   */
  async updateIfVersion(m: EntityManager, id: string, version: number, patch: CasePatch): Promise<CaseEntity | null> {
    const params: unknown[] = [id, version];
    const sets = Object.entries(patch).map(([prop, value]) => {
      const col = this.cases.columnOf(prop);
      if (value instanceof SqlExpr) return `${col} = ${value.sql}`;
      params.push(value);
      return `${col} = $${params.length}`;
    });
    sets.push('version = version + 1', 'updated_at = now()');
    const rows: Array<Record<string, unknown>> = await m.query(
      `UPDATE cases SET ${sets.join(', ')} WHERE id = $1 AND version = $2 RETURNING *`,
      params,
    );
    // TypeORM returns [rows, count] for UPDATE … RETURNING on pg.
    const list = (Array.isArray(rows[0]) ? rows[0] : rows) as Array<Record<string, unknown>>;
    return list[0] ? this.cases.fromRow(list[0]) : null;
  }

  /** A merged child is counted once: its parent remembers how many requests it absorbed. */
  async incrementMergedChildren(m: EntityManager, parentId: string): Promise<void> {
    await m.query(`UPDATE cases SET merged_children = merged_children + 1, updated_at = now() WHERE id = $1`, [
      parentId,
    ]);
  }

  async insertEvent(m: EntityManager, e: NewCaseEvent): Promise<CaseEventEntity> {
    const rows: Array<Record<string, unknown>> = await m.query(
      `INSERT INTO case_events (case_id, actor_id, actor_name, actor_role, action, from_status, to_status, bureau_id, note, is_public, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING *`,
      [
        e.caseId,
        e.actorId,
        e.actorName,
        e.actorRole,
        e.action,
        e.fromStatus,
        e.toStatus,
        e.bureauId,
        e.note,
        e.isPublic,
        JSON.stringify(e.data),
      ],
    );
    return this.events.fromRow(rows[0]!);
  }

  async insertOutbox(m: EntityManager, event: TCaseChangedEvent): Promise<void> {
    await m.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ($1, $2, $3)`, [
      CASE_CHANGED_TOPIC,
      event.caseId,
      JSON.stringify(event),
    ]);
  }

  async listEvents(caseId: string): Promise<CaseEventEntity[]> {
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT * FROM case_events WHERE case_id = $1 ORDER BY id`,
      [caseId],
    );
    return rows.map((r) => this.events.fromRow(r));
  }

  async findBureaus(ids: number[]): Promise<BureauEntity[]> {
    if (ids.length === 0) return [];
    return this.ds.getRepository(BureauEntity).find({ where: { id: In(ids) } });
  }

  /**
   * One page of cases. Newest first walks the (created_at DESC, id DESC) indexes; priority
   * orders by `priorityKey` (libs/domain case-queue): bucket (breached 0, critical 1, urgent 2,
   * normal 3), the deadline the case races now (none last), oldest first, id. Each row also
   * answers whether a pending clock is paused, and its cursor keys as text (microseconds).
   */
  async list(
    f: CaseListFilter,
  ): Promise<Array<{ caseRow: CaseEntity; cursorAt: string; paused: boolean; priority: PriorityKeyText }>> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = this.listWhere(f, p);
    if (f.after) where.push(`(created_at, id) < (${p(f.after.createdAt)}::timestamptz, ${p(f.after.id)}::uuid)`);
    if (f.afterPriority) {
      const a = f.afterPriority;
      where.push(
        `(${PRIO_BUCKET}, ${PRIO_DUE_SORT}, created_at, id) > (${p(a.bucket)}::int, ${p(a.due)}::timestamptz, ${p(a.createdAt)}::timestamptz, ${p(a.id)}::uuid)`,
      );
    }
    const order =
      f.sort === 'priority' ? `${PRIO_BUCKET}, ${PRIO_DUE_SORT}, created_at, id` : 'created_at DESC, id DESC';
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT *, ${CURSOR_TS} AS cursor_at, ${PRIO_BUCKET} AS prio_bucket,
              CASE WHEN ${PRIO_DUE} IS NULL THEN 'infinity' ELSE ${tsText(PRIO_DUE)} END AS prio_due,
              EXISTS (SELECT 1 FROM case_deadlines d WHERE d.case_id = cases.id AND d.status = 'pending'
                        AND d.paused_at IS NOT NULL) AS clock_paused
       FROM cases
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order} LIMIT ${p(f.limit)}`,
      params,
    );
    return rows.map((r) => ({
      caseRow: this.cases.fromRow(r),
      cursorAt: String(r['cursor_at']),
      paused: r['clock_paused'] === true,
      priority: { bucket: Number(r['prio_bucket']), due: String(r['prio_due']) },
    }));
  }

  /** How many cases match the filter, counting at most `cap + 1` rows (then the caller says "capped"). */
  async countList(f: Omit<CaseListFilter, 'limit'>, cap: number): Promise<number> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where = this.listWhere(f, p);
    const rows: Array<{ n: number }> = await this.ds.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM cases ${where.length ? `WHERE ${where.join(' AND ')}` : ''} LIMIT ${p(cap + 1)}) s`,
      params,
    );
    return rows[0]?.n ?? 0;
  }

  /**
   * Several counts over the same scope in one scan: each named condition is a
   * `count(*) FILTER (WHERE …)` (conditions are fixed SQL from the service, never user text).
   */
  async countBy(
    conditions: Record<string, string>,
    scope: { viewer: CaseViewer; bureauId?: number },
  ): Promise<Record<string, number>> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const where: string[] = [`status <> 'closed'`];
    if (scope.bureauId !== undefined) where.push(`lead_bureau_id = ${p(scope.bureauId)}`);
    const visible = caseScopeSql(scope.viewer, null, p);
    if (visible) where.push(visible);
    const names = Object.keys(conditions);
    const rows: Array<Record<string, number>> = await this.ds.query(
      `SELECT ${names.map((n, i) => `count(*) FILTER (WHERE ${conditions[n]})::int AS c${i}`).join(', ')}
       FROM cases WHERE ${where.join(' AND ')}`,
      params,
    );
    return Object.fromEntries(names.map((n, i) => [n, Number(rows[0]?.[`c${i}`] ?? 0)]));
  }

  private listWhere(f: Omit<CaseListFilter, 'limit'>, p: (v: unknown) => string): string[] {
    const where: string[] = [];
    if (f.statuses) where.push(`status = ANY(${p(f.statuses)}::text[])`);
    if (f.bureauId !== undefined) where.push(`lead_bureau_id = ${p(f.bureauId)}`);
    if (f.categoryId !== undefined) {
      // A top-level or middle category means its whole subtree.
      where.push(`category_id IN (
        WITH RECURSIVE sub AS (SELECT id FROM categories WHERE id = ${p(f.categoryId)}
          UNION ALL SELECT c.id FROM categories c JOIN sub ON c.parent_id = sub.id)
        SELECT id FROM sub)`);
    }
    if (f.districtId !== undefined) where.push(`district_id = ${p(f.districtId)}`);
    if (f.streetId !== undefined) where.push(`street_id = ${p(f.streetId)}`);
    if (f.types) where.push(`type = ANY(${p(f.types)}::text[])`);
    if (f.urgencies) where.push(`urgency = ANY(${p(f.urgencies)}::text[])`);
    if (f.channels) where.push(`channel = ANY(${p(f.channels)}::text[])`);
    if (f.createdFrom) where.push(`created_at >= ${p(f.createdFrom)}::timestamptz`);
    if (f.createdTo) where.push(`created_at < ${p(f.createdTo)}::timestamptz`);
    if (f.flag) where.push(`flag = ${p(f.flag)}`);
    if (f.notFlag) where.push(`flag <> ${p(f.notFlag)}`);
    if (f.openOnly) where.push(`status <> 'closed'`);
    if (f.text) where.push(`description ILIKE ${p(like(f.text, 'contains'))}`);
    if (f.address) where.push(`address ILIKE ${p(like(f.address, 'contains'))}`);
    if (f.phone) {
      where.push(
        f.phone.mode === 'exact'
          ? `caller_phone IN (${p(f.phone.digits)}, ${p(`+86${f.phone.digits}`)})`
          : `caller_phone LIKE ${p(like(f.phone.digits, f.phone.mode))}`,
      );
    }
    if (f.trackingNo) {
      where.push(
        f.trackingNo.mode === 'exact'
          ? `tracking_number = ${p(f.trackingNo.digits)}`
          : `tracking_number LIKE ${p(like(f.trackingNo.digits, f.trackingNo.mode))}`,
      );
    }
    if (f.parentId) where.push(`parent_case_id = ${p(f.parentId)}::uuid`);
    const visible = caseScopeSql(f.viewer, null, p);
    if (visible) where.push(visible);
    return where;
  }

  /**
   * Possible repeats at intake: open or recently closed cases from the same caller, or at
   * the same place in the same category. Each arm uses its own index.
   */
  async findSimilar(q: {
    phone?: string;
    categoryId?: number;
    streetId?: number;
    excludeId?: string;
    recentDays: number;
    limit: number;
  }): Promise<Array<{ caseRow: CaseEntity; byCaller: boolean; byPlace: boolean }>> {
    const arms: string[] = [];
    const params: unknown[] = [q.recentDays, q.limit, q.excludeId ?? null];
    const recent = `(status <> 'closed' OR closed_at > now() - make_interval(days => $1))`;
    if (q.phone) {
      params.push(q.phone);
      arms.push(`SELECT id FROM cases WHERE caller_phone = $${params.length} AND ${recent}`);
    }
    if (q.categoryId !== undefined && q.streetId !== undefined) {
      params.push(q.categoryId, q.streetId);
      arms.push(
        `SELECT id FROM cases WHERE category_id = $${params.length - 1} AND street_id = $${params.length} AND ${recent}`,
      );
    }
    if (arms.length === 0) return [];
    const phoneParam = q.phone ? '$4' : 'NULL';
    const rows: Array<Record<string, unknown>> = await this.ds.query(
      `SELECT c.*, (c.caller_phone IS NOT DISTINCT FROM ${phoneParam}::text AND ${phoneParam}::text IS NOT NULL) AS by_caller
       FROM cases c WHERE c.id IN (${arms.join(' UNION ')})
         AND ($3::uuid IS NULL OR c.id <> $3::uuid) AND c.parent_case_id IS NULL
       ORDER BY c.created_at DESC LIMIT $2`,
      params,
    );
    return rows.map((r) => {
      const caseRow = this.cases.fromRow(r);
      const byPlace =
        q.categoryId !== undefined && caseRow.categoryId === q.categoryId && caseRow.streetId === q.streetId;
      return { caseRow, byCaller: r['by_caller'] === true, byPlace };
    });
  }
}
