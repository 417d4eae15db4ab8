// The store's tables and its unit of work. Every change to the state is a `put` or `delete` of one record
// in one table; a unit of work collects them, and on commit hands them to the persistence sink in one
// append (all or nothing). When the sink fails, the unit is undone in memory and the caller gets a
// StorageUnavailableError. Records are replaced, never changed in place, so a compaction can write a
// consistent copy of every table while requests go on.

/** One change as the journal stores it: a put (`value` a record), a delete (`null`), or `['*']`: clear all. */
export type JournalChange = readonly [table: string, key: string, value: unknown] | readonly ['*'];

/** Where committed changes go (the `--data` journal). `append` throws when they could not be saved. */
export interface ChangeSink {
  append(changes: readonly JournalChange[]): void;
}

/**
 * A change could not be saved (the disk is full, the file was removed…). The change was undone in memory;
 * the handlers answer 503 `storage_unavailable`.
 *
 * @example
 * ```ts
 * try { store.grantPurchase(input); } catch (e) { if (e instanceof StorageUnavailableError) retryLater(); }
 * ```
 */
export class StorageUnavailableError extends Error {
  override readonly name = 'StorageUnavailableError';
}

interface Unit {
  changes: JournalChange[];
  undo: (() => void)[];
}

/** The unit of work shared by every table of one store. */
export class UnitOfWork {
  #unit: Unit | null = null;
  sink: ChangeSink | undefined;
  /** Grows by one with every committed unit that changed something. */
  revision = 0;

  get open(): boolean {
    return this.#unit !== null;
  }

  /** Records a change made by a table; outside a unit the change is committed at once. */
  record(change: JournalChange, undo: () => void): void {
    if (this.#unit) {
      this.#unit.changes.push(change);
      this.#unit.undo.push(undo);
      return;
    }
    this.begin();
    this.#unit!.changes.push(change);
    this.#unit!.undo.push(undo);
    this.commit();
  }

