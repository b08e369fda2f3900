import type { TCalendarDayInput, TCalendarSettingsInput } from '@hotline/contracts';
import { buildCalendar } from '@hotline/domain';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import type { RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { DeadlineEngine } from '@hotline/database';
import { DomainError } from '../common/domain-error';
import { CalendarRepository } from './calendar.repository';

/** The working calendar: working hours, escalation delay, holidays and 调休 days. Running clocks keep their due times. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly ds: DataSource,
    private readonly engine: DeadlineEngine,
    private readonly audit: AuditService,
    private readonly calendar: CalendarRepository,
  ) {}

  async get(from?: string, to?: string) {
    const settings = await this.calendar.findSettings();
    const days = await this.calendar.findDays(from ?? null, to ?? null);
    return { ...settings, days };
  }

  async putDay(p: Principal, day: string, body: TCalendarDayInput, meta: RequestMeta) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    if (body.kind === 'makeup_workday' && !weekend)
      throw new DomainError(
        'calendar.makeup_day_not_weekend',
        400,
        `${day} is a weekday; only a weekend day can be a make-up working day`,
        { day },
      );
    if (body.kind === 'holiday' && weekend)
      throw new DomainError('calendar.holiday_on_weekend', 400, `${day} is a weekend day and already off`, { day });
    await this.ds.transaction(async (m) => {
      await this.calendar.upsertDay(m, day, body, p.userId);
      await this.audit.record(
        { action: 'calendar.day_set', actor: p, targetType: 'calendar_day', targetId: day, meta, detail: body },
        m,
      );
    });
    this.engine.settings.invalidate();
    return { day, ...body };
  }

  async deleteDay(p: Principal, day: string, meta: RequestMeta) {
    await this.ds.transaction(async (m) => {
      const count = await this.calendar.deleteDay(m, day);
      if (count === 0)
        throw new DomainError('calendar.day_not_special', 404, `${day} is an ordinary day already`, { day });
      await this.audit.record(
        { action: 'calendar.day_delete', actor: p, targetType: 'calendar_day', targetId: day, meta },
        m,
      );
    });
    this.engine.settings.invalidate();
    return { day, deleted: true };
  }

  async putSettings(p: Principal, body: TCalendarSettingsInput, meta: RequestMeta) {
    try {
      buildCalendar({ holidays: [], makeupWorkdays: [], workingPeriods: body.workingPeriods });
    } catch (err) {
      throw new DomainError(
        'calendar.invalid_periods',
        400,
        `Working periods are not valid: ${(err as Error).message}`,
      );
    }
    const result = await this.ds.transaction(async (m) => {
      const count = await this.calendar.updateSettingsIfVersion(m, body, p.userId);
      if (count === 0)
        throw new DomainError(
          'calendar.version_conflict',
          409,
          'Someone changed the calendar settings first; reload and try again',
        );
      await this.audit.record(
        { action: 'calendar.settings', actor: p, targetType: 'deadline_settings', targetId: 1, meta, detail: body },
        m,
      );
      return { ...body, version: body.version + 1 };
    });
    this.engine.settings.invalidate();
    return result;
  }
}
