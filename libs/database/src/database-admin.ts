import { Client } from 'pg';

/** The database name in a postgres URL ("hotline" in postgres://u@h:5432/hotline). */
export function databaseName(url: string): string {
  const name = decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
  if (!/^[a-zA-Z0-9_]+$/.test(name)) {
    throw new Error(`DATABASE_URL: database name "${name}" must be letters, digits and underscores`);
  }
  return name;
}

/** The same server, but the maintenance database, to create or drop the target one. */
function maintenanceUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

/** Runs `work` on a connection to the maintenance database, given the target database's name. */
async function onMaintenanceDatabase<T>(url: string, work: (client: Client, name: string) => Promise<T>): Promise<T> {
  const name = databaseName(url);
  const client = new Client({ connectionString: maintenanceUrl(url) });
  await client.connect();
  try {
    return await work(client, name);
  } finally {
    await client.end();
  }
}

export function createDatabaseIfMissing(url: string): Promise<boolean> {
  return onMaintenanceDatabase(url, async (client, name) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await client.query(`CREATE DATABASE "${name}"`);
    return true;
  });
}

export function dropDatabase(url: string): Promise<void> {
  return onMaintenanceDatabase(url, async (client, name) => {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
}
