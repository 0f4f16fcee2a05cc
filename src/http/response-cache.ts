/**
 * A small per-isolate memory of public responses, so a popular page costs a Map lookup instead of KV and D1 reads
 * and a render. Entries live RESPONSE_CACHE_SECONDS (default 5, far below the pages' max-age of 60), carry an `Age`
 * header so downstream caches keep the 60-second promise, and are dropped at once when this isolate takes a write.
 * Anything personal bypasses it: preview or bookmark cookies, a bookmark header, credentials.
 */
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { ifNoneMatchHits } from './caching.ts';

interface Entry {
  /** Null for a validator-only entry, learnt from a 304: it can answer revalidations, not full requests. */
  body: ArrayBuffer | null;
  status: number;
  headers: Array<[string, string]>;
  etag: string | null;
  storedAt: number;
}

/** Most entries kept; the oldest go first. */
const MAX_ENTRIES = 256;
/** Largest body kept. */
const MAX_BODY_BYTES = 256 * 1024;
const PERSONAL_COOKIE = /(?:^|;\s*)minbar_(?:preview|d1)=/;

const entries = new Map<string, Entry>();

/** Forgets every stored response (after a write, or in tests). */
export const clearResponseCache = (): void => entries.clear();

const isPersonal = (request: Request): boolean =>
  PERSONAL_COOKIE.test(request.headers.get('Cookie') ?? '') ||
  request.headers.has('X-D1-Bookmark') ||
  request.headers.has('Authorization');

/** The stored answer to `request`, or null when the entry cannot give it (a full request to a validator-only entry). */
function replay(entry: Entry, request: Request, now: number): Response | null {
  const fresh = entry.etag !== null && ifNoneMatchHits(request.headers.get('If-None-Match') ?? undefined, entry.etag);
  if (!fresh && entry.body === null) return null;
  const headers = new Headers(entry.headers);
  headers.set('Age', String(Math.floor((now - entry.storedAt) / 1000)));
  if (fresh) {
    headers.delete('Content-Length');
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(entry.body, { status: entry.status, headers });
}

function store(key: string, entry: Entry): void {
  entries.delete(key);
  if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value as string);
  entries.set(key, entry);
}

/** Serves fresh public GET responses from memory and stores new ones; any successful write empties it. */
export const responseCache = (): MiddlewareHandler<AppEnv> =>
  async function responseCache(c, next) {
    const ttl = Number(c.env.RESPONSE_CACHE_SECONDS ?? '5') * 1000;
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') {
      await next();
      if (c.res.status < 400) entries.clear();
      return;
    }
    if (!(ttl > 0) || isPersonal(c.req.raw)) return next();

    const key = `${c.req.url}\n${c.req.header('Accept') ?? ''}`;
    const now = Date.now();
    const hit = entries.get(key);
    const replayed = hit && now - hit.storedAt < ttl ? replay(hit, c.req.raw, now) : null;
    if (replayed) return replayed;

    await next();
    const res = c.res;
    if (!res.headers.get('Cache-Control')?.startsWith('public') || res.headers.has('Set-Cookie')) return;
    const etag = res.headers.get('ETag');
    if (res.status === 304 && etag && !hit?.body) {
      store(key, { body: null, status: 200, headers: [...res.headers], etag, storedAt: now });
      return;
    }
    if (res.status !== 200) return;
    const body = await res.clone().arrayBuffer();
    if (body.byteLength <= MAX_BODY_BYTES) store(key, { body, status: 200, headers: [...res.headers], etag, storedAt: now });
  };
