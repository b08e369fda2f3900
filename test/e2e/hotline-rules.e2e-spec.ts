import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { createTestApp, http, tokenFor } from '../support/test-app';

interface RulesVersion {
  version: number;
  rules: { extensions: { maxCount: number; maxWorkingDays: number }; returnWindow: unknown } & Record<string, unknown>;
  reason: string;
  changedBy: string | null;
}

/** The hotline-wide rules: read by all staff, saved by admins as new versions, audited. */
describe('hotline rules', () => {
  let app: NestFastifyApplication;
  const auth = async (user: string) => ({ Authorization: `Bearer ${await tokenFor(app, user)}` });
  let start: RulesVersion;

  beforeAll(async () => {
    app = await createTestApp();
    start = (
      await http(app)
        .get('/api/rules')
        .set(await auth('agent01'))
    ).body as RulesVersion;
  });
  afterAll(async () => {
    // Later specs share this database: leave DOMAIN.md's defaults in force.
    const now = (
      await http(app)
        .get('/api/rules')
        .set(await auth('admin'))
    ).body as RulesVersion;
    if (now.version !== start.version)
      await http(app)
        .put('/api/rules')
        .set(await auth('admin'))
        .send({ version: now.version, rules: start.rules, reason: 'restore after the hotline-rules test' })
        .expect(200);
    await app.close();
  });

  it('gives every staff member the rules in force, with the DOMAIN.md defaults', async () => {
    expect(start.rules.extensions).toEqual({ maxCount: 1, maxWorkingDays: 10 });
    expect(start.rules.returnWindow).toEqual({ amount: 1, unit: 'days', mode: 'working' });
    const handler = await http(app)
      .get('/api/rules')
      .set(await auth('h.cgj'));
    expect(handler.status).toBe(200);
    expect(
      await http(app)
        .get('/api/rules')
        .then((r) => r.status),
    ).toBe(401);
  });

  it('saves a new version with a reason, audited, and keeps the old one in the history', async () => {
    const rules = { ...start.rules, extensions: { maxCount: 2, maxWorkingDays: 15 } };
    const res = await http(app)
      .put('/api/rules')
      .set(await auth('admin'))
      .send({ version: start.version, rules, reason: 'Shandong allows two' });
    expect(res.status).toBe(200);
    const saved = res.body as RulesVersion;
    expect(saved.version).toBe(start.version + 1);
    expect(saved.rules.extensions).toEqual({ maxCount: 2, maxWorkingDays: 15 });
    expect(saved.reason).toBe('Shandong allows two');

    const history = (
      await http(app)
        .get('/api/rules/versions')
        .set(await auth('sup01'))
    ).body as RulesVersion[];
    expect(history.map((v) => v.version).slice(0, 2)).toEqual([saved.version, start.version]);
    expect(history[1]!.rules.extensions).toEqual(start.rules.extensions);

    const ds = app.get(DataSource);
    const audit = (await ds.query(
      `SELECT action, target_id AS "targetId", detail FROM audit_log WHERE action = 'hotline_rules.update' ORDER BY id DESC LIMIT 1`,
    )) as { action: string; targetId: string; detail: { reason: string; fromVersion: number } }[];
    expect(audit[0]).toMatchObject({ targetId: String(saved.version), detail: { reason: 'Shandong allows two' } });
  });

  it('refuses a save from a stale version, bad rules and non-admins, changing nothing', async () => {
    const before = (
      await http(app)
        .get('/api/rules')
        .set(await auth('admin'))
    ).body as RulesVersion;
    const stale = await http(app)
      .put('/api/rules')
      .set(await auth('admin'))
      .send({ version: before.version - 1, rules: before.rules, reason: 'late' });
    expect(stale.status).toBe(409);
    expect((stale.body as { code: string }).code).toBe('rules.version_conflict');

    const bad = await http(app)
      .put('/api/rules')
      .set(await auth('admin'))
      .send({ version: before.version, rules: { ...before.rules, extensions: { maxCount: -1 } }, reason: 'x' });
    expect(bad.status).toBe(400);
    const noReason = await http(app)
      .put('/api/rules')
      .set(await auth('admin'))
      .send({ version: before.version, rules: before.rules, reason: ' ' });
    expect(noReason.status).toBe(400);
    const supervisor = await http(app)
      .put('/api/rules')
      .set(await auth('sup01'))
      .send({ version: before.version, rules: before.rules, reason: 'not mine to change' });
    expect(supervisor.status).toBe(403);
    expect(
      await http(app)
        .get('/api/rules/versions')
        .set(await auth('agent01'))
        .then((r) => r.status),
    ).toBe(403);

    const after = (
      await http(app)
        .get('/api/rules')
        .set(await auth('admin'))
    ).body as RulesVersion;
    expect(after.version).toBe(before.version);
  });
});
