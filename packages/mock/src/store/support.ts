// Support and content reports, the newest 1,000 kept (the mock has no reader for them).
import { randomId } from '../crypto.js';
import type { ReportRecord } from '../records.js';
import type { Kernel } from './state.js';

export const REPORTS_KEPT = 1000;

export class SupportSlice {
  constructor(private readonly k: Kernel) {}

  add(kind: 'support' | 'content', body: Record<string, unknown>, visitorId?: string): ReportRecord {
    const record: ReportRecord = { id: randomId('rep_'), kind, visitorId, body, createdAt: this.k.now() };
    this.k.t.reports.put(record.id, record);
    while (this.k.t.reports.size > REPORTS_KEPT) this.k.t.reports.delete(this.k.t.reports.keys().next().value!);
    return record;
  }
}
