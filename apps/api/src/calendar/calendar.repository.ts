import type { TCalendarDayInput, TCalendarSettingsInput } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** The one row of `deadline_settings` as the calendar routes show it. */
export interface CalendarSettingsView {
  workingPeriods: TCalendarSettingsInput['workingPeriods'];
  escalationWorkingDays: number;
  version: number;
}

/** A holiday or make-up working day (`day` as YYYY-MM-DD). */
export interface CalendarDayView {
  day: string;
  kind: TCalendarDayInput['kind'];
  name: string;
}

/** The working calendar: the settings row (id 1) and the special days. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly ds: DataSource) {}

  async findSettings(): Promise<CalendarSettingsView | undefined> {
    const rows: CalendarSettingsView[] = await this.ds.query(
      `SELECT working_periods AS "workingPeriods", escalation_working_days AS "escalationWorkingDays", version FROM deadline_settings WHERE id = 1`,
    );
    return rows[0];
  }

  /** Special days between the two dates (inclusive; either may be open). */
  findDays(from: string | null, to: string | null): Promise<CalendarDayView[]> {
    return this.ds.query(
      `SELECT to_char(day, 'YYYY-MM-DD') AS day, kind, name FROM calendar_days
       WHERE ($1::date IS NULL OR day >= $1) AND ($2::date IS NULL OR day <= $2) ORDER BY day`,
      [from, to],
    );
  }

  /** Sets a day as an admin's entry, replacing whatever was there (an imported one too). */
  async upsertDay(m: EntityManager, day: string, body: TCalendarDayInput, updatedBy: string): Promise<void> {
    await m.query(
      `INSERT INTO calendar_days (day, kind, name, source, updated_by) VALUES ($1, $2, $3, 'admin', $4)
       ON CONFLICT (day) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name, source = 'admin', updated_by = EXCLUDED.updated_by, updated_at = now()`,
      [day, body.kind, body.name, updatedBy],
    );
  }

  /** Returns the number of rows deleted (0: the day was ordinary). */
  async deleteDay(m: EntityManager, day: string): Promise<number> {
    const [, count]: [unknown, number] = await m.query(`DELETE FROM calendar_days WHERE day = $1`, [day]);
    return count;
  }

  /** Writes the settings if still at `body.version`; returns the number of rows changed (0 or 1). */
  async updateSettingsIfVersion(m: EntityManager, body: TCalendarSettingsInput, updatedBy: string): Promise<number> {
    const [, count]: [unknown, number] = await m.query(
      `UPDATE deadline_settings SET working_periods = $2, escalation_working_days = $3, version = version + 1, updated_by = $4, updated_at = now()
       WHERE id = 1 AND version = $1`,
      [body.version, JSON.stringify(body.workingPeriods), body.escalationWorkingDays, updatedBy],
    );
    return count;
  }
}
