/**
 * Idempotent POSTs (`Idempotency-Key`): a retry gets the first response, whatever happened since, and before it
 * counts as a new attempt. A key is claimed before anything else runs, so concurrent retries never race to
 * insert: they wait briefly for the first request's response and replay it, or learn that it is still in progress.
 */
import { sha256Hex } from '../crypto.ts';
import type { Db } from '../storage/db.ts';
import { claimIdempotencyKey, getIdempotencyRecord, releaseIdempotencyKey } from '../storage/idempotency.ts';

/** How long an Idempotency-Key is remembered. */
export const IDEMPOTENCY_HOURS = 24;
/** A claim older than this with no response belongs to a request that died; a retry may take it over. */
const ABANDONED_SECONDS = 30;
/** How long a concurrent retry waits for the first request's response before answering "in progress". */
const WAIT_MS = 2000;
const POLL_MS = 50;

/** Where a request with an Idempotency-Key stands. */
export type IdempotencyState =
  | { kind: 'claimed' }
  | { kind: 'replay'; status: 201 | 202; body: string; commentId: number }
  | { kind: 'mismatch' }
  | { kind: 'in-progress' };

/** JSON with object keys sorted at every level: the same request whatever order a client wrote its fields in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * The fingerprint of a request: the target and the parsed body (keys sorted), so a retry that re-serializes the
 * same fields matches and a different request under the same key does not.
 */
export const requestFingerprint = (target: string, body: unknown): Promise<string> =>
  sha256Hex(`${target}\n${canonicalJson(body)}`);

// Stryker disable next-line ArrowFunction: without the pause a waiting retry polls D1 without a break; it answers the same, at the same time, only with more reads
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Claims `key` for this request, or says why not: the first response to replay, a different request under the key
 * (`mismatch`), or a first request still running after a short wait (`in-progress`).
 */
export async function claimOrReplay(db: Db, key: string, fingerprint: string, now: () => Date): Promise<IdempotencyState> {
  const started = now().getTime();
  for (;;) {
    const at = now();
    const ago = (seconds: number) => new Date(at.getTime() - seconds * 1000).toISOString();
    const record = await getIdempotencyRecord(db, key, ago(IDEMPOTENCY_HOURS * 3600));
    if (record && record.requestFingerprint !== fingerprint) return { kind: 'mismatch' };
    if (record?.response) return { kind: 'replay', ...record.response };
    // Stryker disable next-line ArithmeticOperator: a later cut-off only tries the claim more often, and the claim itself takes no key younger than ABANDONED_SECONDS
    if (!record || Date.parse(record.createdAt) <= at.getTime() - ABANDONED_SECONDS * 1000) {
      const claimed = await claimIdempotencyKey(db, {
        key,
        requestFingerprint: fingerprint,
        createdAt: at.toISOString(),
        expiredBefore: ago(IDEMPOTENCY_HOURS * 3600),
        abandonedBefore: ago(ABANDONED_SECONDS),
      });
      if (claimed) return { kind: 'claimed' };
    }
    if (at.getTime() - started >= WAIT_MS) return { kind: 'in-progress' };
    await sleep(POLL_MS);
  }
}

/** Gives the key back after a request that stored nothing, so the client can retry it (or fix it) under the same key. */
export const releaseClaim = (db: Db, key: string): Promise<void> => releaseIdempotencyKey(db, key);
