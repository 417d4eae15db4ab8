// `--data FILE`: an append-only journal of changes, compacted from time to time.
//
//   line 1   {"format":"visitor-access-mock","version":2}
//   then     {"c":[["purchases","vis_…|gharart/masterclass",{…}],["magicLinks","sel…",null],…]}
//
// Each committed unit of work is one line, written and flushed (fdatasync) before the client gets its
// answer; a write costs what it changes, whatever the size of the state. Loading replays the lines; a
// last line without its newline (the process died mid-write, so nobody was told it succeeded) is cut off.
// A compaction writes every table to a temporary file while requests go on, copies the lines appended
// meanwhile, flushes and renames it over FILE: a crash leaves the old file or the new one, never half.
import {
  closeSync,
  copyFileSync,
  fdatasyncSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  readSync,
  readlinkSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { SnapshotError, type ChangeSink, type JournalChange, type MockStore } from '../store/index.js';
import { DataFileError } from './errors.js';
import { acquireLock, type FileLock } from './lock.js';

const HEADER = JSON.stringify({ format: 'visitor-access-mock', version: 2 }) + '\n';
const CHUNK = 500;

/** File operations the journal uses; tests replace `writeSync` to simulate a full disk. */
export interface JournalFs {
  writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
  fdatasyncSync: (fd: number) => void;
}

/** Options of {@link openDataFile}. */
export interface DataFileOptions {
  /** Compact once this many bytes were appended (and at least the size of the last compaction). Default 4 MiB. */
  compactAfterBytes?: number;
  /** Where notes go (a migrated file, a cut-off last line). Default: stderr. */
  warn?: (message: string) => void;
  /** File operations (tests). */
  fs?: Partial<JournalFs>;
}

/** A data file opened by one process: the journal the store's changes are appended to. */
export interface DataFile extends ChangeSink {
  readonly file: string;
  /** Bytes appended since the last compaction. */
  readonly appendedBytes: number;
  /** Compactions done, and failed, since the file was opened (benchmarks, tests). */
  readonly compactions: { done: number; failed: number };
  /** Writes every table into a new file and swaps it in, while requests go on. */
  compact(): Promise<void>;
  /** Releases the lock and closes the file. */
  close(): void;
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Not every platform lets a directory be flushed; the rename itself is still atomic.
  }
}

const tempPrefix = (file: string) => `.${basename(file)}.`;

/** Temporary files of this data file left by a process that died (ours are `.NAME.*.tmp`). */
function cleanTemporaries(file: string): string[] {
  const dir = dirname(file);
  const prefix = tempPrefix(file);
  const removed: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name.startsWith(prefix) && name.endsWith('.tmp')) {
      try {
        unlinkSync(join(dir, name));
        removed.push(name);
      } catch {
        // Someone else removed it.
      }
    }
  }
  return removed;
}

/** The lines of a compacted file: the header, a clear, then every table in chunks. */
function* snapshotLines(tables: ReturnType<MockStore['capture']>): Generator<string> {
  yield HEADER;
  yield JSON.stringify({ c: [['*']] }) + '\n';
  for (const [name, entries] of tables) {
    for (let i = 0; i < entries.length; i += CHUNK) {
      yield JSON.stringify({ c: entries.slice(i, i + CHUNK).map(([k, v]) => [name, k, v]) }) + '\n';
    }
  }
}

/** Loads FILE into the store: answers whether it existed, and its format. */
function load(
  store: MockStore,
  file: string,
  warn: (m: string) => void,
  readOnly = false,
): { existed: boolean; version?: 1 | 2 } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { existed: false };
    throw new DataFileError(`Cannot read the data file ${file}: ${(error as Error).message}`);
  }
  if (text === '') return { existed: false };
  const firstEnd = text.indexOf('\n');
  let header: unknown;
  try {
    header = JSON.parse(firstEnd < 0 ? text : text.slice(0, firstEnd));
  } catch {
    header = undefined;
  }
  const h = header as { format?: unknown; version?: unknown } | undefined;
  if (h && h.format === 'visitor-access-mock' && h.version === 2 && firstEnd >= 0) {
    replayV2(store, file, text, firstEnd, warn, readOnly);
    return { existed: true, version: 2 };
  }
  // The first release's format: one JSON snapshot. Migrated (see docs/decisions/0042).
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new DataFileError(
      `The data file ${file} is corrupt (not valid JSON: ${(error as Error).message}). Fix it, restore a backup, or delete it to start from the fixture.`,
    );
  }
  try {
    store.load(data);
  } catch (error) {
    if (error instanceof SnapshotError) {
      throw new DataFileError(
        `The data file ${file} is ${error.message}. Fix it or delete it to start from the fixture.`,
      );
    }
    throw error;
  }
  return { existed: true, version: 1 };
}

