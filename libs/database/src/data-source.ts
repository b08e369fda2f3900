import { DataSource, type DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '../../../prisma-free-migrations';
import { ENTITIES } from './entities/all';

/**
 * The one description of the database connection, shared by the API, the worker, the
 * migration runner and the tests. `synchronize` is off: only migrations change the schema.
 */
export function dataSourceOptions(url: string, extra: Partial<DataSourceOptions> = {}): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: ['error'],
    // A small pool per process: a 2-core box gains nothing from more concurrent queries.
    extra: { max: 20, connectionTimeoutMillis: 5000 },
    ...extra,
  } as DataSourceOptions;
}

export function createDataSource(url: string, extra: Partial<DataSourceOptions> = {}): DataSource {
  return new DataSource(dataSourceOptions(url, extra));
}
