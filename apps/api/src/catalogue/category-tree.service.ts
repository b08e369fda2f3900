import { CategoryEntity } from '@hotline/database';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { TCategoryNode, TCategorySearchHit, TCategorySuggestion } from '@hotline/contracts';
import { searchTextMatchesWord, suggestCategories } from '@hotline/domain';
import { DomainError } from '../common/domain-error';

export interface CategoryNode {
  id: number;
  parentId: number | null;
  level: number;
  code: string;
  nameZh: string;
  nameEn: string;
  pinyin: string;
  keywords: string[];
  synonyms: string[];
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
    const node = byId.get(categoryId);
    if (!node)
      throw new DomainError('category.not_found', 404, `Category ${categoryId} does not exist`, { id: categoryId });
    return this.pathFrom(node, byId);
  }

  /** Ids of this category and every category below it (for "category subtree" filters). */
  async subtreeOf(categoryId: number): Promise<number[]> {
    const byId = await this.all();
    if (!byId.has(categoryId))
      throw new DomainError('category.not_found', 404, `Category ${categoryId} does not exist`, { id: categoryId });
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
        synonyms: r.synonyms ?? [],
        deadlineClass: r.deadlineClass,
        sortOrder: r.sortOrder,
        active: r.active,
      });
    }
    this.cache = { at: Date.now(), byId };
    return byId;
  }

  /** The active categories as a nested tree, in display order. */
  async tree(): Promise<TCategoryNode[]> {
    const byId = await this.all();
    const nodes = new Map<number, TCategoryNode>();
    const roots: TCategoryNode[] = [];
    // all() is ordered by level, so a parent is always placed before its children.
    for (const n of byId.values()) {
      if (!n.active) continue;
      const node: TCategoryNode = {
        id: n.id,
        code: n.code,
        level: n.level,
        nameZh: n.nameZh,
        nameEn: n.nameEn,
        keywords: n.keywords,
        synonyms: n.synonyms,
        children: [],
      };
      nodes.set(n.id, node);
      if (n.parentId === null) roots.push(node);
      else nodes.get(n.parentId)?.children.push(node);
    }
    return roots;
  }

  /**
   * Leaf categories matching what an agent types: Chinese or English names on the path,
   * caller keywords, full pinyin ("zhandao") or initials ("zdjy"). The leaf's own name and
   * keywords rank before a match on an ancestor only.
   */
  async search(q: string, limit: number): Promise<TCategorySearchHit[]> {
    const byId = await this.all();
    const needle = q.trim().toLowerCase();
    const compact = needle.replace(/\s+/g, '');
    const hasChildren = new Set<number>();
    for (const n of byId.values()) if (n.active && n.parentId !== null) hasChildren.add(n.parentId);
    const hits: { rank: number; node: CategoryNode; path: CategoryNode[] }[] = [];
    for (const leaf of byId.values()) {
      if (!leaf.active || hasChildren.has(leaf.id)) continue;
      const path = this.pathFrom(leaf, byId);
      if (path.some((p) => !p.active)) continue;
      const rank = this.rankMatch(leaf, path, needle, compact);
      if (rank !== null) hits.push({ rank, node: leaf, path });
    }
    hits.sort((a, b) => a.rank - b.rank || a.node.level - b.node.level || a.node.id - b.node.id);
    return hits.slice(0, limit).map(({ node, path }) => searchHit(node, path));
  }

  /**
   * 0: the leaf's own name, keyword or synonym contains the text; 0.5: the text contains one
   * of them; 1: a pinyin word of the path starts
   * with it; 2: the path's pinyin contains it; 3: an ancestor's name does; null: no match.
   */
  private rankMatch(leaf: CategoryNode, path: CategoryNode[], needle: string, compact: string): number | null {
    const own = [leaf.nameZh, leaf.nameEn, ...leaf.keywords, ...leaf.synonyms].map((s) => s.toLowerCase());
    if (own.some((s) => s.includes(needle))) return 0;
    // Everyday phrasing around a known word ("停水了吗" holds the synonym "停水了").
    if (own.some((s) => searchTextMatchesWord(needle, s))) return 0.5;
    // The pinyin column holds the whole path ("chengshiguanli ... zhandaojingying csgl ... zdjy").
    const pinyinWords = leaf.pinyin.toLowerCase().split(/\s+/);
    if (compact.length > 0 && pinyinWords.some((w) => w.startsWith(compact))) return 1;
    if (compact.length > 0 && leaf.pinyin.toLowerCase().replace(/\s+/g, '').includes(compact)) return 2;
    const ancestors = path.slice(0, -1).flatMap((p) => [p.nameZh, p.nameEn.toLowerCase()]);
    if (ancestors.some((s) => s.includes(needle))) return 3;
    return null;
  }

  /** Up to `limit` leaf categories for a citizen's description, best first (suggestCategories). */
  async suggest(text: string, limit: number): Promise<TCategorySuggestion[]> {
    const byId = await this.all();
    const leaves = this.activeLeaves(byId);
    const ranked = suggestCategories(
      text,
      leaves.map(({ node, path }) => ({
        id: node.id,
        nameZh: node.nameZh,
        nameEn: node.nameEn,
        keywords: node.keywords,
        synonyms: node.synonyms,
        ancestorNames: path.slice(0, -1).map((p) => p.nameZh),
      })),
      limit,
    );
    return ranked.map((r) => {
      const path = this.pathFrom(byId.get(r.id)!, byId);
      return { ...searchHit(path[path.length - 1]!, path), score: r.score, matched: r.matched };
    });
  }

  /** Active leaves whose whole path is active, with that path. */
  private activeLeaves(byId: Map<number, CategoryNode>): Array<{ node: CategoryNode; path: CategoryNode[] }> {
    const hasChildren = new Set<number>();
    for (const n of byId.values()) if (n.active && n.parentId !== null) hasChildren.add(n.parentId);
    const out: Array<{ node: CategoryNode; path: CategoryNode[] }> = [];
    for (const node of byId.values()) {
      if (!node.active || hasChildren.has(node.id)) continue;
      const path = this.pathFrom(node, byId);
      if (path.every((p) => p.active)) out.push({ node, path });
    }
    return out;
  }

  // The depth bound guards against a corrupt parent cycle looping forever.
  private pathFrom(node: CategoryNode, byId: Map<number, CategoryNode>): CategoryNode[] {
    const path: CategoryNode[] = [];
    let cur: CategoryNode | undefined = node;
    while (cur && path.length < 10) {
      path.unshift(cur);
      cur = cur.parentId === null ? undefined : byId.get(cur.parentId);
    }
    return path;
  }

  /** Drop the cached tree (after an edit to categories). */
  invalidate(): void {
    this.cache = null;
  }
}

/** A leaf as search and suggestion answers show it: its names and the names of its path. */
function searchHit(node: CategoryNode, path: CategoryNode[]): TCategorySearchHit {
  return {
    id: node.id,
    code: node.code,
    level: node.level,
    nameZh: node.nameZh,
    nameEn: node.nameEn,
    pathZh: path.map((p) => p.nameZh),
    pathEn: path.map((p) => p.nameEn),
  };
}
