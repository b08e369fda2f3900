import type { MigrationInterface, QueryRunner } from 'typeorm';

/*
 * Sessions (token families) in PostgreSQL, the durable truth for sign-out and revocation.
 *
 * One row per sign-in. Every refresh token minted by rotation belongs to its session, and every
 * access token names it (`sid` claim): signing out, an admin action or the reuse of a rotated
 * refresh token revokes the session, which ends its refresh tokens AND its access tokens at
 * once. Revocation used to be a Redis key per access token, which a Redis flush undid.
 *
 * The per-account lock (failed_login_count, locked_until) goes: anyone could lock any account
 * with five requests. Failed sign-ins are now counted per username and client address in
 * Redis with an exponential back-off (apps/api/src/auth/login-throttle.service.ts).
 *
 * Existing refresh tokens become one session each, so nobody is signed out by the upgrade
 * (their access tokens carry no `sid` and are refused; the web app refreshes once).
 */
export class AuthSessions1796000000000 implements MigrationInterface {
  name = 'AuthSessions1796000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE auth_sessions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_reason text
      )`);
    await q.query(`CREATE INDEX auth_sessions_user_live_idx ON auth_sessions (user_id) WHERE revoked_at IS NULL`);
    await q.query(`ALTER TABLE refresh_tokens ADD COLUMN session_id uuid REFERENCES auth_sessions(id)`);
    await q.query(`
      INSERT INTO auth_sessions (id, user_id, created_at, revoked_at, revoked_reason)
      SELECT id, user_id, created_at, revoked_at, CASE WHEN revoked_at IS NOT NULL THEN 'before_sessions' END
        FROM refresh_tokens`);
    await q.query(`UPDATE refresh_tokens SET session_id = id`);
    await q.query(`ALTER TABLE refresh_tokens ALTER COLUMN session_id SET NOT NULL`);
    await q.query(`CREATE INDEX refresh_tokens_session_idx ON refresh_tokens (session_id)`);
    await q.query(`ALTER TABLE users DROP COLUMN failed_login_count, DROP COLUMN locked_until`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE users ADD COLUMN failed_login_count int NOT NULL DEFAULT 0, ADD COLUMN locked_until timestamptz`,
    );
    await q.query(`DROP INDEX refresh_tokens_session_idx`);
    await q.query(`ALTER TABLE refresh_tokens DROP COLUMN session_id`);
    await q.query(`DROP TABLE auth_sessions`);
  }
}
