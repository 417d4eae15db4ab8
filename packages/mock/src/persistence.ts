// `--data FILE` lives in ./persistence/: the journal (data-file.ts) and the one-writer lock (lock.ts).
export {
  openDataFile,
  readDataFile,
  type DataFile,
  type DataFileOptions,
  type JournalFs,
} from './persistence/data-file.js';
export { DataFileError } from './persistence/errors.js';
export { acquireLock, type FileLock } from './persistence/lock.js';
