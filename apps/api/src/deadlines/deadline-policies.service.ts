import type { TDeadlinePolicyInput, TDeadlinePolicyUpdate } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { DeadlineEngine } from '@hotline/database';
import { DomainError } from '../common/domain-error';
import {
  DeadlinePoliciesRepository,
  type DeadlinePolicyVersionView,
  type DeadlinePolicyView,
} from './deadline-policies.repository';

/** Admin-editable deadline policies. Every change writes a version snapshot; clocks already running keep theirs. */
@Injectable()
export class DeadlinePoliciesService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
    private readonly policies: DeadlinePoliciesRepository,
  ) {}

  list(): Promise<DeadlinePolicyView[]> {
    return this.policies.findActive();
  }

  versions(id: number): Promise<DeadlinePolicyVersionView[]> {
    return this.policies.findVersions(id);
  }

  /** Records the policy as it now stands in its version history, and returns it. */
  private async snapshot(m: EntityManager, id: number, p: Principal): Promise<DeadlinePolicyView> {
    const row = (await this.policies.findById(m, id))!;
    await this.policies.insertVersion(m, row, p.userId);
    return row;
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

  create(p: Principal, body: TDeadlinePolicyInput, meta: RequestMeta) {
    return this.write('deadline_policy.create', p, meta, (m) => this.policies.insert(m, body, p.userId));
  }

  update(p: Principal, id: number, body: TDeadlinePolicyUpdate, meta: RequestMeta) {
    return this.write('deadline_policy.update', p, meta, async (m) => {
      const count = await this.policies.updateIfVersion(m, id, body.version, body, p.userId);
      if (count === 0) await this.explainMiss(m, id);
      return id;
    });
  }

  /**
   * One policy write in one transaction with its version snapshot and audit row; a clash with
   * another active policy is explained, and the engine's cached settings are dropped after commit.
   */
  private async write(
    action: string,
    p: Principal,
    meta: RequestMeta,
    change: (m: EntityManager) => Promise<number>,
  ): Promise<DeadlinePolicyView> {
    const row = await this.ds
      .transaction(async (m) => {
        const id = await change(m);
        const snap = await this.snapshot(m, id, p);
        await this.audit.record({ action, actor: p, targetType: 'deadline_policy', targetId: id, meta }, m);
        return snap;
      })
      .catch((err: unknown) => this.duplicate(err));
    this.engine.settings.invalidate();
    return row;
  }

  async deactivate(p: Principal, id: number, meta: RequestMeta) {
    await this.ds.transaction(async (m) => {
      const count = await this.policies.deactivate(m, id, p.userId);
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
    if (!(await this.policies.findActiveFlag(m, id)))
      throw new DomainError('policy.not_found', 404, 'No such active policy');
    throw new DomainError('policy.version_conflict', 409, 'Someone changed this policy first; reload it and try again');
  }
}
