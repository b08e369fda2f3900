import pg from 'pg';
import { randomUUID } from 'node:crypto';

/**
 * Hand-built analytics data, written straight into `cases` with the `case.changed` outbox row
 * each change writes in production. Every dataset lives in its own past month, so other specs
 * of the same run (which create cases "now") never touch the figures checked here.
 */
export function testPool(): pg.Pool {
  return new pg.Pool({ connectionString: process.env['DATABASE_URL'], max: 12 });
}

export interface Ids {
  bureau: Record<string, number>;
  category: Record<string, number>;
  district: Record<string, number>;
  street: Record<string, number>;
}

export async function loadIds(pool: pg.Pool): Promise<Ids> {
  const pick = async (table: string) => {
    const { rows } = await pool.query<{ id: number; code: string }>(`SELECT id, code FROM ${table}`);
    return Object.fromEntries(rows.map((r) => [r.code, r.id]));
  };
  return {
    bureau: await pick('bureaus'),
    category: await pick('categories'),
    district: await pick('districts'),
    street: await pick('streets'),
  };
}

export interface CaseSpec {
  at: string; // ISO instant with offset
  bureauId?: number | null;
  categoryId: number;
  districtId?: number | null;
  streetId?: number | null;
  channel?: string;
  type?: string;
  urgency?: string;
  status?: string;
  dispatchedAt?: string | null;
  acceptDueAt?: string | null;
  acceptedAt?: string | null;
  replyDueAt?: string | null;
  repliedAt?: string | null;
  closedAt?: string | null;
  closeReason?: string | null;
  contacted?: boolean | null;
  solved?: 'solved' | 'partly' | 'not' | null;
  satisfaction?: 'satisfied' | 'basically' | 'dissatisfied' | 'no_answer' | null;
  returnCount?: number;
  reopenCount?: number;
  flag?: 'none' | 'warning' | 'overdue';
  unmatched?: boolean;
}

let serial = 0;

/** Inserts one case and its intake outbox row in one transaction, as the intake service does. */
export async function insertCase(pool: pg.Pool, s: CaseSpec): Promise<string> {
  const id = randomUUID();
  const closed = s.closedAt ?? null;
  const status = s.status ?? (closed ? 'closed' : s.dispatchedAt ? 'dispatched' : 'awaiting_dispatch');
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO cases (id, tracking_number, channel, type, urgency, status, category_id, district_id, street_id,
         description, lead_bureau_id, unmatched_at_intake, dispatched_at, accept_due_at, accepted_at, reply_due_at,
         replied_at, closed_at, close_reason, follow_up_contacted, follow_up_solved, follow_up_satisfaction,
         followed_up_at, return_count, reopen_count, flag, created_at, updated_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,'analytics test case',$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,
         $22,$23,$24,$25,$26,$26)`,
      [
        id,
        `AT${Date.now().toString(36)}${(serial++).toString(36)}${id.slice(0, 4)}`,
        s.channel ?? 'phone',
        s.type ?? 'complaint',
        s.urgency ?? 'normal',
        status,
        s.categoryId,
        s.districtId ?? null,
        s.streetId ?? null,
        s.bureauId ?? null,
        s.unmatched ?? false,
        s.dispatchedAt ?? null,
        s.acceptDueAt ?? null,
        s.acceptedAt ?? null,
        s.replyDueAt ?? null,
        s.repliedAt ?? null,
        closed,
        s.closeReason ?? null,
        s.contacted ?? null,
        s.solved ?? null,
        s.satisfaction ?? null,
        s.solved || s.satisfaction ? (closed ?? s.repliedAt) : null,
        s.returnCount ?? 0,
        s.reopenCount ?? 0,
        s.flag ?? 'none',
        s.at,
      ],
    );
    await outbox(client, id, 'intake', status);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
  return id;
}

export async function outbox(client: pg.ClientBase, caseId: string, action: string, toStatus: string): Promise<void> {
  await client.query(`INSERT INTO outbox_events (topic, aggregate_id, payload) VALUES ('case.changed', $1, $2)`, [
    caseId,
    JSON.stringify({
      caseId,
      trackingNumber: '',
      action,
      fromStatus: null,
      toStatus,
      at: new Date().toISOString(),
      actorRole: 'system',
      actorId: null,
      bureauId: null,
      version: 1,
    }),
  ]);
}

/** Shanghai wall-clock time → ISO instant. */
export function sh(dayTime: string): string {
  return `${dayTime}+08:00`;
}

/** `base` plus hours, as an ISO instant. */
export function plusHours(base: string, hours: number): string {
  return new Date(Date.parse(base) + hours * 3_600_000).toISOString();
}
