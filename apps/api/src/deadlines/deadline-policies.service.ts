import type { TDeadlinePolicyInput, TDeadlinePolicyUpdate } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { DeadlineEngine } from '@hotline/database';
import { DomainError } from '../common/domain-error';

const SELECT = `id, name, category_id AS "categoryId", request_type AS "requestType", urgency,
  accept_limit AS "acceptLimit", reply_limit AS "replyLimit", warning_fraction::float AS "warningFraction",
  pause_allowed AS "pauseAllowed", active, version, updated_at AS "updatedAt"`;

/** Admin-editable deadline policies. Every change writes a version snapshot; clocks already running keep theirs. */
@Injectable()
export class DeadlinePoliciesService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
  ) {}

  list() {
    return this.ds.query(`SELECT ${SELECT} FROM deadline_policies WHERE active ORDER BY id`) as Promise<unknown[]>;
  }

  versions(id: number) {
    return this.ds.query(
      `SELECT version, snapshot, changed_by AS "changedBy", changed_at AS "changedAt" FROM deadline_policy_versions WHERE policy_id = $1 ORDER BY version`,
      [id],
    ) as Promise<unknown[]>;
  }

  private async snapshot(m: EntityManager, id: number, p: Principal): Promise<Record<string, unknown>> {
    const [row] = (await m.query(`SELECT ${SELECT} FROM deadline_policies WHERE id = $1`, [id])) as (Record<
      string,
      unknown
    > & { version: number })[];
    await m.query(
      `INSERT INTO deadline_policy_versions (policy_id, version, snapshot, changed_by) VALUES ($1, $2, $3, $4)`,
      [id, row!.version, JSON.stringify(row), p.userId],
    );
    return row!;
  }

  private duplicate(err: unknown): never {
    if ((err as { code?: string }).code === '23505') {
      throw new DomainError(
        'policy.duplicate',
        409,
        'An active policy already exists for this category, request type and urgency',
      );
    }
    // A category id that does not exist is bad input, not a conflict with another policy.
    if ((err as { code?: string }).code === '23503')
      throw new DomainError('category.not_found', 400, 'No such category');
    throw err;
  }

  async create(p: Principal, body: TDeadlinePolicyInput, meta: RequestMeta) {
    const row = await this.ds
      .transaction(async (m) => {
        const [{ id }] = (await m.query(
          `INSERT INTO deadline_policies (name, category_id, request_type, urgency, accept_limit, reply_limit, warning_fraction, pause_allowed, updated_by)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
          [
            body.name,
            body.categoryId,
            body.requestType,
            body.urgency,
            JSON.stringify(body.acceptLimit),
            JSON.stringify(body.replyLimit),
            body.warningFraction,
            body.pauseAllowed,
            p.userId,
          ],
        )) as [{ id: number }];
        const snap = await this.snapshot(m, id, p);
        await this.audit.record(
          { action: 'deadline_policy.create', actor: p, targetType: 'deadline_policy', targetId: id, meta },
          m,
        );
        return snap;
      })
      .catch((err: unknown) => this.duplicate(err));
    this.engine.settings.invalidate();
    return row;
  }

  async update(p: Principal, id: number, body: TDeadlinePolicyUpdate, meta: RequestMeta) {
    const row = await this.ds
      .transaction(async (m) => {
        const [, count] = (await m.query(
          `UPDATE deadline_policies SET name = $3, category_id = $4, request_type = $5, urgency = $6, accept_limit = $7,
             reply_limit = $8, warning_fraction = $9, pause_allowed = $10, updated_by = $11, updated_at = now(), version = version + 1
           WHERE id = $1 AND version = $2 AND active`,
          [
            id,
            body.version,
            body.name,
            body.categoryId,
            body.requestType,
            body.urgency,
            JSON.stringify(body.acceptLimit),
            JSON.stringify(body.replyLimit),
            body.warningFraction,
            body.pauseAllowed,
            p.userId,
          ],
        )) as [unknown, number];
        if (count === 0) await this.explainMiss(m, id);
        const snap = await this.snapshot(m, id, p);
        await this.audit.record(
          { action: 'deadline_policy.update', actor: p, targetType: 'deadline_policy', targetId: id, meta },
          m,
        );
        return snap;
      })
      .catch((err: unknown) => this.duplicate(err));
    this.engine.settings.invalidate();
    return row;
  }

  async deactivate(p: Principal, id: number, meta: RequestMeta) {
    await this.ds.transaction(async (m) => {
      const [, count] = (await m.query(
        `UPDATE deadline_policies SET active = false, version = version + 1, updated_by = $2, updated_at = now() WHERE id = $1 AND active`,
        [id, p.userId],
      )) as [unknown, number];
      if (count === 0) throw new DomainError('policy.not_found', 404, 'No such active policy');
      await this.snapshot(m, id, p);
      await this.audit.record(
        { action: 'deadline_policy.deactivate', actor: p, targetType: 'deadline_policy', targetId: id, meta },
        m,
      );
    });
    this.engine.settings.invalidate();
    return { id, active: false };
  }

  private async explainMiss(m: EntityManager, id: number): Promise<never> {
    const [row] = (await m.query(`SELECT active FROM deadline_policies WHERE id = $1`, [id])) as { active: boolean }[];
    if (!row || !row.active) throw new DomainError('policy.not_found', 404, 'No such active policy');
    throw new DomainError('policy.version_conflict', 409, 'Someone changed this policy first; reload it and try again');
  }
}
