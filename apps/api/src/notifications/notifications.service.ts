import type { TNotificationsQuery } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import type { Principal } from '../common/request-context';
import { DomainError } from '../common/domain-error';
import { NotificationsRepository } from './notifications.repository';

/** The signed-in user's notifications (reminders, escalations, extension decisions, notices). */
@Injectable()
export class NotificationsService {
  constructor(private readonly notifications: NotificationsRepository) {}

  async list(p: Principal, q: TNotificationsQuery) {
    const items = await this.notifications.findForUser(p.userId, { unreadOnly: q.unread === 'true', limit: q.limit });
    const unread = await this.notifications.countUnread(p.userId);
    return { items, unread };
  }

  async markRead(p: Principal, id: string) {
    const count = await this.notifications.markRead(p.userId, id);
    if (count === 0) throw new DomainError('notification.not_found', 404, 'No such notification');
    return { id, read: true };
  }

  async markAllRead(p: Principal) {
    const marked = await this.notifications.markAllRead(p.userId);
    return { marked };
  }
}
