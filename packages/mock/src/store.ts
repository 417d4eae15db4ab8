// The store lives in ./store/ (one slice per concern behind the MockStore facade); this module keeps the
// old import path.
export * from './store/index.js';
export type * from './records.js';
