export * from './catalogue.entities';
export * from './identity.entities';
export * from './case.entities';
export * from './api-key.entities';
