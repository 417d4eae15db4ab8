// Node's crypto for the store in the Node entries: `timingSafeEqual` and a synchronous SHA-256.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { StoreOptions } from './store/index.js';

/** Store options that use `node:crypto`. */
export const nodeCrypto: Pick<StoreOptions, 'timingSafeEqual' | 'sha256'> = {
  timingSafeEqual: (a, b) => timingSafeEqual(a, b),
  sha256: (text) => createHash('sha256').update(text).digest('hex'),
};
