// One writer per data file: `FILE.lock` holds the writer's PID and host. A second process refuses to
// start, naming both; a lock left by a process that died is taken over (atomically: rename it away, check
// it was the dead one, then create ours with O_EXCL).
import { closeSync, linkSync, openSync, readFileSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { randomId } from '../crypto.js';
import { DataFileError } from './errors.js';

interface Holder {
  pid: number;
  host: string;
  startedAt: string;
  token: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(path: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as Holder;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? h : undefined;
  } catch {
    return undefined;
  }
}

/** A held lock; `release()` removes it if it is still ours. */
export interface FileLock {
  readonly path: string;
  release(): void;
}

/**
 * Takes `FILE.lock` or throws a {@link DataFileError} that names the file and the process holding it.
 *
 * @example
 * ```ts
 * const lock = acquireLock('/srv/mock.json'); // … lock.release() on exit
 * ```
 */
export function acquireLock(file: string): FileLock {
  const path = `${file}.lock`;
  const me: Holder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), token: randomId('') };
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const fd = openSync(path, 'wx', 0o600);
      try {
        writeSync(fd, JSON.stringify(me));
      } finally {
        closeSync(fd);
      }
      return {
        path,
        release() {
          if (readHolder(path)?.token === me.token) {
            try {
              unlinkSync(path);
            } catch {
              // Already gone: nothing to release.
            }
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
        throw new DataFileError(
          `Cannot create the lock ${path} for the data file ${file}: ${(error as Error).message}`,
        );
      }
    }
    const holder = readHolder(path);
    if (holder && (holder.host !== me.host || alive(holder.pid))) {
      throw new DataFileError(
        `The data file ${file} is in use by process ${holder.pid} on ${holder.host} (since ${holder.startedAt}). ` +
          `Stop that mock first, or use another --data file. If no such process runs, delete ${path}.`,
      );
    }
    if (!holder) {
      // Being written right now by a process that just created it, or left empty by a crash: look again.
      const seen = readFileSafe(path);
      if (seen === undefined) continue;
      if (seen === '' && attempt < 2) {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50);
        continue;
      }
    }
    // A dead writer's lock: move it aside, then check that what we moved is the lock we judged dead.
    const aside = `${path}.stale-${process.pid}-${randomId('', 6)}`;
    try {
      renameSync(path, aside);
    } catch {
      continue; // someone else moved it first
    }
    const moved = readHolder(aside);
    if (moved && holder && moved.token !== holder.token) {
      // We moved a live lock that replaced the dead one: put it back and report its holder.
      try {
        linkSync(aside, path);
      } catch {
        // Another lock took its place meanwhile; that one stands.
      }
      unlinkSafe(aside);
      continue;
    }
    unlinkSafe(aside);
  }
  throw new DataFileError(`Cannot take the lock ${path} for the data file ${file}: it keeps changing. Try again.`);
}

function readFileSafe(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

function unlinkSafe(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already.
  }
}
