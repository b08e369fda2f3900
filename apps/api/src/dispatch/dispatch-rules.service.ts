import type {
  TCreateDispatchRule,
  TDeactivateDispatchRule,
  TDispatchPreview,
  TDispatchPreviewQuery,
  TDispatchRule,
  TDispatchRuleVersion,
  TDispatchRulesQuery,
  TUpdateDispatchRule,
} from '@hotline/contracts';
import type { DispatchRuleEntity } from '@hotline/database';
import { dispatchReasonZh, NO_DISPATCH_RULE_ZH, ruleSpecificityKey } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CatalogueRepository } from '../catalogue/catalogue.repository';
import { toBureauRef } from '../catalogue/catalogue.service';
import { CategoryTreeService } from '../catalogue/category-tree.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { DispatchResolver, toCandidate } from './dispatch-resolver.service';
import { DispatchRulesRepository, snapshotOf } from './dispatch-rules.repository';
import { DomainError } from '../common/domain-error';

type RuleConditions = Pick<
  DispatchRuleEntity,
  'categoryId' | 'districtId' | 'streetId' | 'keyword' | 'leadBureauId' | 'assistingBureauIds'
>;

const NO_RULE_EN = 'No dispatch rule covers this category and place; an agent must choose the bureau';

export function toDispatchRule(r: DispatchRuleEntity): TDispatchRule {
  return {
    ...toCandidate(r),
    active: r.active,
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: r.updatedAt.toISOString(),
  };
}

/**
 * The dispatch catalogue editor. Every change is versioned (a dispatch_rule_versions row) and
 * audited in the same transaction, and guarded by the optimistic `version` the editor read.
 */
