// The store's state as data: the JSON snapshot (version 2, table by table), consistent copies for a
// compaction, replaying journal lines, loading a snapshot, and migrating a version-1 `--data` file of
// the first release. Records are validated against their table's schema on the way in.
import { SnapshotV1, TABLE_SCHEMAS, type TableName } from '../records.js';
import { createTables, grantKey, pageKey, type Tables } from './state.js';
import { UnitOfWork, type JournalChange, type Table } from './table.js';

/** The state as plain JSON, table by table (see `MockStore.toJSON`). */
export interface StoreSnapshot {
  format: 'visitor-access-mock';
  version: 2;
  tables: Record<TableName, [string, unknown][]>;
}

/**
 * A `--data` file or snapshot that does not validate.
 *
 * @example
 * ```ts
 * try { store.load(JSON.parse(text)); } catch (e) { if (e instanceof SnapshotError) process.exit(1); }
 * ```
 */
export class SnapshotError extends Error {
  override readonly name = 'SnapshotError';
}

/** The state as plain JSON, table by table, in the order a compaction writes it. */
export function toJSON(t: Tables): StoreSnapshot {
  const tables = {} as Record<TableName, [string, unknown][]>;
  for (const [name, table] of Object.entries(t)) tables[name as TableName] = [...table.entries()];
  return { format: 'visitor-access-mock', version: 2, tables };
}

/**
 * Consistent copies of every table (records are never changed in place, so these stay as they are
 * while the store goes on): what a compaction writes.
 */
export function capture(t: Tables): [TableName, [string, unknown][]][] {
  return Object.entries(t).map(([name, table]) => [name as TableName, [...table.entries()]]);
}

/**
 * Applies saved changes without saving them again (loading a journal). Each record is validated
 * against its table's schema; a bad one throws a {@link SnapshotError} naming it.
 */
export function replay(t: Tables, changes: readonly JournalChange[], where = 'journal'): void {
  for (const change of changes) {
    if (change[0] === '*') {
      for (const table of Object.values(t)) table.detach();
      continue;
    }
    const [name, key, value] = change as readonly [string, string, unknown];
    // Own names only: `__proto__`, `constructor` or `toString` are not tables (an object's inherited
    // properties would otherwise be taken for one).
    const known = typeof name === 'string' && Object.hasOwn(TABLE_SCHEMAS, name) && Object.hasOwn(t, name);
    const table = known ? (t as unknown as Record<string, Table<unknown>>)[name] : undefined;
    const schema = known ? TABLE_SCHEMAS[name as TableName] : undefined;
    if (!table || !schema || typeof key !== 'string') {
      throw new SnapshotError(`${where}: unknown table "${String(name)}"`);
    }
    if (value === null) {
      table.raw(key, undefined);
      continue;
    }
    const parsed = schema.safeParse(value);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new SnapshotError(
        `${where}: ${name} "${key}" is not valid (${first ? `${first.path.join('.') || '(record)'}: ${first.message}` : 'invalid'})`,
      );
    }
    table.raw(key, parsed.data);
  }
}

/**
 * The changes that rebuild a snapshot, validated record by record against scratch tables: a bad
 * snapshot throws a {@link SnapshotError} before the caller's tables are touched. The caller clears
 * its tables (one `['*']` change) and then applies them with {@link load}.
 */
export function loadable(data: unknown): JournalChange[] {
  const changes = snapshotChanges(data);
  replay(createTables(new UnitOfWork()), changes, 'snapshot');
  return changes;
}

/** Puts validated changes (from {@link loadable}) into cleared tables, each put recorded in the unit. */
export function load(t: Tables, changes: readonly JournalChange[]): void {
  for (const c of changes) {
    if (c[0] === '*') continue;
    const [name, key, value] = c as readonly [TableName, string, unknown];
    const table = t[name] as unknown as Table<unknown>;
    if (value === null) table.delete(key);
    else table.put(key, TABLE_SCHEMAS[name].parse(value));
  }
}

/** The changes that rebuild a version-1 or version-2 snapshot. */
function snapshotChanges(data: unknown): JournalChange[] {
  const v = (data as { version?: unknown } | null)?.version;
  if (v === 2 && (data as { format?: unknown }).format === 'visitor-access-mock') {
    const tables = (data as StoreSnapshot).tables;
    if (!tables || typeof tables !== 'object') throw new SnapshotError('not a visitor-access-mock snapshot (tables)');
    const out: JournalChange[] = [['*']];
    for (const [name, entries] of Object.entries(tables)) {
      if (!Array.isArray(entries)) throw new SnapshotError(`not a visitor-access-mock snapshot (${name})`);
      for (const [key, value] of entries as [string, unknown][]) out.push([name, key, value]);
    }
    return out;
  }
  const parsed = SnapshotV1.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new SnapshotError(`not a visitor-access-mock data file (${lines.join('; ')})`);
  }
  const s = parsed.data;
  const out: JournalChange[] = [['*']];
  for (const h of s.handles) out.push(['handles', h.handle, h]);
  for (const p of s.pages) out.push(['pages', pageKey(p.handle, p.slug), p]);
  for (const { interests, ...g } of s.groupBuys) {
    out.push(['groupBuys', pageKey(g.handle, g.slug), g]);
    for (const [visitorId, expressedAt] of Object.entries(interests)) {
      out.push([
        'interests',
        `${g.handle}/${g.slug}|${visitorId}`,
        { handle: g.handle, slug: g.slug, visitorId, expressedAt },
      ]);
    }
  }
  for (const f of s.files) out.push(['files', `${f.handle}/${f.slug}|${f.email}`, f]);
  for (const v of s.visitors) out.push(['visitors', v.id, v]);
  for (const l of s.magicLinks) out.push(['magicLinks', l.selector, l]);
  for (const x of s.sessions) out.push(['sessions', x.id, x]);
  for (const p of s.purchases) out.push(['purchases', grantKey(p.visitorId, p.handle, p.slug), p]);
  for (const f of s.freeLogins) out.push(['freeLogins', grantKey(f.visitorId, f.handle, f.slug), f]);
  for (const r of s.refunds) out.push(['refunds', r.id, r]);
  for (const c of s.checkouts) out.push(['checkouts', c.id, c]);
  for (const m of s.messages.slice(-1000)) out.push(['messages', m.id, m]);
  // Version-1 idempotency records are keyed by the raw key: they cannot be found by hash, and expire in
  // 24 hours anyway, so they are left behind.
  for (const [key, hits] of Object.entries(s.throttles)) out.push(['throttles', key, hits]);
  for (const r of s.reports.slice(-1000)) out.push(['reports', r.id, r]);
  return out;
}
