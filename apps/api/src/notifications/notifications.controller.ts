import {
  ZDeadlineRowIdParam,
  ZNotificationList,
  ZNotificationRead,
  ZNotificationsMarked,
  ZNotificationsQuery,
  type TNotificationsQuery,
} from '@hotline/contracts';
import { Controller, Param, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ALL_STAFF } from '../common/access.decorator';
import { CurrentPrincipal } from '../common/current-principal.decorator';
import type { Principal } from '../common/request-context';
import { NotificationsService } from './notifications.service';
import { Route } from '../common/route.decorator';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Route.get('', {
    access: ALL_STAFF,
    summary: "The current user's notifications, newest first, with the unread count",
    response: ZNotificationList,
  })
  list(@CurrentPrincipal() p: Principal, @Query({ schema: ZNotificationsQuery }) q: TNotificationsQuery) {
    return this.notifications.list(p, q);
  }

  @Route.post('read-all', {
    access: ALL_STAFF,
    summary: 'Mark every notification read',
    status: 200,
    response: ZNotificationsMarked,
  })
  readAll(@CurrentPrincipal() p: Principal) {
    return this.notifications.markAllRead(p);
  }

  @Route.post(':id/read', {
    access: ALL_STAFF,
    summary: 'Mark one notification read',
    status: 200,
    response: ZNotificationRead,
  })
  read(@CurrentPrincipal() p: Principal, @Param('id', { schema: ZDeadlineRowIdParam }) id: string) {
    return this.notifications.markRead(p, id);
  }
}
