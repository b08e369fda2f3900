import type { HotlineRules } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** One saved version of the hotline rules, as stored (lay `rules` over the defaults to read it). */
export interface HotlineRulesVersionRow {
  version: number;
  rules: unknown;
  reason: string;
  changedBy: string | null;
  changedAt: string;
}

const COLUMNS = `version, rules, reason, changed_by AS "changedBy",
  to_char(changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "changedAt"`;

/** The versions of the hotline-wide rules: append-only, the newest is in force. */
@Injectable()
export class HotlineRulesRepository {
  constructor(private readonly ds: DataSource) {}

  async findCurrent(): Promise<HotlineRulesVersionRow | undefined> {
    const rows: HotlineRulesVersionRow[] = await this.ds.query(
      `SELECT ${COLUMNS} FROM hotline_rule_versions ORDER BY version DESC LIMIT 1`,
    );
    return rows[0];
  }

  findAll(): Promise<HotlineRulesVersionRow[]> {
    return this.ds.query(`SELECT ${COLUMNS} FROM hotline_rule_versions ORDER BY version DESC`);
  }

  /**
   * Saves the next version if `fromVersion` is still the newest; returns the new row, or
   * undefined when someone saved another version first (the primary key refuses the twin).
   */
  async insertNext(
    m: EntityManager,
    fromVersion: number,
    rules: HotlineRules,
    reason: string,
    changedBy: string,
  ): Promise<HotlineRulesVersionRow | undefined> {
    const rows: HotlineRulesVersionRow[] = await m.query(
      `INSERT INTO hotline_rule_versions (version, rules, reason, changed_by)
       SELECT $1 + 1, $2, $3, $4 WHERE $1 = (SELECT max(version) FROM hotline_rule_versions)
       ON CONFLICT (version) DO NOTHING
       RETURNING ${COLUMNS}`,
      [fromVersion, JSON.stringify(rules), reason, changedBy],
    );
    return rows[0];
  }
}
