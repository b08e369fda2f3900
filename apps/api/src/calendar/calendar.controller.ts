import {
  ZCalendarDayInput,
  ZCalendarQuery,
  ZCalendarSettingsInput,
  ZDayParam,
  type TCalendarDayInput,
  type TCalendarSettingsInput,
} from '@hotline/contracts';
import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '../common/access.decorator';
import { CurrentPrincipal, ReqMeta, type RequestMeta } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { CalendarService } from './calendar.service';

@ApiTags('calendar')
@Controller('calendar')
export class CalendarController {
  constructor(private readonly calendar: CalendarService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Working periods, escalation delay, holidays and make-up working days' })
  get(@Query({ schema: ZCalendarQuery }) q: { from?: string; to?: string }) {
    return this.calendar.get(q.from, q.to);
  }

  @Put('settings')
  @Roles('admin')
  @ApiOperation({ summary: 'Change working hours and the escalation delay (send the version you saw)' })
  putSettings(
    @CurrentPrincipal() p: Principal,
    @Body({ schema: ZCalendarSettingsInput }) body: TCalendarSettingsInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.calendar.putSettings(p, body, meta);
  }

  @Put('days/:day')
  @Roles('admin')
  @ApiOperation({ summary: 'Mark a day as a holiday or a make-up working day (调休)' })
  putDay(
    @CurrentPrincipal() p: Principal,
    @Param('day', { schema: ZDayParam }) day: string,
    @Body({ schema: ZCalendarDayInput }) body: TCalendarDayInput,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.calendar.putDay(p, day, body, meta);
  }

  @Delete('days/:day')
  @Roles('admin')
  @ApiOperation({ summary: 'Make a day ordinary again' })
  deleteDay(
    @CurrentPrincipal() p: Principal,
    @Param('day', { schema: ZDayParam }) day: string,
    @ReqMeta() meta: RequestMeta,
  ) {
    return this.calendar.deleteDay(p, day, meta);
  }
}
