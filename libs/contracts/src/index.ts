export * from './auth.schemas';
export * from './case-events.schemas';
export * from './open311.schemas';
export * from './case.schemas';
export * from './identity.schemas';
export * from './catalogue.schemas';
export * from './analytics.schemas';
export * from './deadline.schemas';
