export * from './deadline-engine';
export * from './deadline-rows';
export * from './deadline-settings';
export * from './deadlines.repository';
export * from './live-clock';
