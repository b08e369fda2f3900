// Fast set-up for the issue-12 browser specs: the API (as a signed-in staff member) for
// realistic cases, and direct SQL for the bulk of newer cases a queue must not drown in.
import { Client } from 'pg';
import { DEMO_PASSWORD } from './browser';

function apiUrl(path: string): string {
  const base = process.env['API_URL'];
  if (!base) throw new Error('API_URL not set: browser tests run through the browser project global setup');
  return `${base}/api${path}`;
}

/** A bearer-token client for one demo user. */
export async function apiAs(username: string) {
  const res = await fetch(apiUrl('/auth/login'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  const { accessToken } = (await res.json()) as { accessToken: string };
  return async function call<T = Record<string, unknown>>(path: string, body?: unknown, method?: string): Promise<T> {
    const r = await fetch(apiUrl(path), {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        authorization: `Bearer ${accessToken}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (!r.ok) throw new Error(`${method ?? 'POST'} ${path}: ${r.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  };
}
export type Api = Awaited<ReturnType<typeof apiAs>>;

interface Node {
  id: number;
  nameZh: string;
  children?: Node[];
}
interface District {
  id: number;
  nameZh: string;
  streets: { id: number; nameZh: string }[];
}

/** The water-pressure category in 清源区 / 文庙街道: the catalogue sends it to the water company. */
export async function waterPlace(api: Api) {
  const tree = await api<Node[]>('/categories');
  const find = (nodes: Node[]): Node | undefined =>
    nodes.map((n) => (n.nameZh.includes('水压低') ? n : find(n.children ?? []))).find(Boolean);
  const category = find(tree);
  const district = (await api<District[]>('/districts')).find((d) => d.nameZh === '清源区');
  const street = district?.streets.find((s) => s.nameZh === '文庙街道');
  if (!category || !district || !street) throw new Error('demo catalogue without 水压低 / 清源区 / 文庙街道');
  return { categoryId: category.id, districtId: district.id, streetId: street.id };
}

export interface Created {
  id: string;
  trackingNumber: string;
  version: number;
  status: string;
}

/** A phone case the catalogue dispatches to the water company. */
export async function waterCase(
  agent: Api,
  place: Awaited<ReturnType<typeof waterPlace>>,
  opts: {
    description: string;
    phone: string;
    name?: string;
    urgency?: 'normal' | 'urgent' | 'critical';
    address?: string;
  },
): Promise<Created> {
  // Intake answers the case with what happened to it ({ case, … }).
  const r = await agent<{ case: Created }>('/cases', {
    type: 'help',
    urgency: opts.urgency ?? 'normal',
    ...place,
    address: opts.address ?? '文庙路 18 号',
    description: opts.description,
    caller: { name: opts.name ?? '王先生', phone: opts.phone, contactAllowed: true },
  });
  return r.case;
}

/**
 * `count` copies of a case, each newer than the original, with their own id and tracking
 * number: a crowded queue in one statement (the API would take minutes on this machine).
 */
export async function cloneCases(sourceId: string, count: number, prefix: string): Promise<void> {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] });
  await db.connect();
  try {
    const cols = (
      await db.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns
          WHERE table_name = 'cases' AND table_schema = current_schema()
            AND is_generated = 'NEVER' AND is_identity = 'NO'`,
      )
    ).rows.map((r) => r.column_name);
    const override: Record<string, string> = {
      id: 'gen_random_uuid()',
      tracking_number: `'${prefix}' || lpad(g::text, 5, '0')`,
      created_at: `now() + g * interval '1 second'`,
      updated_at: 'now()',
      urgency: `'normal'`,
      accept_due_at: `now() + interval '2 days'`,
      reply_due_at: `now() + interval '20 days'`,
      flag: `'none'`,
    };
    const list = cols.map((c) => `"${c}"`).join(', ');
    const values = cols.map((c) => override[c] ?? `c."${c}"`).join(', ');
    await db.query(
      `INSERT INTO cases (${list}) SELECT ${values} FROM cases c, generate_series(1, $2::int) g WHERE c.id = $1`,
      [sourceId, count],
    );
  } finally {
    await db.end();
  }
}

/** Moves a case's accept deadline (SQL: tests cannot wait 25 minutes). */
export async function setAcceptDue(caseId: string, minutesFromNow: number): Promise<void> {
  const db = new Client({ connectionString: process.env['DATABASE_URL'] });
  await db.connect();
  try {
    await db.query(`UPDATE cases SET accept_due_at = now() + $2 * interval '1 minute' WHERE id = $1`, [
      caseId,
      minutesFromNow,
    ]);
  } finally {
    await db.end();
  }
}
