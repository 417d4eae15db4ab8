// Remembered answers of writes sent with an Idempotency-Key, for 24 hours.
import { IDEMPOTENCY_TTL_MS } from '@visitor-access/contract';
import type { IdempotencyRecord } from '../records.js';
import type { Kernel } from './state.js';

export class IdempotencySlice {
  constructor(private readonly k: Kernel) {}

  /** The answer remembered under `keyHash`, if it is less than 24 hours old. Never writes. */
  find(keyHash: string): IdempotencyRecord | undefined {
    const record = this.k.t.idempotency.get(keyHash);
    return record && this.k.now() - record.createdAt < IDEMPOTENCY_TTL_MS ? record : undefined;
  }

  remember(record: Omit<IdempotencyRecord, 'createdAt'>): void {
    this.k.t.idempotency.put(record.keyHash, { ...record, createdAt: this.k.now() });
  }

  purge(now: number): void {
    for (const [key, r] of this.k.t.idempotency) {
      if (now - r.createdAt >= IDEMPOTENCY_TTL_MS) this.k.t.idempotency.delete(key);
    }
  }
}
