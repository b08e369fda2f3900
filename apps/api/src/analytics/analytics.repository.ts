import type { TMonthlyTheme } from '@hotline/contracts';
import {
  COUNTER_COLUMNS,
  emptyCounters,
  REPLY_BUCKET_COLUMNS,
  ROLLUP_COUNTER_KEYS,
  ROLLUP_CUBES,
  ROLLUP_MEASURE_COLUMNS,
  rollupTable,
  type CaseViewer,
  type RollupCounterKey,
  type RollupCounters,
  type RollupDim,
} from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { caseScopeSql } from '../cases/case-access.repository';
import { planRange, type RangePlan } from './analytics-dates';
import type { DataSource } from 'typeorm';

/** How often the cubes' row counts (the planner's estimates) are re-read. */
const SIZES_TTL_MS = 5 * 60_000;

/** Equality filters on cube dimensions; arrays mean "any of". */
export type RollupFilter = Partial<Record<RollupDim, number | string | readonly number[]>>;

export interface RollupQuery {
  from: string;
  to: string;
  groupBy: readonly RollupDim[];
  filter: RollupFilter;
  /** Adds a `period` key (start day of the day/week/month). */
  interval?: 'day' | 'week' | 'month';
  /** Keep only groups whose summed counter reaches a minimum (e.g. hotspots). */
  having?: { counter: RollupCounterKey; min: number };
  /** Order by a summed counter, descending, and keep the first `limit` groups. */
  top?: { counter: RollupCounterKey; limit: number };
  /**
   * Sum only these counters (the others, and the reply histogram, read as 0). For scans over
   * many cube rows that need a few figures, e.g. hotspots: summing 37 columns is most of the cost.
   */
  only?: readonly RollupCounterKey[];
}

export interface RollupRow {
  period?: string;
  keys: Partial<Record<RollupDim, number | string>>;
  counters: RollupCounters;
}

export interface LookupRow {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
}

export interface CategoryRow extends LookupRow {
  parentId: number | null;
  level: number;
}

export interface StreetRow extends LookupRow {
  districtId: number;
}

/** A monthly theme as stored: the published shape, with the time still a Date. */
export type MonthlyThemeRow = Omit<TMonthlyTheme, 'chosenAt'> & { chosenAt: Date };

export interface ExampleCase {
  id: string;
  trackingNumber: string;
}

export interface ExampleCriteria {
  from: string;
  to: string;
  bureauId?: number;
  categoryId?: number;
  streetId?: number;
  /** Only cases whose fact counter is 1 (e.g. 'unmatched', 'dissatisfied', 'overdue'). */
  flag?: RollupCounterKey;
}

