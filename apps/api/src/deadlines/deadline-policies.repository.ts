import type { TDeadlineLimit, TDeadlinePolicyInput } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** A policy as the admin routes show it (and as its version snapshots store it). */
export interface DeadlinePolicyView {
  id: number;
  name: string;
  categoryId: number | null;
  requestType: TDeadlinePolicyInput['requestType'];
  urgency: TDeadlinePolicyInput['urgency'];
  acceptLimit: TDeadlineLimit;
  replyLimit: TDeadlineLimit;
  warningFraction: number;
  pauseAllowed: boolean;
  active: boolean;
  version: number;
  updatedAt: Date;
}

export interface DeadlinePolicyVersionView {
  version: number;
  snapshot: Record<string, unknown>;
  changedBy: string | null;
  changedAt: Date;
}

const VIEW_COLUMNS = `id, name, category_id AS "categoryId", request_type AS "requestType", urgency,
  accept_limit AS "acceptLimit", reply_limit AS "replyLimit", warning_fraction::float AS "warningFraction",
  pause_allowed AS "pauseAllowed", active, version, updated_at AS "updatedAt"`;

/** The policy columns an admin writes, in statement order. */
const policyParams = (b: TDeadlinePolicyInput) => [
  b.name,
  b.categoryId,
  b.requestType,
  b.urgency,
  JSON.stringify(b.acceptLimit),
  JSON.stringify(b.replyLimit),
  b.warningFraction,
  b.pauseAllowed,
];

/** Admin-edited deadline policies and their version history. Writes that can race take the expected version. */
@Injectable()
export class DeadlinePoliciesRepository {
  constructor(private readonly ds: DataSource) {}

  findActive(): Promise<DeadlinePolicyView[]> {
    return this.ds.query(`SELECT ${VIEW_COLUMNS} FROM deadline_policies WHERE active ORDER BY id`);
  }

  async findById(m: EntityManager, id: number): Promise<DeadlinePolicyView | undefined> {
    const rows: DeadlinePolicyView[] = await m.query(`SELECT ${VIEW_COLUMNS} FROM deadline_policies WHERE id = $1`, [
      id,
    ]);
    return rows[0];
  }

  /** Whether the policy exists and is active; undefined when there is no such policy. */
  async findActiveFlag(m: EntityManager, id: number): Promise<boolean | undefined> {
    const rows: { active: boolean }[] = await m.query(`SELECT active FROM deadline_policies WHERE id = $1`, [id]);
    return rows[0]?.active;
  }

  findVersions(id: number): Promise<DeadlinePolicyVersionView[]> {
    return this.ds.query(
      `SELECT version, snapshot, changed_by AS "changedBy", changed_at AS "changedAt" FROM deadline_policy_versions WHERE policy_id = $1 ORDER BY version`,
      [id],
    );
  }

  async insertVersion(m: EntityManager, policy: DeadlinePolicyView, changedBy: string): Promise<void> {
    await m.query(
      `INSERT INTO deadline_policy_versions (policy_id, version, snapshot, changed_by) VALUES ($1, $2, $3, $4)`,
      [policy.id, policy.version, JSON.stringify(policy), changedBy],
    );
  }

  /** Returns the new policy's id. */
  async insert(m: EntityManager, body: TDeadlinePolicyInput, updatedBy: string): Promise<number> {
    const rows: { id: number }[] = await m.query(
      `INSERT INTO deadline_policies (name, category_id, request_type, urgency, accept_limit, reply_limit, warning_fraction, pause_allowed, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [...policyParams(body), updatedBy],
    );
    return rows[0]!.id;
  }

  /** Updates an active policy still at `expectedVersion`; returns the number of rows changed (0 or 1). */
  async updateIfVersion(
    m: EntityManager,
    id: number,
    expectedVersion: number,
    body: TDeadlinePolicyInput,
    updatedBy: string,
  ): Promise<number> {
    const [, count]: [unknown, number] = await m.query(
      `UPDATE deadline_policies SET name = $3, category_id = $4, request_type = $5, urgency = $6, accept_limit = $7,
         reply_limit = $8, warning_fraction = $9, pause_allowed = $10, updated_by = $11, updated_at = now(), version = version + 1
       WHERE id = $1 AND version = $2 AND active`,
      [id, expectedVersion, ...policyParams(body), updatedBy],
    );
    return count;
  }

  /** Returns the number of rows changed (0 when no such active policy). */
  async deactivate(m: EntityManager, id: number, updatedBy: string): Promise<number> {
    const [, count]: [unknown, number] = await m.query(
      `UPDATE deadline_policies SET active = false, version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1 AND active`,
      [id, updatedBy],
    );
    return count;
  }
}
