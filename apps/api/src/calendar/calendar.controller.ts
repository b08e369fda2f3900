import {
  ZCalendar,
  ZCalendarDay,
  ZCalendarDayCleared,
  ZCalendarDayInput,
  ZCalendarQuery,
  ZCalendarSettings,
  ZCalendarSettingsInput,
  ZDayParam,
  type TCalendarDayInput,
  type TCalendarSettingsInput,
} from '@hotline/contracts';
import { Body, Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { Actor } from '../common/current-principal.decorator';
import { CalendarService } from './calendar.service';
import { Route } from '../common/route.decorator';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Route.get('', {
    access: ALL_STAFF,
    summary: 'Working periods, escalation delay, holidays and make-up working days',
    response: ZCalendar,
  })
  get(@Query({ schema: ZCalendarQuery }) q: { from?: string; to?: string }) {
    return this.calendar.get(q.from, q.to);
  }

  @Route.put('settings', {
    access: ['admin'],
    summary: 'Change working hours and the escalation delay (send the version you saw)',
    response: ZCalendarSettings,
  })
  putSettings(
    @Body({ schema: ZCalendarSettingsInput }) body: TCalendarSettingsInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.calendar.putSettings(p, body, meta);
  }

  @Route.put('days/:day', {
    access: ['admin'],
    summary: 'Mark a day as a holiday or a make-up working day (调休)',
    response: ZCalendarDay,
  })
  putDay(
    @Param('day', { schema: ZDayParam }) day: string,
    @Body({ schema: ZCalendarDayInput }) body: TCalendarDayInput,
    @Actor() { principal: p, meta }: Actor,
  ) {
    return this.calendar.putDay(p, day, body, meta);
  }

  @Route.delete('days/:day', { access: ['admin'], summary: 'Make a day ordinary again', response: ZCalendarDayCleared })
  deleteDay(@Param('day', { schema: ZDayParam }) day: string, @Actor() { principal: p, meta }: Actor) {
    return this.calendar.deleteDay(p, day, meta);
  }
}
