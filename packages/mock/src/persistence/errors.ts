/**
 * A data file that cannot be used: unreadable, corrupt, not a mock data file, or held by another process.
 * The server refuses to start rather than start empty (which would lose every purchase on the next save).
 *
 * @example
 * ```ts
 * try { await startServer({ dataFile: 'state.json' }); } catch (e) { if (e instanceof DataFileError) process.exit(1); }
 * ```
 */
export class DataFileError extends Error {
  override readonly name = 'DataFileError';
}
