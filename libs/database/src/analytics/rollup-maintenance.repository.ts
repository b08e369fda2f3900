import type { DataSource } from 'typeorm';

/** What analytics_check_consistency(repair) reports (built in the database as jsonb). */
export interface RollupConsistencyReport {
  driftedCases?: number;
  sampleCaseIds?: string[];
  /** Cube (or `<cube>_m`) → rows that differed from the facts. */
  driftedCubeRows?: Record<string, number>;
  repaired?: boolean;
  [key: string]: unknown;
}

export interface RollupCursorStatus {
  /** The last outbox id the rollups have read. */
  lastId: number;
  updatedAt: string | null;
  /** The newest outbox id. */
  outboxMaxId: number;
}

/**
 * Keeping the rollups current, for the worker's jobs and the API's refresh fallback alike:
 * both call the SQL functions the analytics migrations created, which serialise every writer
 * by one advisory lock, so any number of callers may run them at once.
 */
export class RollupMaintenanceRepository {
  constructor(private readonly ds: DataSource) {}

  /** One incremental step: apply the next batch of outbox rows; returns how many rows were read. */
  async consumeOutbox(batch: number): Promise<number> {
    const [row] = await this.ds.query<{ n: number }[]>(`SELECT analytics_consume_outbox($1) AS n`, [batch]);
    return row?.n ?? 0;
  }

  /** Compares facts with cases and cubes with facts; with `repair`, also fixes what differs. */
  async checkConsistency(repair: boolean): Promise<RollupConsistencyReport> {
    const [row] = await this.ds.query<{ r: RollupConsistencyReport }[]>(`SELECT analytics_check_consistency($1) AS r`, [
      repair,
    ]);
    return row?.r ?? {};
  }

  /** How far the rollups have read the outbox, and how far the outbox goes. */
  async cursorStatus(): Promise<RollupCursorStatus> {
    const [row] = await this.ds.query<{ lastId: number; updatedAt: Date | null; outboxMaxId: number }[]>(
      `SELECT c.last_id::float8 AS "lastId", c.updated_at AS "updatedAt",
              COALESCE((SELECT max(id) FROM outbox_events), 0)::float8 AS "outboxMaxId"
         FROM analytics_cursor c WHERE c.name = 'rollups'`,
    );
    return {
      lastId: row?.lastId ?? 0,
      updatedAt: row?.updatedAt ? new Date(row.updatedAt).toISOString() : null,
      outboxMaxId: row?.outboxMaxId ?? 0,
    };
  }
}
