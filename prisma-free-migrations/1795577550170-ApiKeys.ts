import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys for integrations (Open311 clients): only the sha256 of the secret is stored. */
export class ApiKeys1795577550170 implements MigrationInterface {
  name = 'ApiKeys1795577550170';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        key_hash text NOT NULL UNIQUE,
        key_prefix text NOT NULL,
        rate_limit_per_minute int NOT NULL DEFAULT 60 CHECK (rate_limit_per_minute BETWEEN 1 AND 100000),
        created_by uuid REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        last_used_at timestamptz
      )`);
    await q.query(`CREATE INDEX api_keys_created_idx ON api_keys (created_at DESC)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE api_keys`);
  }
}
