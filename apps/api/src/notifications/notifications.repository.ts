import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A notification as its recipient reads it. */
export interface NotificationView {
  id: string;
  caseId: string | null;
  kind: string;
  title: string;
  body: string;
  data: Record<string, unknown>;
  createdAt: Date;
  readAt: Date | null;
}

/** One user's notifications; every method is scoped by the recipient, so nobody reads or marks another's. */
@Injectable()
export class NotificationsRepository {
  constructor(private readonly ds: DataSource) {}

  /** Newest first. */
  findForUser(userId: string, f: { unreadOnly: boolean; limit: number }): Promise<NotificationView[]> {
    return this.ds.query(
      `SELECT id, case_id AS "caseId", kind, title, body, data, created_at AS "createdAt", read_at AS "readAt"
       FROM notifications WHERE user_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL)
       ORDER BY id DESC LIMIT $3`,
      [userId, f.unreadOnly, f.limit],
    );
  }

  async countUnread(userId: string): Promise<number> {
    const rows: { unread: number }[] = await this.ds.query(
      `SELECT count(*)::int AS unread FROM notifications WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return rows[0]!.unread;
  }

  /** Marks one as read (keeping the first read time); returns the number of rows matched (0: not the user's). */
  async markRead(userId: string, id: string): Promise<number> {
    const [, count]: [unknown, number] = await this.ds.query(
      `UPDATE notifications SET read_at = coalesce(read_at, now()) WHERE id = $1 AND user_id = $2`,
      [id, userId],
    );
    return count;
  }

  /** Returns the number of notifications newly marked. */
  async markAllRead(userId: string): Promise<number> {
    const [, count]: [unknown, number] = await this.ds.query(
      `UPDATE notifications SET read_at = now() WHERE user_id = $1 AND read_at IS NULL`,
      [userId],
    );
    return count;
  }
}
