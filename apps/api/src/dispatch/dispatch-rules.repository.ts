import { DispatchRuleEntity, DispatchRuleVersionEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Not, type EntityManager, type FindOptionsWhere, type Repository } from 'typeorm';

/** Dispatch catalogue rows and their version history, one purpose per method. */
@Injectable()
export class DispatchRulesRepository {
  constructor(
    @InjectRepository(DispatchRuleEntity) private readonly rules: Repository<DispatchRuleEntity>,
    @InjectRepository(DispatchRuleVersionEntity) private readonly versions: Repository<DispatchRuleVersionEntity>,
  ) {}

  findForCategories(categoryIds: number[] | null, includeInactive: boolean): Promise<DispatchRuleEntity[]> {
    const where: FindOptionsWhere<DispatchRuleEntity> = {};
    if (categoryIds) where.categoryId = In(categoryIds);
    if (!includeInactive) where.active = true;
    return this.rules.find({ where, order: { categoryId: 'ASC', id: 'ASC' } });
  }

  findById(id: number): Promise<DispatchRuleEntity | null> {
    return this.rules.findOne({ where: { id } });
  }

  /** Locks the row for the rest of the transaction so two edits cannot both pass the version check. */
  findByIdForUpdate(m: EntityManager, id: number): Promise<DispatchRuleEntity | null> {
    return m.getRepository(DispatchRuleEntity).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  findActiveBySpecificityKey(m: EntityManager, key: string, exceptId?: number): Promise<DispatchRuleEntity | null> {
    return m.getRepository(DispatchRuleEntity).findOne({
      where: { specificityKey: key, active: true, ...(exceptId ? { id: Not(exceptId) } : {}) },
    });
  }

  insertRule(m: EntityManager, rule: Partial<DispatchRuleEntity>): Promise<DispatchRuleEntity> {
    return m.getRepository(DispatchRuleEntity).save(m.getRepository(DispatchRuleEntity).create(rule));
  }

  saveRule(m: EntityManager, rule: DispatchRuleEntity): Promise<DispatchRuleEntity> {
    return m.getRepository(DispatchRuleEntity).save(rule);
  }

  async appendVersion(
    m: EntityManager,
    rule: DispatchRuleEntity,
    change: DispatchRuleVersionEntity['change'],
    changedBy: string,
  ): Promise<void> {
    await m.getRepository(DispatchRuleVersionEntity).insert({
      ruleId: rule.id,
      version: rule.version,
      change,
      snapshot: snapshotOf(rule) as never,
      changedBy,
    });
  }

  findVersions(ruleId: number): Promise<DispatchRuleVersionEntity[]> {
    return this.versions.find({ where: { ruleId }, order: { version: 'ASC', id: 'ASC' } });
  }
}

/** The rule as stored after a change: what the version history shows and audits compare. */
export function snapshotOf(r: DispatchRuleEntity): Record<string, unknown> {
  return {
    categoryId: r.categoryId,
    districtId: r.districtId,
    streetId: r.streetId,
    keyword: r.keyword,
    leadBureauId: r.leadBureauId,
    assistingBureauIds: r.assistingBureauIds,
    active: r.active,
  };
}
