/**
 * The reference mock of the Visitor Access API: one store with the platform's semantics and one array of
 * MSW handlers. Entries: `@visitor-access/mock/browser` (service worker), `@visitor-access/mock/node`
 * (setupServer for tests) and `@visitor-access/mock/server` (standalone HTTP server and CLI).
 *
 * @packageDocumentation
 */
export { AdjustableClock, systemClock, type Clock } from './clock.js';
export { portableTimingSafeEqual, type TimingSafeEqual } from './crypto.js';
export {
  defaultFixture,
  FixtureError,
  FixtureSchema,
  parseFixture,
  type Fixture,
  type FixtureHandle,
} from './fixture.js';
export { escapeHtml } from './pages/shell.js';
export {
  DEFAULT_TIMEOUT_MS,
  FAULT_HEADER,
  FaultSettingsError,
  formatFault,
  parseFault,
  parseFailRate,
  parseLatency,
  type Fault,
  type FaultOptions,
  type FaultRule,
  type FaultSettings,
  type FaultSettingsView,
  type LatencyRange,
} from './faults/settings.js';
export { Faults } from './faults/faults.js';
export { faultLayer, type ConnectionFault } from './faults/layer.js';
export {
  createHandlers,
  createRoutes,
  type HandlerOptions,
  type Layer,
  type Ctx,
  type RouteEntry,
  type RequestInfo,
} from './handlers/index.js';
export {
  createStore,
  isLoopback,
  MockStore,
  SnapshotError,
  StorageUnavailableError,
  type ChangeSink,
  type JournalChange,
  type StoreSnapshot,
  type LinkState,
  type Result,
  type SignIn,
  type StoreErrorCode,
  type StoreOptions,
} from './store/index.js';
export type { MailboxMessage } from './store/views.js';
export type * from './records.js';
