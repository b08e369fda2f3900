import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { ENTITIES } from './entities/all';

/** The migration classes, in order: `MIGRATIONS` from prisma-free-migrations/index.ts. */
export type MigrationList = readonly (new () => MigrationInterface)[];

/**
 * The one description of the database connection, shared by the API, the worker, the
 * migration runner and the tests. `synchronize` is off: only migrations change the schema.
 * The caller passes the migrations (libs sit below the migrations folder and never import it).
 */
export function dataSourceOptions(
  url: string,
  migrations: MigrationList,
  extra: Partial<DataSourceOptions> = {},
): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: [...migrations],
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['error'],
    // A small pool per process: a 2-core box gains nothing from more concurrent queries.
    extra: { max: 20, connectionTimeoutMillis: 5000 },
    ...extra,
  } as DataSourceOptions;
}

/**
 * TypeORM prints failed queries itself; with LOG_LEVEL=silent (the test suites, which provoke
 * 409s and 400s on purpose) those lines are noise, so they follow the process's log level.
 */
export function queryLogging(level = process.env['LOG_LEVEL']): DataSourceOptions['logging'] {
  return level === 'silent' ? false : ['error'];
}

export function createDataSource(
  url: string,
  migrations: MigrationList,
  extra: Partial<DataSourceOptions> = {},
): DataSource {
  return new DataSource(dataSourceOptions(url, migrations, extra));
}
