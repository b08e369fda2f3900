import { ZDeadlineRowIdParam, ZNotificationsQuery, type TNotificationsQuery } from '@hotline/contracts';
import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, Roles } from '../common/access.decorator';
import { CurrentPrincipal } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "The current user's notifications, newest first, with the unread count" })
  list(@CurrentPrincipal() p: Principal, @Query({ schema: ZNotificationsQuery }) q: TNotificationsQuery) {
    return this.notifications.list(p, q);
  }

  @Post('read-all')
  @HttpCode(200)
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Mark every notification read' })
  readAll(@CurrentPrincipal() p: Principal) {
    return this.notifications.markAllRead(p);
  }

  @Post(':id/read')
  @HttpCode(200)
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Mark one notification read' })
  read(@CurrentPrincipal() p: Principal, @Param('id', { schema: ZDeadlineRowIdParam }) id: string) {
    return this.notifications.markRead(p, id);
  }
}
