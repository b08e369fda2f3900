import { DispatchRuleEntity } from '@hotline/database';
import { matchDispatchRule, type DispatchRuleCandidate } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  In,
  type EntityManager,
  type EntitySubscriberInterface,
  type InsertEvent,
  type QueryRunner,
  type RemoveEvent,
  type TransactionCommitEvent,
  type UpdateEvent,
} from 'typeorm';
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
 * How long another instance's rule edit (or a change made outside TypeORM, e.g. SQL by hand)
 * may go unseen. Edits made through this process are seen at once (see `RulesChangeWatcher`).
 */
const RULES_CACHE_MS = 2000;

/**
 * Which bureau the dispatch catalogue (派单目录) gives a case to. Takes the active rules whose
 * category lies on the case category's root→leaf path and lets the pure domain matcher pick
 * the most specific one, so intake, preview and the editor always agree.
 *
 * Intake resolves on every request, so the active rules (a few hundred rows) are held in
 * memory: dropped the moment a transaction that wrote a rule commits in this process, and
 * re-read at most RULES_CACHE_MS later for edits made elsewhere.
 */
@Injectable()
export class DispatchResolver {
  private cache: { at: number; byCategory: Map<number, DispatchRuleCandidate[]> } | null = null;
  /** Bumped on every rule write; a load that overlapped one is used once but not kept. */
  private generation = 0;
  private loading: { generation: number; rules: Promise<Map<number, DispatchRuleCandidate[]>> } | null = null;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tree: CategoryTreeService,
  ) {
    db.subscribers.push(new RulesChangeWatcher(() => this.invalidate()));
  }

  /** Forgets the cached rules (called when a rule write commits in this process). */
  invalidate(): void {
    this.generation += 1;
    this.cache = null;
    this.loading = null;
  }

  /**
   * Pass the transaction's manager when resolving inside a case transition, so the rules are
   * read in the same snapshot as the case write. Null when no rule applies ("ownerless").
   */
  async resolve(query: DispatchQuery, manager?: EntityManager): Promise<DispatchResolution | null> {
    const categoryPath = await this.tree.pathOf(query.categoryId);
    const rules = manager
      ? await this.activeRulesForCategories(categoryPath, manager)
      : await this.cachedRulesForCategories(categoryPath);
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

  private async cachedRulesForCategories(categoryIds: number[]): Promise<DispatchRuleCandidate[]> {
    const byCategory = await this.activeRulesByCategory();
    return categoryIds.flatMap((id) => byCategory.get(id) ?? []);
  }

  private async activeRulesByCategory(): Promise<Map<number, DispatchRuleCandidate[]>> {
    if (this.cache && Date.now() - this.cache.at < RULES_CACHE_MS) return this.cache.byCategory;
    if (this.loading?.generation !== this.generation) {
      const generation = this.generation;
      const at = Date.now();
      const rules = this.db
        .getRepository(DispatchRuleEntity)
        .find({ where: { active: true } })
        .then((rows) => {
          const byCategory = new Map<number, DispatchRuleCandidate[]>();
          for (const r of rows) {
            const list = byCategory.get(r.categoryId) ?? [];
            list.push(toCandidate(r));
            byCategory.set(r.categoryId, list);
          }
          // Keep it only if no rule write committed while it was being read.
          if (this.generation === generation) this.cache = { at, byCategory };
          return byCategory;
        })
        .finally(() => {
          if (this.loading?.generation === generation) this.loading = null;
        });
      this.loading = { generation, rules };
    }
    return this.loading!.rules;
  }

  private async activeRulesForCategories(
    categoryIds: number[],
    manager: EntityManager,
  ): Promise<DispatchRuleCandidate[]> {
    const rows = await manager.getRepository(DispatchRuleEntity).find({
      where: { active: true, categoryId: In(categoryIds) },
    });
    return rows.map(toCandidate);
  }
}

/** What matching needs of a stored rule (the admin view adds its version fields). */
export function toCandidate(r: DispatchRuleEntity): DispatchRuleCandidate {
  return {
    id: r.id,
    categoryId: r.categoryId,
    districtId: r.districtId,
    streetId: r.streetId,
    keyword: r.keyword,
    leadBureauId: r.leadBureauId,
    assistingBureauIds: r.assistingBureauIds ?? [],
  };
}

const RULES_CHANGED = 'dispatchRulesChanged';

/**
 * Tells the resolver when dispatch rules are written through TypeORM in this process. It
 * invalidates at the write and again when the transaction commits: a read that started
 * between the two saw the old rules and must not be kept.
 */
class RulesChangeWatcher implements EntitySubscriberInterface<DispatchRuleEntity> {
  constructor(private readonly changed: () => void) {}

  listenTo(): typeof DispatchRuleEntity {
    return DispatchRuleEntity;
  }

  afterInsert(e: InsertEvent<DispatchRuleEntity>): void {
    this.mark(e.queryRunner);
  }

  afterUpdate(e: UpdateEvent<DispatchRuleEntity>): void {
    this.mark(e.queryRunner);
  }

  afterRemove(e: RemoveEvent<DispatchRuleEntity>): void {
    this.mark(e.queryRunner);
  }

  afterTransactionCommit(e: TransactionCommitEvent): void {
    if (!e.queryRunner.data?.[RULES_CHANGED]) return;
    delete e.queryRunner.data[RULES_CHANGED];
    this.changed();
  }

  private mark(queryRunner: QueryRunner): void {
    if (queryRunner.data) queryRunner.data[RULES_CHANGED] = true;
    this.changed();
  }
}
