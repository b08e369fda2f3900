import { DispatchRuleEntity } from '@hotline/database';
import { matchDispatchRule, type DispatchRuleCandidate } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { CategoryTreeService } from '../catalogue/category-tree.service';

export interface DispatchQuery {
  categoryId: number;
  districtId?: number | null;
  streetId?: number | null;
  description: string;
}

export interface DispatchResolution {
  ruleId: number;
  leadBureauId: number;
  assistingBureauIds: number[];
  /** Why this rule won, for the case timeline and the "why this bureau?" hint. */
  reason: string;
  /** The domain's lexicographic specificity key of the winning rule. */
  specificity: number[];
}

/**
 * Which bureau the dispatch catalogue (派单目录) gives a case to. Loads the active rules whose
 * category lies on the case category's root→leaf path and lets the pure domain matcher pick
 * the most specific one, so intake, preview and the editor always agree.
 */
@Injectable()
export class DispatchResolver {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tree: CategoryTreeService,
  ) {}

  /**
   * Pass the transaction's manager when resolving inside a case transition, so the rules are
   * read in the same snapshot as the case write. Null when no rule applies ("ownerless").
   */
  async resolve(query: DispatchQuery, manager?: EntityManager): Promise<DispatchResolution | null> {
    const categoryPath = await this.tree.pathOf(query.categoryId);
    const rules = await this.activeRulesForCategories(categoryPath, manager ?? this.db.manager);
    const match = matchDispatchRule(rules, {
      categoryPath,
      districtId: query.districtId ?? null,
      streetId: query.streetId ?? null,
      description: query.description,
    });
    if (!match) return null;
    return {
      ruleId: match.rule.id,
      leadBureauId: match.rule.leadBureauId,
      assistingBureauIds: match.rule.assistingBureauIds,
      reason: match.reason,
      specificity: match.specificity,
    };
  }

  private async activeRulesForCategories(
    categoryIds: number[],
    manager: EntityManager,
  ): Promise<DispatchRuleCandidate[]> {
    const rows = await manager.getRepository(DispatchRuleEntity).find({
      where: { active: true, categoryId: In(categoryIds) },
    });
    return rows.map((r) => ({
      id: r.id,
      categoryId: r.categoryId,
      districtId: r.districtId,
      streetId: r.streetId,
      keyword: r.keyword,
      leadBureauId: r.leadBureauId,
      assistingBureauIds: r.assistingBureauIds ?? [],
    }));
  }
}
