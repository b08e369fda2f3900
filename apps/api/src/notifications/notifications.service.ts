import type { TNotificationsQuery } from '@hotline/contracts';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Principal } from '../common/request-context';
import { DomainError } from '../common/domain-error';

/** The signed-in user's notifications (reminders, escalations, extension decisions, notices). */
@Injectable()
export class NotificationsService {
  constructor(private readonly ds: DataSource) {}

  async list(p: Principal, q: TNotificationsQuery) {
    const items = (await this.ds.query(
      `SELECT id, case_id AS "caseId", kind, title, body, data, created_at AS "createdAt", read_at AS "readAt"
       FROM notifications WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
       ORDER BY id DESC LIMIT $3`,
      [p.userId, q.unread === 'true', q.limit],
    )) as unknown[];
    const [{ unread }] = (await this.ds.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [p.userId],
    )) as [{ unread: number }];
    return { items, unread };
  }

  async markRead(p: Principal, id: string) {
    const [, count] = (await this.ds.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, p.userId],
    )) as [unknown, number];
    if (count === 0) throw new DomainError('notification.not_found', 404, 'No such notification');
    return { id, read: true };
  }

  async markAllRead(p: Principal) {
    const [, count] = (await this.ds.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [p.userId],
    )) as [unknown, number];
    return { marked: count };
  }
}