/** Single-purpose reads (and the few writes) of the analytics tables. */
@Injectable()
export class AnalyticsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  private sizes: { at: number; rows: Map<string, number> } | null = null;
  private sizesLoading: Promise<void> | null = null;

  /**
   * The smallest cube that carries every dimension the query groups or filters by. A cube
   * whose dimensions include another candidate's is never smaller, so it is dropped outright
   * (this alone decides most queries, and does so without statistics). Between candidates
   * that do not nest (e.g. bureau × attributes vs bureau × category × district × type) the
   * planner's row estimates decide, read every few minutes; without them, the static order.
   */
  cubeFor(dims: Iterable<RollupDim>): string {
    const needed = [...dims];
    const fits = ROLLUP_CUBES.filter((c) => needed.every((d) => c.dims.includes(d)));
    const minimal = fits.filter(
      (c) => !fits.some((o) => o !== c && o.dims.length < c.dims.length && o.dims.every((d) => c.dims.includes(d))),
    );
    this.refreshSizes();
    const rows = (name: string) => this.sizes?.rows.get(name) ?? Number.POSITIVE_INFINITY;
    // Stable sort: equal or unknown sizes keep the static order.
    const best = [...minimal].sort((a, b) => {
      const ra = rows(a.name);
      const rb = rows(b.name);
      return ra === rb ? 0 : ra < rb ? -1 : 1;
    })[0];
    return (best ?? ROLLUP_CUBES[ROLLUP_CUBES.length - 1]!).name;
  }

  /** Re-reads the cubes' row estimates in the background when they are stale. */
  private refreshSizes(): void {
    if (this.sizesLoading || (this.sizes && Date.now() - this.sizes.at < SIZES_TTL_MS)) return;
    this.sizesLoading = this.cubeRowEstimates()
      .then((rows) => {
        this.sizes = { at: Date.now(), rows };
      })
      .catch(() => undefined)
      .finally(() => (this.sizesLoading = null));
  }

  /** The planner's row estimate per cube (reltuples is -1 before the first ANALYZE: unknown, not empty). */
  private async cubeRowEstimates(): Promise<Map<string, number>> {
    const found = await this.ds.query<{ name: string; rows: number }[]>(
      `SELECT relname AS name, reltuples::float8 AS rows FROM pg_class WHERE relkind = 'r' AND relname = ANY($1)`,
      [ROLLUP_CUBES.map((c) => rollupTable(c.name, 'day'))],
    );
    const byTable = new Map(found.map((r) => [r.name, r.rows]));
    const rows = new Map<string, number>();
    for (const c of ROLLUP_CUBES) {
      const n = byTable.get(rollupTable(c.name, 'day'));
      if (n !== undefined && n >= 0) rows.set(c.name, n);
    }
    return rows;
  }

  /**
   * Sums the rollup counters over [from, to] per group, from the smallest fitting cube. Months
   * the range covers are read from the cube's month grain; a partly covered month either from
   * the day grain or as its month row minus the days outside the range, whichever reads fewer
   * days (see planRange). Weekly and daily series use the day grain.
   */
  async sumRollups(q: RollupQuery): Promise<RollupRow[]> {
    const filterDims = Object.keys(q.filter) as RollupDim[];
    const cube = this.cubeFor([...q.groupBy, ...filterDims]);
    const params: unknown[] = [];
    const where: string[] = [];
    for (const dim of filterDims) {
      const value = q.filter[dim];
      if (value === undefined) continue;
      params.push(value);
      where.push(Array.isArray(value) ? `${dim} = ANY($${params.length})` : `${dim} = $${params.length}`);
    }
    const plan: RangePlan =
      q.interval === 'day' || q.interval === 'week'
        ? { months: null, add: [[q.from, q.to]], subtract: [] }
        : planRange(q.from, q.to);
    const measures = q.only
      ? [
          ...new Set<RollupCounterKey>([
            ...q.only,
            ...(q.having ? [q.having.counter] : []),
            ...(q.top ? [q.top.counter] : []),
            'volume',
          ]),
        ].map((k) => COUNTER_COLUMNS[k])
      : ROLLUP_MEASURE_COLUMNS;
    const added = [...q.groupBy, ...measures].join(', ');
    const subtracted = [...q.groupBy, ...measures.map((c) => `-${c} AS ${c}`)].join(', ');
    const parts: string[] = [];
    const part = (table: string, time: 'day' | 'month', [from, to]: [string, string], columns: string) => {
      params.push(from, to);
      const range = `${time} BETWEEN $${params.length - 1}::date AND $${params.length}::date`;
      parts.push(`SELECT ${time} AS t, ${columns} FROM ${table} WHERE ${[range, ...where].join(' AND ')}`);
    };
    if (plan.months) part(rollupTable(cube, 'month'), 'month', plan.months, added);
    for (const days of plan.add) part(rollupTable(cube, 'day'), 'day', days, added);
    for (const days of plan.subtract) part(rollupTable(cube, 'day'), 'day', days, subtracted);
    const select: string[] = [...q.groupBy];
    const group: string[] = [...q.groupBy];
    if (q.interval) {
      const period = q.interval === 'day' ? 't' : `date_trunc('${q.interval}', t)::date`;
      select.unshift(`to_char(${period}, 'YYYY-MM-DD') AS period`);
      group.unshift('1');
    }
    const sums = measures.map((c) => `sum(${c})::int AS ${c}`);
    let sql = `SELECT ${[...select, ...sums].join(', ')} FROM (${parts.join(' UNION ALL ')}) x`;
    const having: string[] = [];
    if (group.length) {
      sql += ` GROUP BY ${group.join(', ')}`;
      // A group with no case in the range (every case of a month row lay in subtracted days,
      // or a cube row went to zero when its cases changed) is no group at all.
      having.push('sum(volume) > 0');
    }
    if (q.having) {
      params.push(q.having.min);
      having.push(`sum(${COUNTER_COLUMNS[q.having.counter]}) >= $${params.length}`);
    }
    if (having.length) sql += ` HAVING ${having.join(' AND ')}`;
    if (q.top) {
      params.push(q.top.limit);
      sql += ` ORDER BY sum(${COUNTER_COLUMNS[q.top.counter]}) DESC LIMIT $${params.length}`;
    }
    const rows = await this.ds.query<Record<string, unknown>[]>(sql, params);
    return rows.map((r) => toRollupRow(r, q.groupBy));
  }

  async listBureaus(): Promise<LookupRow[]> {
    return this.ds.query<LookupRow[]>(
      `SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn" FROM bureaus ORDER BY id`,
    );
  }

  async listCategories(): Promise<CategoryRow[]> {
    return this.ds.query<CategoryRow[]>(
      `SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn", parent_id AS "parentId", level
         FROM categories ORDER BY id`,
    );
  }

  async listDistricts(): Promise<LookupRow[]> {
    return this.ds.query<LookupRow[]>(
      `SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn" FROM districts ORDER BY id`,
    );
  }

  async listStreets(): Promise<StreetRow[]> {
    return this.ds.query<StreetRow[]>(
      `SELECT id, code, name_zh AS "nameZh", name_en AS "nameEn", district_id AS "districtId" FROM streets ORDER BY id`,
    );
  }

  /**
   * The example cases of many findings in one round trip: one LIMITed branch per criteria
   * (each an index walk backwards by day on the facts), then the few cases joined. Returns
   * one list per criteria, in order. Only cases the viewer may see (caseScopeSql; the hotline
   * sees every case, and then the facts alone answer).
   */
  async exampleCasesBatch(viewer: CaseViewer, list: readonly ExampleCriteria[], limit = 3): Promise<ExampleCase[][]> {
    if (list.length === 0) return [];
    const params: unknown[] = [];
    const bind = (value: unknown) => {
      params.push(value);
      return `$${params.length}`;
    };
    const branches = list.map((c, k) => {
      const where: string[] = [];
      const add = (sql: string, value: unknown) => where.push(sql.replace('?', bind(value)));
      add('f.day >= ?::date', c.from);
      add('f.day <= ?::date', c.to);
      if (c.bureauId !== undefined) add('f.bureau_id = ?', c.bureauId);
      if (c.categoryId !== undefined) add('f.category_id = ?', c.categoryId);
      if (c.streetId !== undefined) add('f.street_id = ?', c.streetId);
      if (c.flag) where.push(`f.${COUNTER_COLUMNS[c.flag]} = 1`);
      const scope = caseScopeSql(viewer, 'c', bind);
      if (scope !== null) where.push(scope);
      const from =
        scope === null ? 'analytics_case_facts f' : 'analytics_case_facts f JOIN cases c ON c.id = f.case_id';
      return `(SELECT ${k} AS k, f.case_id, f.day FROM ${from}
                WHERE ${where.join(' AND ')} ORDER BY f.day DESC LIMIT ${Math.trunc(limit)})`;
    });
    const rows = await this.ds.query<{ k: number; id: string; trackingNumber: string }[]>(
      `SELECT f.k, c.id, c.tracking_number AS "trackingNumber"
         FROM (${branches.join(' UNION ALL ')}) f
         JOIN cases c ON c.id = f.case_id
        ORDER BY f.k, f.day DESC`,
      params,
    );
    const out: ExampleCase[][] = list.map(() => []);
    for (const r of rows) out[r.k]!.push({ id: r.id, trackingNumber: r.trackingNumber });
    return out;
  }

  /** The newest 200 monthly themes, newest month first. */
  async listMonthlyThemes(): Promise<MonthlyThemeRow[]> {
    return this.ds.query<MonthlyThemeRow[]>(
      `SELECT id, to_char(month, 'YYYY-MM') AS month, category_id AS "categoryId", street_id AS "streetId",
              title, note, chosen_at AS "chosenAt"
         FROM analytics_monthly_themes ORDER BY month DESC, id DESC LIMIT 200`,
    );
  }

  async insertMonthlyTheme(t: {
    month: string;
    categoryId: number;
    streetId: number | null;
    title: string;
    note: string | null;
    chosenBy: string;
  }): Promise<{ id: number; chosenAt: Date } | null> {
    const rows = await this.ds.query<{ id: number; chosenAt: Date }[]>(
      `INSERT INTO analytics_monthly_themes (month, category_id, street_id, title, note, chosen_by)
       VALUES (($1 || '-01')::date, $2, $3, $4, $5, $6)
       ON CONFLICT DO NOTHING RETURNING id, chosen_at AS "chosenAt"`,
      [t.month, t.categoryId, t.streetId, t.title, t.note, t.chosenBy],
    );
    return rows[0] ?? null;
  }
}

function toRollupRow(r: Record<string, unknown>, groupBy: readonly RollupDim[]): RollupRow {
  const counters = emptyCounters();
  for (const key of ROLLUP_COUNTER_KEYS) counters[key] = Number(r[COUNTER_COLUMNS[key]] ?? 0);
  counters.replyHistogram = REPLY_BUCKET_COLUMNS.map((c) => Number(r[c] ?? 0));
  const keys: RollupRow['keys'] = {};
  for (const dim of groupBy) keys[dim] = r[dim] as number | string;
  return { ...(r['period'] ? { period: String(r['period']) } : {}), keys, counters };
}
