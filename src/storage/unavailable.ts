/**
 * Storage that cannot be read right now: KV or D1 failed, or a stored document is missing or not of the shape and
 * version this code reads. It is never "nothing published" or "no comments": the app answers 503 with Retry-After,
 * which no cache keeps, and logs what failed (the KV key, or the D1 error).
 */

/** Seconds a client is asked to wait before trying again after a storage failure. */
export const STORAGE_RETRY_AFTER_SECONDS = 30;

/**
 * Thrown by storage functions when what they read is missing, malformed or failing.
 * @example throw new StorageUnavailableError('KV v1:index is missing')
 */
export class StorageUnavailableError extends Error {
  constructor(what: string, cause?: unknown) {
    // The D1 message is kept, so callers that recognise a constraint by its message keep working.
    super(cause instanceof Error ? `${what}: ${cause.message}` : what, cause === undefined ? undefined : { cause });
    this.name = 'StorageUnavailableError';
  }
}