@Injectable()
export class DispatchRulesService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly rules: DispatchRulesRepository,
    private readonly catalogue: CatalogueRepository,
    private readonly tree: CategoryTreeService,
    private readonly resolver: DispatchResolver,
    private readonly audit: AuditService,
  ) {}

  async list(query: TDispatchRulesQuery): Promise<TDispatchRule[]> {
    const categoryIds = query.categoryId === undefined ? null : await this.tree.subtreeOf(query.categoryId);
    return (await this.rules.findForCategories(categoryIds, query.includeInactive ?? false)).map(toDispatchRule);
  }

  async versions(ruleId: number): Promise<TDispatchRuleVersion[]> {
    if (!(await this.rules.findById(ruleId)))
      throw new DomainError('dispatch_rule.not_found', 404, `Dispatch rule #${ruleId} does not exist`, { id: ruleId });
    return (await this.rules.findVersions(ruleId)).map((v) => ({
      id: v.id,
      ruleId: v.ruleId,
      version: v.version,
      change: v.change,
      snapshot: v.snapshot,
      changedBy: v.changedBy,
      changedAt: v.changedAt.toISOString(),
    }));
  }

  async create(body: TCreateDispatchRule, actor: Principal, meta: RequestMeta): Promise<TDispatchRule> {
    const conditions = await this.validated({
      categoryId: body.categoryId,
      districtId: body.districtId ?? null,
      streetId: body.streetId ?? null,
      keyword: body.keyword ?? null,
      leadBureauId: body.leadBureauId,
      assistingBureauIds: body.assistingBureauIds ?? [],
    });
    return this.inTransaction(conditions, async (m, key) => {
      await this.refuseDuplicate(m, key);
      const rule = await this.rules.insertRule(m, {
        ...conditions,
        specificityKey: key,
        active: true,
        version: 1,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      });
      await this.rules.appendVersion(m, rule, 'create', actor.userId);
      await this.audit.record(
        {
          action: 'dispatch_rule.create',
          actor,
          targetType: 'dispatch_rule',
          targetId: rule.id,
          meta,
          detail: snapshotOf(rule),
        },
        m,
      );
      return toDispatchRule(rule);
    });
  }

  async update(id: number, body: TUpdateDispatchRule, actor: Principal, meta: RequestMeta): Promise<TDispatchRule> {
    const current = await this.rules.findById(id);
    if (!current) throw new DomainError('dispatch_rule.not_found', 404, `Dispatch rule #${id} does not exist`, { id });
    // A new category or district without a street clears a street that no longer fits.
    const areaChanged = body.districtId !== undefined && body.districtId !== current.districtId;
    const conditions = await this.validated({
      categoryId: body.categoryId ?? current.categoryId,
      districtId: body.districtId === undefined ? current.districtId : body.districtId,
      streetId: body.streetId !== undefined ? body.streetId : areaChanged ? null : current.streetId,
      keyword: body.keyword === undefined ? current.keyword : body.keyword,
      leadBureauId: body.leadBureauId ?? current.leadBureauId,
      assistingBureauIds: body.assistingBureauIds ?? current.assistingBureauIds,
    });
    return this.inTransaction(conditions, async (m, key) => {
      const rule = await this.lockedAtVersion(m, id, body.version);
      await this.refuseDuplicate(m, key, id);
      const before = snapshotOf(rule);
      Object.assign(rule, conditions, {
        specificityKey: key,
        version: rule.version + 1,
        updatedBy: actor.userId,
        updatedAt: new Date(),
      });
      const saved = await this.rules.saveRule(m, rule);
      await this.rules.appendVersion(m, saved, 'update', actor.userId);
      await this.audit.record(
        {
          action: 'dispatch_rule.update',
          actor,
          targetType: 'dispatch_rule',
          targetId: id,
          meta,
          detail: { before, after: snapshotOf(saved) },
        },
        m,
      );
      return toDispatchRule(saved);
    });
  }

  async deactivate(
    id: number,
    body: TDeactivateDispatchRule,
    actor: Principal,
    meta: RequestMeta,
  ): Promise<TDispatchRule> {
    return this.db.transaction(async (m) => {
      const rule = await this.lockedAtVersion(m, id, body.version);
      rule.active = false;
      rule.version += 1;
      rule.updatedBy = actor.userId;
      rule.updatedAt = new Date();
      const saved = await this.rules.saveRule(m, rule);
      await this.rules.appendVersion(m, saved, 'deactivate', actor.userId);
      await this.audit.record(
        { action: 'dispatch_rule.deactivate', actor, targetType: 'dispatch_rule', targetId: id, meta },
        m,
      );
      return toDispatchRule(saved);
    });
  }

  /** What the catalogue would do with a case: the same resolver intake uses. */
  async preview(q: TDispatchPreviewQuery): Promise<TDispatchPreview> {
    if (q.streetId !== undefined) await this.checkArea(q.districtId ?? null, q.streetId);
    const hit = await this.resolver.resolve({
      categoryId: q.categoryId,
      districtId: q.districtId ?? null,
      streetId: q.streetId ?? null,
      description: q.description ?? '',
    });
    if (!hit) {
      return {
        matched: false,
        bureau: null,
        assistingBureaus: [],
        rule: null,
        reason: NO_RULE_EN,
        reasonEn: NO_RULE_EN,
        reasonZh: NO_DISPATCH_RULE_ZH,
      };
    }
    const [rule, bureaus] = await Promise.all([
      this.rules.findById(hit.ruleId),
      this.catalogue.findBureausByIds([hit.leadBureauId, ...hit.assistingBureauIds]),
    ]);
    const byId = new Map(bureaus.map((b) => [b.id, b]));
    const lead = byId.get(hit.leadBureauId);
    return {
      matched: true,
      bureau: lead ? toBureauRef(lead) : null,
      assistingBureaus: hit.assistingBureauIds.flatMap((id) => {
        const b = byId.get(id);
        return b ? [toBureauRef(b)] : [];
      }),
      rule: rule ? toDispatchRule(rule) : null,
      reason: hit.reason,
      reasonEn: hit.reason,
      reasonZh: rule ? dispatchReasonZh(rule, hit.specificity) : `规则 #${hit.ruleId}`,
    };
  }

  /** Checks every referenced row exists and fits; fills in the district of a lone street. */
  private async validated(c: RuleConditions): Promise<RuleConditions> {
    const category = (await this.tree.all()).get(c.categoryId);
    if (!category || !category.active)
      throw new DomainError('category.not_found', 400, `Category ${c.categoryId} does not exist`, { id: c.categoryId });
    let districtId = c.districtId;
    if (c.streetId !== null) districtId = await this.checkArea(districtId, c.streetId);
    else if (districtId !== null && !(await this.catalogue.findDistrictById(districtId))) {
      throw new DomainError('district.not_found', 400, `District ${districtId} does not exist`, { id: districtId });
    }
    const assisting = [...new Set(c.assistingBureauIds)];
    if (assisting.includes(c.leadBureauId)) {
      throw new DomainError(
        'dispatch_rule.lead_also_assisting',
        400,
        'The lead bureau cannot also be an assisting bureau',
      );
    }
    const found = await this.catalogue.findBureausByIds([c.leadBureauId, ...assisting]);
    for (const bureauId of [c.leadBureauId, ...assisting]) {
      const b = found.find((x) => x.id === bureauId);
      if (!b) throw new DomainError('bureau.not_found', 400, `Bureau ${bureauId} does not exist`, { id: bureauId });
      if (!b.active)
        throw new DomainError('bureau.inactive', 400, `Bureau ${b.code} is deactivated and cannot receive cases`, {
          code: b.code,
        });
    }
    const keyword = c.keyword?.trim() ? c.keyword.trim() : null;
    return { ...c, districtId, keyword, assistingBureauIds: assisting };
  }

  /** A street must lie in the district given; with no district, the street's own is used. */
  private async checkArea(districtId: number | null, streetId: number): Promise<number> {
    const street = await this.catalogue.findStreetById(streetId);
    if (!street) throw new DomainError('street.not_found', 400, `Street ${streetId} does not exist`, { id: streetId });
    if (districtId !== null && street.districtId !== districtId) {
      throw new DomainError(
        'street.not_in_district',
        400,
        `Street ${street.nameZh} (${streetId}) is not in district ${districtId}`,
        { street: street.nameZh, district: districtId },
      );
    }
    return street.districtId;
  }

  private async lockedAtVersion(m: EntityManager, id: number, version: number): Promise<DispatchRuleEntity> {
    const rule = await this.rules.findByIdForUpdate(m, id);
    if (!rule) throw new DomainError('dispatch_rule.not_found', 404, `Dispatch rule #${id} does not exist`, { id });
    if (rule.version !== version) {
      throw new DomainError(
        'dispatch_rule.version_conflict',
        409,
        `This rule was changed by someone else (now version ${rule.version}); reload it and try again`,
        { version: rule.version },
      );
    }
    if (!rule.active)
      throw new DomainError(
        'dispatch_rule.inactive',
        409,
        `Dispatch rule #${id} is deactivated and can no longer change`,
        { id },
      );
    return rule;
  }

  private async refuseDuplicate(m: EntityManager, key: string, exceptId?: number): Promise<void> {
    const other = await this.rules.findActiveBySpecificityKey(m, key, exceptId);
    if (other)
      throw new DomainError(
        'dispatch_rule.duplicate',
        409,
        `A rule for this category and area already exists (#${other.id})`,
        { id: other.id },
      );
  }

  /**
   * Runs a rule write in a transaction; when a concurrent write wins the unique index on the
   * specificity key, answers the same 409 the up-front check gives.
   */
  private async inTransaction<T>(c: RuleConditions, work: (m: EntityManager, key: string) => Promise<T>): Promise<T> {
    const key = ruleSpecificityKey(c);
    try {
      return await this.db.transaction((m) => work(m, key));
    } catch (e) {
      const code = e instanceof QueryFailedError ? (e.driverError as { code?: string }).code : undefined;
      if (code !== '23505') throw e;
      await this.refuseDuplicate(this.db.manager, key);
      throw e;
    }
  }
}
