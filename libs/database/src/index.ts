export * from './entities';
export * from './entities/all';
export * from './data-source';
export * from './database-admin';
export * from './security/password-hash';
export * from './seed/seed-demo';
export * from './seed/demo-data';
export * from './deadlines';
