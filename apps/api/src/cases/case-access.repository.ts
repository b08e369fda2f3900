import { canActOnCase, canSeeCase, type CaseBureaus, type CaseViewer } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { DomainError } from '../common/domain-error';

/**
 * Case access, modelled on Immich's `requireAccess` + access repository: the rule itself is
 * `caseVisibility` (libs/domain); this file is where it meets the database, for one case, for
 * many ids at once, and as a predicate that lists, boards, analytics and exports append.
 */

/** What an action needs: to see the case (lead or assisting bureau) or to act on it (lead only). */
export type CaseAccessNeed = 'see' | 'act';

/** The one answer for "no such case" and "not your bureau's case" alike: ids leak nothing. */
export function caseNotFound(): DomainError {
  return new DomainError('case.not_found', 404, 'No such case, or it is not for your bureau');
}

/** May the viewer see (or act on) the case? The rule is caseVisibility, in libs/domain. */
export function caseAllows(viewer: CaseViewer, c: CaseBureaus, need: CaseAccessNeed = 'see'): boolean {
  return need === 'act' ? canActOnCase(viewer, c) : canSeeCase(viewer, c);
}

/**
 * `caseVisibility` as an SQL predicate over the `cases` table (or its alias), for queries that
 * list many cases. Null when the viewer sees every case (append nothing); `FALSE` when they see
 * none. `bind` adds a parameter and returns its placeholder (e.g. `$3`), so the predicate fits
 * any query's numbering. The lead/assisting arms use the cases' bureau indexes.
 */
export function caseScopeSql(
  viewer: CaseViewer,
  alias: string | null,
  bind: (value: unknown) => string,
): string | null {
  const col = (name: string) => (alias ? `${alias}.${name}` : name);
  switch (viewer.role) {
    case 'agent':
    case 'supervisor':
    case 'admin':
    case 'system':
      return null;
    case 'citizen':
    case 'public':
      return 'FALSE';
    case 'handler': {
      if (viewer.bureauId === null) return 'FALSE';
      const b = bind(viewer.bureauId);
      return `(${col('lead_bureau_id')} = ${b} OR ${col('assisting_bureau_ids')} @> ARRAY[${b}::int])`;
    }
  }
}

/** The small row a scoped action needs: who owns the case and where it stands. */
export interface CaseScopeRow {
  id: string;
  status: string;
  version: number;
  tracking_number: string;
  lead_bureau_id: number | null;
  assisting_bureau_ids: number[];
}

const SCOPE_COLUMNS = 'id, status, version, tracking_number, lead_bureau_id, assisting_bureau_ids';

const bureausOf = (r: Pick<CaseScopeRow, 'lead_bureau_id' | 'assisting_bureau_ids'>): CaseBureaus => ({
  leadBureauId: r.lead_bureau_id,
  assistingBureauIds: r.assisting_bureau_ids,
});

/**
 * Loads a case the viewer may see (or act on, `need: 'act'`), locked FOR UPDATE when asked,
 * inside the caller's transaction; any other case is `caseNotFound()`.
 */
export async function caseInScope(
  m: EntityManager,
  caseId: string,
  viewer: CaseViewer,
  opts: { lock?: boolean; need?: CaseAccessNeed } = {},
): Promise<CaseScopeRow> {
  const [row] = (await m.query(`SELECT ${SCOPE_COLUMNS} FROM cases WHERE id = $1${opts.lock ? ' FOR UPDATE' : ''}`, [
    caseId,
  ])) as CaseScopeRow[];
  if (!row || !caseAllows(viewer, bureausOf(row), opts.need)) throw caseNotFound();
  return row;
}

@Injectable()
export class CaseAccessRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  /** The ids among `ids` the viewer may see (or act on), checked in one query. */
  async allowedIds(
    viewer: CaseViewer,
    ids: readonly string[],
    need: CaseAccessNeed = 'see',
    m: EntityManager = this.ds.manager,
  ): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = (await m.query(
      `SELECT id, lead_bureau_id, assisting_bureau_ids FROM cases WHERE id = ANY($1::uuid[])`,
      [[...new Set(ids)]],
    )) as Array<Pick<CaseScopeRow, 'id' | 'lead_bureau_id' | 'assisting_bureau_ids'>>;
    return new Set(rows.filter((r) => caseAllows(viewer, bureausOf(r), need)).map((r) => r.id));
  }

  /** Throws `caseNotFound()` unless the viewer may see (or act on) every one of `ids`. */
  async requireAccess(
    viewer: CaseViewer,
    ids: readonly string[],
    need: CaseAccessNeed = 'see',
    m?: EntityManager,
  ): Promise<void> {
    const allowed = await this.allowedIds(viewer, ids, need, m);
    if (ids.some((id) => !allowed.has(id))) throw caseNotFound();
  }
}
