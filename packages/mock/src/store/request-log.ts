// The request log: the last 1,000 requests in memory (not saved with --data).
import type { RequestLogEntry } from '../records.js';

export const REQUEST_LOG_SIZE = 1000;

export class RequestLog {
  #log: RequestLogEntry[] = [];
  #next = 0;

  add(entry: RequestLogEntry): void {
    if (this.#log.length < REQUEST_LOG_SIZE) this.#log.push(entry);
    else this.#log[this.#next] = entry;
    this.#next = (this.#next + 1) % REQUEST_LOG_SIZE;
  }

  /** Newest first. */
  newest(limit = 100): RequestLogEntry[] {
    const out: RequestLogEntry[] = [];
    const n = this.#log.length;
    for (let i = 1; i <= Math.min(limit, n); i++) out.push(this.#log[(this.#next - i + n) % n]!);
    return out;
  }

  clear(): void {
    this.#log = [];
    this.#next = 0;
  }
}
