// `--data FILE`: load at start, save after every change with write-to-temp + fsync + rename, so a crash
// mid-write leaves either the old file or the new one, never a torn one.
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { SnapshotError, type MockStore } from './store.js';

/**
 * A data file that exists but cannot be read or is not a valid snapshot. The server refuses to start
 * rather than silently starting empty (which would lose every purchase on the next save).
 *
 * @example
 * ```ts
 * try { await startServer({ dataFile: 'state.json' }); } catch (e) { if (e instanceof DataFileError) process.exit(1); }
 * ```
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}

/** Loads `file` into the store. Answers false when the file does not exist yet. */
export function loadDataFile(store: MockStore, file: string): boolean {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new DataFileError(`Cannot read the data file ${file}: ${(error as Error).message}`);
  }
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
  return true;
}

/** Writes the store to `file` atomically. */
export function saveDataFile(store: MockStore, file: string): void {
  const tmp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(store.toJSON()));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}
