import { CategoryEntity } from '@hotline/database';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';

export interface CategoryNode {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  nameZh: string;
  nameEn: string;
  pinyin: string;
  keywords: string[];
  deadlineClass: string | null;
  sortOrder: number;
  active: boolean;
}

/** How long the in-memory copy of the category tree is trusted (it changes rarely). */
const CACHE_MS = 60_000;

/**
 * The category tree, held in memory: dispatch matching needs a category's root→leaf path on
 * every intake, and the tree is a few hundred rows that change a few times a year.
 */
@Injectable()
export class CategoryTreeService {
  private cache: { at: number; byId: Map<number, CategoryNode> } | null = null;

  constructor(@InjectRepository(CategoryEntity) private readonly categories: Repository<CategoryEntity>) {}

  /** Category ids from the root to this category (inclusive); 404 when it does not exist. */
  async pathOf(categoryId: number): Promise<number[]> {
    return (await this.nodesOnPath(categoryId)).map((n) => n.id);
  }

  /** The nodes from the root to this category (inclusive); 404 when it does not exist. */
  async nodesOnPath(categoryId: number): Promise<CategoryNode[]> {
    const byId = await this.all();
    const path: CategoryNode[] = [];
    let node = byId.get(categoryId);
    if (!node) throw new NotFoundException(`Category ${categoryId} does not exist`);
    // The depth bound guards against a corrupt parent cycle looping forever.
    while (node && path.length < 10) {
      path.unshift(node);
      node = node.parentId === null ? undefined : byId.get(node.parentId);
    }
    return path;
  }

  /** Ids of this category and every category below it (for "category subtree" filters). */
  async subtreeOf(categoryId: number): Promise<number[]> {
    const byId = await this.all();
    if (!byId.has(categoryId)) throw new NotFoundException(`Category ${categoryId} does not exist`);
    const children = new Map<number, number[]>();
    for (const n of byId.values()) {
      if (n.parentId === null) continue;
      children.set(n.parentId, [...(children.get(n.parentId) ?? []), n.id]);
    }
    const out: number[] = [];
    const queue = [categoryId];
    while (queue.length > 0) {
      const id = queue.shift()!;
      out.push(id);
      queue.push(...(children.get(id) ?? []));
    }
    return out;
  }

  async exists(categoryId: number): Promise<boolean> {
    return (await this.all()).has(categoryId);
  }

  /** Every category (active or not), keyed by id. */
  async all(): Promise<Map<number, CategoryNode>> {
    if (this.cache && Date.now() - this.cache.at < CACHE_MS) return this.cache.byId;
    const rows = await this.categories.find({ order: { level: 'ASC', sortOrder: 'ASC', id: 'ASC' } });
    const byId = new Map<number, CategoryNode>();
    for (const r of rows) {
      byId.set(r.id, {
        id: r.id,
        parentId: r.parentId,
        level: r.level,
        code: r.code,
        nameZh: r.nameZh,
        nameEn: r.nameEn,
        pinyin: r.pinyin,
        keywords: r.keywords,
        deadlineClass: r.deadlineClass,
        sortOrder: r.sortOrder,
        active: r.active,
      });
    }
    this.cache = { at: Date.now(), byId };
    return byId;
  }

  /** Drop the cached tree (after an edit to categories). */
  invalidate(): void {
    this.cache = null;
  }
}
