export * from './types';
export * from './categories';
export * from './districts';
export * from './bureaus';
export * from './dispatch-rules';
export * from './users';
