import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import { createUser, login, NEW_USER_PASSWORD } from '../support/admin-fixtures';
import { catalogueIds, type CatalogueIds } from '../support/catalogue-fixtures';
import { createTestApp, http, tokenFor } from '../support/test-app';

describe('Admin API: users, bureaus, audit', () => {
  let app: NestFastifyApplication;
  let admin: string;
  let ids: CatalogueIds;
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  const unique = () => randomBytes(4).toString('hex');

  beforeAll(async () => {
    app = await createTestApp();
    admin = await tokenFor(app, 'admin');
    ids = await catalogueIds(app, admin);
  });
  afterAll(async () => {
    await app.close();
  });

  describe('users', () => {
    it('creates a handler in a bureau who can then sign in, and audits it without the password', async () => {
      const username = `t.h.${unique()}`;
      const res = await http(app)
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({
          username: username.toUpperCase(),
          displayName: '测试承办人',
          role: 'handler',
          bureauId: ids.bureau('ZJJ'),
          password: NEW_USER_PASSWORD,
        })
        .expect(201);
      expect(res.body).toMatchObject({ username, role: 'handler', bureauId: ids.bureau('ZJJ'), disabled: false });
      expect(JSON.stringify(res.body)).not.toMatch(/password|scrypt/i);
      const session = await login(app, username, NEW_USER_PASSWORD);
      const me = await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(200);
      expect(me.body).toMatchObject({ role: 'handler', bureauId: ids.bureau('ZJJ') });
      const audit = await http(app)
        .get('/api/admin/audit')
        .set(bearer(admin))
        .query({ action: 'user.create', targetId: res.body.id })
        .expect(200);
      expect(audit.body.items).toHaveLength(1);
      expect(JSON.stringify(audit.body)).not.toContain(NEW_USER_PASSWORD);
    });

    it.each([
      ['a handler without a bureau', { role: 'handler' }, /A handler must belong to a bureau/],
      ['an agent with a bureau', { role: 'agent', bureauId: 1 }, /Only handlers belong to a bureau/],
      ['a short password', { role: 'agent', password: 'abc123' }, /at least 12 characters/],
      ['an 11-character password', { role: 'agent', password: 'Abcdefgh123' }, /at least 12 characters/],
      ['a breached password', { role: 'agent', password: 'qwerty123456' }, /common or breached/],
      ['a common word padded with digits', { role: 'agent', password: 'Sunshine2026!!' }, /common or breached/],
      ['an unknown role', { role: 'root' }, /Role must be/],
      ['an unknown field', { role: 'agent', isSuperuser: true }, /isSuperuser/],
    ])('refuses %s with 400', async (_what, patch, message) => {
      const res = await http(app)
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username: `t.x.${unique()}`, displayName: 'X', password: NEW_USER_PASSWORD, ...patch })
        .expect(400);
      expect(res.body.message).toMatch(message);
    });

    it('refuses a password that contains the username, and accepts a long passphrase without digits', async () => {
      const username = `t.pw.${unique()}`;
      const refused = await http(app)
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username, displayName: 'X', role: 'agent', password: `My-${username}-pass` })
        .expect(400);
      expect(refused.body.message).toMatch(/must not contain the username/);
      await http(app)
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username, displayName: 'X', role: 'agent', password: 'correct horse battery staple' })
        .expect(201);
    });

    it('refuses a taken username with 409', async () => {
      const res = await http(app)
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username: 'agent01', displayName: 'Dup', role: 'agent', password: NEW_USER_PASSWORD })
        .expect(409);
      expect(res.body.message).toMatch(/already taken/);
    });

    it('lists and filters users', async () => {
      const res = await http(app).get('/api/admin/users').set(bearer(admin)).query({ role: 'supervisor' }).expect(200);
      expect(res.body.map((u: { username: string }) => u.username)).toEqual(expect.arrayContaining(['sup01', 'sup02']));
      expect(res.body.every((u: { role: string }) => u.role === 'supervisor')).toBe(true);
    });

    it('changes role and bureau together, and the change ends existing sessions at once', async () => {
      const user = await createUser(app, 'handler', ids.bureau('CGJ'));
      const session = await login(app, user.username, user.password);
      // Moving a handler to agent drops the bureau.
      const res = await http(app)
        .patch(`/api/admin/users/${user.id}`)
        .set(bearer(admin))
        .send({ role: 'agent' })
        .expect(200);
      expect(res.body).toMatchObject({ role: 'agent', bureauId: null });
      await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
      await http(app).post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      const bad = await http(app)
        .patch(`/api/admin/users/${user.id}`)
        .set(bearer(admin))
        .send({ role: 'handler' })
        .expect(400);
      expect(bad.body.message).toMatch(/must belong to a bureau/);
      await http(app)
        .patch(`/api/admin/users/${user.id}`)
        .set(bearer(admin))
        .send({ role: 'handler', bureauId: ids.bureau('SWJ') })
        .expect(200);
    });

    it('renaming alone keeps sessions alive', async () => {
      const user = await createUser(app);
      const session = await login(app, user.username, user.password);
      await http(app)
        .patch(`/api/admin/users/${user.id}`)
        .set(bearer(admin))
        .send({ displayName: '新名字' })
        .expect(200);
      const me = await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(200);
      expect(me.body.displayName).toBe('新名字');
    });

    it('resets a password: the old one and old sessions stop working, weak passwords are refused', async () => {
      const user = await createUser(app);
      const session = await login(app, user.username, user.password);
      await http(app)
        .post(`/api/admin/users/${user.id}/reset-password`)
        .set(bearer(admin))
        .send({ password: 'short1' })
        .expect(400);
      await http(app)
        .post(`/api/admin/users/${user.id}/reset-password`)
        .set(bearer(admin))
        .send({ password: 'Another2026pass' })
        .expect(200);
      await http(app).get('/api/auth/me').set(bearer(session.accessToken)).expect(401);
      await http(app).post('/api/auth/login').send({ username: user.username, password: user.password }).expect(401);
      await login(app, user.username, 'Another2026pass');
    });

    it('keeps an admin from disabling or demoting themselves', async () => {
      const me = await http(app).get('/api/auth/me').set(bearer(admin)).expect(200);
      await http(app).post(`/api/admin/users/${me.body.id}/disable`).set(bearer(admin)).expect(400);
      await http(app).patch(`/api/admin/users/${me.body.id}`).set(bearer(admin)).send({ role: 'agent' }).expect(400);
    });

    it('answers 404 for an unknown user and 400 for a malformed id', async () => {
      await http(app)
        .post('/api/admin/users/00000000-0000-4000-8000-000000000000/disable')
        .set(bearer(admin))
        .expect(404);
      await http(app).post('/api/admin/users/not-a-uuid/disable').set(bearer(admin)).expect(400);
    });

    it('is for admins only', async () => {
      const sup = await tokenFor(app, 'sup01');
      await http(app).get('/api/admin/users').set(bearer(sup)).expect(403);
      await http(app).get('/api/admin/users').expect(401);
    });
  });

  describe('bureaus', () => {
    it('creates, renames and deactivates a bureau; a deactivated bureau cannot get new handlers', async () => {
      const code = `T${unique().toUpperCase()}`;
      const created = await http(app)
        .post('/api/admin/bureaus')
        .set(bearer(admin))
        .send({ code, nameZh: '测试局', nameEn: 'Test Bureau', kind: 'municipal' })
        .expect(201);
      expect(created.body).toMatchObject({ code, active: true });
      await http(app)
        .post('/api/admin/bureaus')
        .set(bearer(admin))
        .send({ code, nameZh: '重复', nameEn: 'Dup', kind: 'municipal' })
        .expect(409);
      const renamed = await http(app)
        .patch(`/api/admin/bureaus/${created.body.id}`)
        .set(bearer(admin))
        .send({ nameZh: '测试局（新）', active: false })
        .expect(200);
      expect(renamed.body).toMatchObject({ nameZh: '测试局（新）', active: false });
      const res = await http(app)
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({
          username: `t.h.${unique()}`,
          displayName: 'X',
          role: 'handler',
          bureauId: created.body.id,
          password: NEW_USER_PASSWORD,
        })
        .expect(400);
      expect(res.body.message).toMatch(/deactivated/);
      const staffList = await http(app).get('/api/bureaus').set(bearer(admin)).expect(200);
      expect(staffList.body.map((b: { code: string }) => b.code)).not.toContain(code);
      const audit = await http(app)
        .get('/api/admin/audit')
        .set(bearer(admin))
        .query({ targetType: 'bureau', targetId: String(created.body.id) })
        .expect(200);
      expect(audit.body.items.map((i: { action: string }) => i.action)).toEqual(['bureau.update', 'bureau.create']);
    });

    it('answers 404 for an unknown bureau and 400 for an empty change', async () => {
      await http(app).patch('/api/admin/bureaus/999999').set(bearer(admin)).send({ nameZh: 'x' }).expect(404);
      await http(app).patch('/api/admin/bureaus/1').set(bearer(admin)).send({}).expect(400);
    });
  });

  describe('audit log', () => {
    it('pages newest first with a keyset cursor and no overlap', async () => {
      const first = await http(app).get('/api/admin/audit').set(bearer(admin)).query({ limit: 3 }).expect(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await http(app)
        .get('/api/admin/audit')
        .set(bearer(admin))
        .query({ limit: 3, cursor: first.body.nextCursor })
        .expect(200);
      const a = first.body.items.map((i: { id: string }) => BigInt(i.id));
      const b = second.body.items.map((i: { id: string }) => BigInt(i.id));
      expect(b.every((id: bigint) => id < a[a.length - 1])).toBe(true);
    });

    it('filters by time and refuses a bad range or cursor', async () => {
      const future = new Date(Date.now() + 86_400_000).toISOString();
      const res = await http(app).get('/api/admin/audit').set(bearer(admin)).query({ from: future }).expect(200);
      expect(res.body).toEqual({ items: [], nextCursor: null });
      await http(app)
        .get('/api/admin/audit')
        .set(bearer(admin))
        .query({ from: future, to: new Date().toISOString() })
        .expect(400);
      await http(app).get('/api/admin/audit').set(bearer(admin)).query({ cursor: "1' OR 1=1" }).expect(400);
    });

    it('is for admins only', async () => {
      const sup = await tokenFor(app, 'sup02');
      await http(app).get('/api/admin/audit').set(bearer(sup)).expect(403);
    });
  });
});