function replayV2(
  store: MockStore,
  file: string,
  text: string,
  firstEnd: number,
  warn: (m: string) => void,
  readOnly: boolean,
): void {
  let end = text.length;
  if (!text.endsWith('\n') && readOnly) {
    end = text.lastIndexOf('\n') + 1;
  } else if (!text.endsWith('\n')) {
    // The process died while appending: that change was never acknowledged. Cut it off.
    end = text.lastIndexOf('\n') + 1;
    const fd = openSync(file, 'r+');
    try {
      ftruncateSync(fd, Buffer.byteLength(text.slice(0, end)));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    warn(
      `[visitor-access-mock] ${file}: cut off an incomplete last change (the process stopped while writing it; it was never acknowledged).`,
    );
  }
  let line = 1;
  let start = firstEnd + 1;
  while (start < end) {
    const stop = text.indexOf('\n', start);
    line++;
    const raw = text.slice(start, stop);
    start = stop + 1;
    if (raw === '') continue;
    let entry: { c?: unknown };
    try {
      entry = JSON.parse(raw) as { c?: unknown };
    } catch {
      throw new DataFileError(
        `The data file ${file} is corrupt at line ${line} (not valid JSON). Restore a backup, or delete it to start from the fixture.`,
      );
    }
    if (!Array.isArray(entry.c)) {
      throw new DataFileError(
        `The data file ${file} is corrupt at line ${line} (no changes). Restore a backup, or delete it.`,
      );
    }
    try {
      store.replay(entry.c as JournalChange[], `line ${line}`);
    } catch (error) {
      if (error instanceof SnapshotError) {
        throw new DataFileError(
          `The data file ${file} is not valid at ${error.message}. Restore a backup, or delete it.`,
        );
      }
      throw error;
    }
  }
}

/**
 * Opens `file` for one process: takes its lock (a second process is refused, naming the holder), removes
 * temporary files a crashed process left, loads it (a version-1 file is migrated, its original kept as
 * `FILE.v1-backup`), and attaches the journal to the store so every committed change is appended before
 * the answer leaves.
 *
 * @example
 * ```ts
 * const data = openDataFile(store, 'state.json'); // … data.close() on exit
 * ```
 */
export function openDataFile(store: MockStore, given: string, options: DataFileOptions = {}): DataFile {
  // The file itself, not the name it was given: a symbolic link resolves to its target, so the lock, the
  // temporary files and the rename all happen beside the real file (a rename over the link would replace
  // the link and leave the target behind).
  const file = realDataFile(given);
  const warn = options.warn ?? ((m: string) => console.error(m));
  const write =
    options.fs?.writeSync ??
    ((fd: number, data: Uint8Array, offset: number, length: number) => writeSync(fd, data, offset, length));
  const datasync = options.fs?.fdatasyncSync ?? fdatasyncSync;
  const threshold = options.compactAfterBytes ?? 4 * 1024 * 1024;
  const lock: FileLock = acquireLock(file);
  try {
    refuseHardLinks(file, given);
    cleanTemporaries(file);
    const loaded = load(store, file, warn);
    if (loaded.version === 1) {
      copyFileSync(file, `${file}.v1-backup`);
      warn(
        `[visitor-access-mock] ${file} was in the first release's format and has been converted; the original is kept as ${file}.v1-backup.`,
      );
    }
    if (loaded.version !== 2) compactSync(store, file);
  } catch (error) {
    lock.release();
    throw error;
  }

  // Read and append: a compaction reads back the lines appended while it wrote the copy.
  let fd = openSync(file, 'a+', 0o600);
  let size = fstatSync(fd).size;
  let baseline = size;
  let appended = 0;
  /** After a failed compaction, the next waits for another threshold's worth of appends (no storm). */
  let retryAt = 0;
  const compactions = { done: 0, failed: 0 };
  /** The file may end in a partial line from a failed append: cut it before anything else is written. */
  let dirty = false;
  let compacting: Promise<void> | undefined;
  let closed = false;

  const compactNow = async (): Promise<void> => {
    const tmp = join(dirname(file), `${tempPrefix(file)}compact-${process.pid}.tmp`);
    try {
      // A consistent copy: taken with the store to itself (records are replaced, never changed in place).
      const captured = await store.exclusive(() => ({ tables: store.capture(), at: size }));
      const handle = await openAsync(tmp, 'w', 0o600);
      try {
        let batch = '';
        for (const line of snapshotLines(captured.tables)) {
          batch += line;
          if (batch.length >= 1 << 20) {
            await handle.write(batch);
            batch = '';
          }
        }
        if (batch) await handle.write(batch);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      await store.exclusive(() => {
        if (closed) throw new Error('closed');
        // The lines appended while the copy was written, then the switch: nothing is appended meanwhile.
        const tail = Buffer.alloc(size - captured.at);
        for (let at = 0; at < tail.length;) {
          const n = readSync(fd, tail, at, tail.length - at, captured.at + at);
          if (n === 0) throw new Error('the journal is shorter than what was appended to it');
          at += n;
        }
        const out = openSync(tmp, 'a');
        try {
          if (tail.length > 0) writeSync(out, tail);
          fsyncSync(out);
        } finally {
          closeSync(out);
        }
        renameSync(tmp, file);
        fsyncDir(dirname(file));
        closeSync(fd);
        fd = openSync(file, 'a+', 0o600);
        size = fstatSync(fd).size;
        baseline = size - tail.length;
        appended = tail.length;
        retryAt = 0;
      });
      compactions.done++;
    } catch (error) {
      compactions.failed++;
      retryAt = appended + Math.max(threshold, baseline);
      try {
        unlinkSync(tmp);
      } catch {
        // Never created.
      }
      if (!closed)
        warn(
          `[visitor-access-mock] compacting ${file} failed (it keeps working uncompacted): ${(error as Error).message}`,
        );
    }
  };

  const sink: DataFile = {
    file,
    get appendedBytes() {
      return appended;
    },
    get compactions() {
      return { ...compactions };
    },
    append(changes) {
      if (closed) throw new Error(`the data file ${file} is closed`);
      if (dirty) {
        ftruncateSync(fd, size);
        dirty = false;
      }
      const line = JSON.stringify({ c: changes }) + '\n';
      const buffer = Buffer.from(line);
      try {
        let offset = 0;
        while (offset < buffer.length) offset += write(fd, buffer, offset, buffer.length - offset);
        datasync(fd);
      } catch (error) {
        dirty = true;
        try {
          ftruncateSync(fd, size);
          dirty = false;
        } catch {
          // Cut before the next append instead.
        }
        throw error;
      }
      size += buffer.length;
      appended += buffer.length;
      if (!compacting && appended >= Math.max(threshold, baseline, retryAt)) void sink.compact();
    },
    compact() {
      // One at a time: a second call waits for the compaction under way.
      compacting ??= compactNow().finally(() => (compacting = undefined));
      return compacting;
    },
    close() {
      if (closed) return;
      closed = true;
      store.attachSink(undefined);
      try {
        closeSync(fd);
      } finally {
        lock.release();
      }
    },
  };
  store.attachSink(sink);
  return sink;
}

/**
 * Reads a data file into a store without taking its lock or changing it (inspection, tests): what a
 * restart would load now.
 *
 * @example
 * ```ts
 * const store = createStore();
 * readDataFile(store, 'state.json');
 * store.purchases.size;
 * ```
 */
export function readDataFile(store: MockStore, file: string): boolean {
  return load(store, file, () => undefined, true).existed;
}

/**
 * The real path of a data file: symbolic links resolved (of the file, or, for a file that does not exist
 * yet, of the link's target and its folder). A link into a folder that does not exist is refused.
 */
function realDataFile(file: string, depth = 0): string {
  try {
    return realpathSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return resolve(file);
  }
  let target: string | undefined;
  try {
    if (lstatSync(file).isSymbolicLink()) target = resolve(dirname(file), readlinkSync(file));
  } catch {
    // Nothing there: a new data file.
  }
  if (target !== undefined && depth < 8) return realDataFile(target, depth + 1);
  try {
    return join(realpathSync(dirname(file)), basename(file));
  } catch {
    if (target !== undefined || depth > 0) {
      throw new DataFileError(
        `The data file ${file} is a symbolic link into a folder that does not exist. Point it at a file, or use the target's path.`,
      );
    }
    return resolve(file);
  }
}

/**
 * A data file with another name (a hard link) could be opened by a second mock under that name, with a
 * lock of its own: two writers, and a compaction (a rename) would split them apart and lose one's changes.
 * Such a file is refused.
 */
function refuseHardLinks(file: string, given: string): void {
  let links = 1;
  try {
    const stat = statSync(file);
    // A folder has several links by nature; reading it fails later with its own message.
    if (stat.isFile()) links = stat.nlink;
  } catch {
    return; // a new file has no other name
  }
  if (links > 1) {
    throw new DataFileError(
      `The data file ${given} has ${links} names (hard links): another mock could be writing it under another ` +
        `name. Use a file with one name (copy it: cp ${given} new.json), and start every mock with that name.`,
    );
  }
}

/** Writes the whole state to FILE at once (start, migration): temporary file, flush, rename. */
function compactSync(store: MockStore, file: string): void {
  const tmp = join(dirname(file), `${tempPrefix(file)}compact-${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    for (const line of snapshotLines(store.capture())) writeSync(fd, line);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
  fsyncDir(dirname(file));
}

export { DataFileError };
