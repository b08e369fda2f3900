import type { TAnalyticsGroupBy, TAnalyticsGroupKey } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { AnalyticsRepository, type CategoryRow, type LookupRow } from './analytics.repository';
import { DomainError } from '../common/domain-error';

const CHANNELS: Record<string, [string, string]> = {
  phone: ['电话', 'Phone'],
  web: ['网站', 'Web'],
  open311: ['Open311', 'Open311'],
  api: ['接口', 'API'],
};
const TYPES: Record<string, [string, string]> = {
  consultation: ['咨询', 'Consultation'],
  help: ['求助', 'Help'],
  complaint: ['投诉', 'Complaint'],
  report: ['举报', 'Report'],
  suggestion: ['建议', 'Suggestion'],
  praise: ['表扬', 'Praise'],
};
const NONE: Record<string, [string, string]> = {
  bureau: ['未派单', 'Not dispatched'],
  category: ['未分类', 'Uncategorised'],
  district: ['未知区域', 'Unknown district'],
  street: ['未知街道', 'Unknown street'],
};

/** Names for the ids in rollup rows, loaded once per request (a few hundred small rows). */
export class AnalyticsLabels {
  private readonly categoryById: Map<number, CategoryRow>;
  private readonly maps: Record<'bureau' | 'district' | 'street', Map<number, LookupRow>>;

  constructor(
    readonly bureaus: LookupRow[],
    readonly categories: CategoryRow[],
    districts: LookupRow[],
    streets: LookupRow[],
  ) {
    this.categoryById = new Map(categories.map((c) => [c.id, c]));
    this.maps = {
      bureau: new Map(bureaus.map((b) => [b.id, b])),
      district: new Map(districts.map((d) => [d.id, d])),
      street: new Map(streets.map((s) => [s.id, s])),
    };
  }

  groupKey(groupBy: TAnalyticsGroupBy, raw: number | string): TAnalyticsGroupKey {
    if (groupBy === 'channel' || groupBy === 'type') {
      const [zh, en] = (groupBy === 'channel' ? CHANNELS : TYPES)[String(raw)] ?? [String(raw), String(raw)];
      return { id: String(raw), code: String(raw), nameZh: zh, nameEn: en };
    }
    const id = Number(raw);
    const row = groupBy === 'category' ? this.categoryById.get(id) : this.maps[groupBy].get(id);
    if (row) return { id, code: row.code, nameZh: row.nameZh, nameEn: row.nameEn };
    const [zh, en] = NONE[groupBy] ?? ['—', '—'];
    return { id, code: null, nameZh: zh, nameEn: en };
  }

  /** The ancestor of a leaf category at `level` (1 = top class); the leaf itself when shallower. */
  categoryAt(leafId: number, level: number): TAnalyticsGroupKey {
    let node = this.categoryById.get(leafId);
    while (node && node.level > level && node.parentId !== null) node = this.categoryById.get(node.parentId);
    return this.groupKey('category', node ? node.id : leafId);
  }
}

/**
 * Reference data changes rarely (an admin renames a bureau, adds a category) while every
 * report needs it: keep it for a few seconds instead of four queries per request.
 */
const LABELS_TTL_MS = 30_000;

@Injectable()
export class AnalyticsLookups {
  private cached: { at: number; labels: Promise<AnalyticsLabels> } | undefined;

  constructor(private readonly repo: AnalyticsRepository) {}

  load(): Promise<AnalyticsLabels> {
    if (this.cached && Date.now() - this.cached.at < LABELS_TTL_MS) return this.cached.labels;
    const labels = Promise.all([
      this.repo.listBureaus(),
      this.repo.listCategories(),
      this.repo.listDistricts(),
      this.repo.listStreets(),
    ]).then(
      ([bureaus, categories, districts, streets]) => new AnalyticsLabels(bureaus, categories, districts, streets),
    );
    this.cached = { at: Date.now(), labels };
    // A failed load is not cached.
    labels.catch(() => (this.cached = undefined));
    return labels;
  }

  /** A category and every category below it; unknown ids are a 400, not an empty report. */
  async subtreeIds(categoryId: number): Promise<number[]> {
    const { categories } = await this.load();
    if (!categories.some((c) => c.id === categoryId)) {
      throw new DomainError('category.not_found', 400, `There is no category with id ${categoryId}`, {
        id: categoryId,
      });
    }
    const children = new Map<number, number[]>();
    for (const c of categories) {
      if (c.parentId !== null) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c.id]);
    }
    const out: number[] = [];
    const stack = [categoryId];
    while (stack.length) {
      const id = stack.pop()!;
      out.push(id);
      stack.push(...(children.get(id) ?? []));
    }
    return out;
  }
}
