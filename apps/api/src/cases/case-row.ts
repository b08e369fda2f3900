import { CaseEntity, CaseEventEntity } from '@hotline/database';
import type { DataSource } from 'typeorm';

/**
 * Raw `RETURNING *` rows → entities. The hot paths (intake, transitions) use hand-written
 * SQL for fewer round trips; this keeps their results the same shape as the repository's.
 */
export class RowMapper<T extends object> {
  private readonly columns: Array<[db: string, prop: string]>;
  private readonly columnByProp: Map<string, string>;

  constructor(
    private readonly target: new () => T,
    dataSource: DataSource,
  ) {
    this.columns = dataSource.getMetadata(target).columns.map((c) => [c.databaseName, c.propertyName]);
    this.columnByProp = new Map(this.columns.map(([db, prop]) => [prop, db]));
  }

  /** An entity's properties keyed by column name (for `jsonb_populate_record` over the table's row type). */
  toRecord(values: Partial<T>): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [prop, value] of Object.entries(values)) out[this.columnOf(prop)] = value;
    return out;
  }

  fromRow(row: Record<string, unknown>): T {
    const out = new this.target() as Record<string, unknown>;
    for (const [db, prop] of this.columns) if (db in row) out[prop] = row[db];
    return out as T;
  }

  columnOf(prop: string): string {
    const hit = this.columnByProp.get(prop);
    if (hit === undefined) throw new Error(`unknown column for property ${prop}`);
    return hit;
  }
}

export function caseMapper(ds: DataSource): RowMapper<CaseEntity> {
  return new RowMapper(CaseEntity, ds);
}

export function caseEventMapper(ds: DataSource): RowMapper<CaseEventEntity> {
  return new RowMapper(CaseEventEntity, ds);
}

/** A value computed by PostgreSQL in an UPDATE's SET list (e.g. `now()`, `return_count + 1`). */
export class SqlExpr {
  constructor(readonly sql: string) {}
}
export const sql = (text: string) => new SqlExpr(text);

export type CasePatch = Partial<Record<keyof CaseEntity, unknown>>;
