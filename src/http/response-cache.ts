/**
 * A small per-isolate memory of public responses, so a popular page costs a Map lookup instead of KV and D1 reads
 * and a render. Entries live RESPONSE_CACHE_SECONDS (default 5, far below the pages' max-age of 60), carry an `Age`
 * header so downstream caches keep the 60-second promise, and are dropped at once when this isolate takes a write.
 * Anything personal bypasses it: preview or bookmark cookies, a bookmark header, credentials.
 *
 * Reading happens before the app (`answerFromMemory`, called by the Worker's fetch), so a hit costs no routing or
 * middleware; storing happens in middleware (`rememberResponses`) around the app, after every header is set.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv, Bindings } from '../env.ts';
import { ifNoneMatchHits } from './caching.ts';

interface Entry {
  /** Null for a validator-only entry, learnt from a 304: it can answer revalidations, not full requests. */
  body: ArrayBuffer | null;
  headers: Array<[string, string]>;
  etag: string | null;
  storedAt: number;
}

/** Most entries kept; the oldest go first. */
const MAX_ENTRIES = 256;
/** Largest body kept. */
const MAX_BODY_BYTES = 256 * 1024;
const PERSONAL_COOKIE = /(?:^|;\s*)minbar_(?:preview|d1)=/;
/** Headers a 304 does not repeat. */
const CONTENT_HEADERS = new Set(['content-length', 'content-type']);

const entries = new Map<string, Entry>();

/** Forgets every stored response (after a write, or in tests). */
export const clearResponseCache = (): void => entries.clear();

const ttlOf = (env: Pick<Bindings, 'RESPONSE_CACHE_SECONDS'>): number => Number(env.RESPONSE_CACHE_SECONDS ?? '5') * 1000;

const keyOf = (request: Request): string => `${request.url}\n${request.headers.get('Accept') ?? ''}`;

const isPersonal = (request: Request): boolean =>
  PERSONAL_COOKIE.test(request.headers.get('Cookie') ?? '') ||
  request.headers.has('X-D1-Bookmark') ||
  request.headers.has('Authorization');

const isReadable = (request: Request, ttl: number): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') && ttl > 0 && !isPersonal(request);

/**
 * The remembered answer to a public GET or HEAD, or null when the app must build it: nothing fresh is stored, or only
 * a validator is stored and the client does not have it.
 */
export function answerFromMemory(request: Request, env: Pick<Bindings, 'RESPONSE_CACHE_SECONDS'>): Response | null {
  const ttl = ttlOf(env);
  if (!isReadable(request, ttl)) return null;
  const entry = entries.get(keyOf(request));
  const now = Date.now();
  if (!entry || now - entry.storedAt >= ttl) return null;
  const notModified = entry.etag !== null && ifNoneMatchHits(request.headers.get('If-None-Match') ?? undefined, entry.etag);
  if (!notModified && entry.body === null) return null;
  const age: [string, string] = ['Age', String(Math.floor((now - entry.storedAt) / 1000))];
  if (notModified)
    return new Response(null, { status: 304, headers: [...entry.headers.filter(([name]) => !CONTENT_HEADERS.has(name)), age] });
  return new Response(request.method === 'HEAD' ? null : entry.body, { status: 200, headers: [...entry.headers, age] });
}

function store(key: string, entry: Entry): void {
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, entry);
}

/** Remembers public 200s (and validators from 304s) of GET requests; any successful write empties the memory. */
export const rememberResponses = (): MiddlewareHandler<AppEnv> =>
  async function rememberResponses(c, next) {
    await next();
    const request = c.req.raw;
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      if (c.res.status < 400) entries.clear();
      return;
    }
    if (request.method !== 'GET' || !isReadable(request, ttlOf(c.env))) return;
    const res = c.res;
    if (!res.headers.get('Cache-Control')?.startsWith('public') || res.headers.has('Set-Cookie')) return;
    const etag = res.headers.get('ETag');
    const headers = [...res.headers];
    // Only reached when memory had nothing fresh to answer with, so a learnt validator may replace a stale entry.
    if (res.status === 304 && etag) store(keyOf(request), { body: null, headers, etag, storedAt: Date.now() });
    if (res.status !== 200) return;
    const body = await res.clone().arrayBuffer();
    if (body.byteLength <= MAX_BODY_BYTES) store(keyOf(request), { body, headers, etag, storedAt: Date.now() });
  };