  /** Runs `fn` inside the open unit, or in a unit of its own that is committed when `fn` returns. */
  run<T>(fn: () => T): T {
    if (this.#unit) return fn();
    this.begin();
    let value: T;
    try {
      value = fn();
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.commit();
    return value;
  }

  begin(): void {
    if (this.#unit) throw new Error('a unit of work is already open');
    this.#unit = { changes: [], undo: [] };
  }

  /** Saves the unit's changes (one append); on failure undoes them and throws StorageUnavailableError. */
  commit(): void {
    const unit = this.#unit;
    this.#unit = null;
    if (!unit || unit.changes.length === 0) return;
    try {
      this.sink?.append(unit.changes);
    } catch (cause) {
      for (let i = unit.undo.length - 1; i >= 0; i--) unit.undo[i]!();
      throw new StorageUnavailableError(`The change could not be saved: ${(cause as Error)?.message ?? cause}`, {
        cause,
      });
    }
    this.revision++;
  }

  /** Undoes every change of the open unit. */
  rollback(): void {
    const unit = this.#unit;
    this.#unit = null;
    if (!unit) return;
    for (let i = unit.undo.length - 1; i >= 0; i--) unit.undo[i]!();
  }
}

/** A secondary index: index key → primary keys, in insertion order. */
export class Index<V> {
  readonly #map = new Map<string, Set<string>>();
  constructor(readonly keyOf: (value: V) => string) {}

  add(key: string, value: V): void {
    const ik = this.keyOf(value);
    const set = this.#map.get(ik);
    if (set) set.add(key);
    else this.#map.set(ik, new Set([key]));
  }

  remove(key: string, value: V): void {
    const ik = this.keyOf(value);
    const set = this.#map.get(ik);
    if (!set) return;
    set.delete(key);
    if (set.size === 0) this.#map.delete(ik);
  }

  keys(ik: string): Iterable<string> {
    return this.#map.get(ik) ?? [];
  }

  clear(): void {
    this.#map.clear();
  }
}

/**
 * One kind of record, keyed by a string. Reads are `Map` reads; `put`, `update` and `delete` record the
 * change in the unit of work (with its undo). Values are treated as immutable: `update` replaces.
 */
export class Table<V> implements ReadonlyMap<string, V> {
  #map = new Map<string, V>();
  readonly #indexes: Index<V>[] = [];
  #watchers: ((key: string, value: V | undefined) => void)[] = [];

  constructor(
    readonly name: string,
    private readonly uow: UnitOfWork,
  ) {}

  /** Adds a secondary index, kept in step with every put and delete. */
  index(keyOf: (value: V) => string): Index<V> {
    const index = new Index(keyOf);
    for (const [k, v] of this.#map) index.add(k, v);
    this.#indexes.push(index);
    return index;
  }

  /** Calls `fn` after every change of a record, undo and loading included. */
  watch(fn: (key: string, value: V | undefined) => void): void {
    this.#watchers.push(fn);
  }

  /** The records whose index key is `ik`. */
  lookup(index: Index<V>, ik: string): V[] {
    const out: V[] = [];
    for (const k of index.keys(ik)) {
      const v = this.#map.get(k);
      if (v !== undefined) out.push(v);
    }
    return out;
  }

  get size(): number {
    return this.#map.size;
  }
  get(key: string): V | undefined {
    return this.#map.get(key);
  }
  has(key: string): boolean {
    return this.#map.has(key);
  }
  keys(): MapIterator<string> {
    return this.#map.keys();
  }
  values(): MapIterator<V> {
    return this.#map.values();
  }
  entries(): MapIterator<[string, V]> {
    return this.#map.entries();
  }
  forEach(fn: (value: V, key: string, map: ReadonlyMap<string, V>) => void): void {
    this.#map.forEach((v, k) => fn(v, k, this));
  }
  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.#map.entries();
  }

  /** Sets a record without recording a change (loading, undo). */
  raw(key: string, value: V | undefined): void {
    const prev = this.#map.get(key);
    if (prev !== undefined) for (const i of this.#indexes) i.remove(key, prev);
    if (value === undefined) this.#map.delete(key);
    else {
      this.#map.set(key, value);
      for (const i of this.#indexes) i.add(key, value);
    }
    for (const w of this.#watchers) w(key, value);
  }

  put(key: string, value: V): V {
    const prev = this.#map.get(key);
    this.raw(key, value);
    this.uow.record([this.name, key, value], () => this.raw(key, prev));
    return value;
  }

  /** Replaces a record with a copy that has `patch` applied. */
  update(key: string, patch: Partial<V>): V {
    const prev = this.#map.get(key);
    if (prev === undefined) throw new Error(`${this.name}: no record ${key}`);
    return this.put(key, { ...prev, ...patch });
  }

  delete(key: string): boolean {
    const prev = this.#map.get(key);
    if (prev === undefined) return false;
    this.raw(key, undefined);
    this.uow.record([this.name, key, null], () => this.raw(key, prev));
    return true;
  }

  /** Empties the table without recording anything (the caller records one `['*']`). Returns an undo. */
  detach(): () => void {
    const old = this.#map;
    this.#map = new Map();
    for (const i of this.#indexes) i.clear();
    for (const [k] of old) for (const w of this.#watchers) w(k, undefined);
    return () => {
      this.#map = old;
      for (const i of this.#indexes) {
        i.clear();
        for (const [k, v] of old) i.add(k, v);
      }
      for (const [k, v] of old) for (const w of this.#watchers) w(k, v);
    };
  }
}

/**
 * Serialises async work: the store's writes run one at a time, each in its own unit of work. Uncontended,
 * a run starts at once (no queue hop): the hot write, an access check, pays nothing for the lock.
 */
export class Mutex {
  #busy = false;
  readonly #queue: (() => void)[] = [];

  async run<T>(fn: () => Promise<T> | T): Promise<T> {
    if (this.#busy) await new Promise<void>((resolve) => this.#queue.push(resolve));
    else this.#busy = true;
    try {
      return await fn();
    } finally {
      // Hand the lock straight to the next in line (it stays busy), or free it.
      const next = this.#queue.shift();
      if (next) next();
      else this.#busy = false;
    }
  }
}
