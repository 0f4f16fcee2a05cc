/**
 * A small per-isolate memory of public responses, so a popular page costs a Map lookup instead of KV and D1 reads
 * and a render. Entries live RESPONSE_CACHE_SECONDS (default 5, far below the pages' max-age of 60) and carry an `Age`
 * header so downstream caches keep the 60-second promise. The memory is bounded by bytes as well as entries, frees
 * what expired whenever it stores, and cannot be pushed around: a URL with a query parameter no route reads is
 * not remembered, and only a change readers can see (`forgetArticle`) drops entries, only those of that article.
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
  /** The article slug the response shows, `search` for search results, `site` for the rest. */
  scope: string;
  /** Bytes it holds (body and headers), counted against MAX_TOTAL_BYTES. */
  bytes: number;
}

/** Most entries kept; the oldest go first. */
const MAX_ENTRIES = 256;
/** Largest body kept. */
const MAX_BODY_BYTES = 256 * 1024;
/** Most bytes kept in all; the oldest entries go first. */
const MAX_TOTAL_BYTES = 8 * 1024 * 1024;
/** Query parameters some route reads; a URL with any other is answered by the app and not remembered. */
const KNOWN_QUERY_PARAMETERS: ReadonlySet<string> = new Set([
  'page',
  'per_page',
  'category',
  'cursor',
  'limit',
  'q',
  'replyto',
  'comments_after',
  'sort',
]);
const SCOPED_PATH = /^\/(?:api\/)?articles\/([^/]+)/;
const SEARCH_PATH = /^\/(?:api\/)?search(?:\/|$)/;
const PERSONAL_COOKIE = /(?:^|;\s*)minbar_(?:preview|d1)=/;
/** Headers a 304 does not repeat. */
const CONTENT_HEADERS = new Set(['content-length', 'content-type']);

const entries = new Map<string, Entry>();
let totalBytes = 0;

function drop(key: string): void {
  const entry = entries.get(key);
  if (!entry) return;
  totalBytes -= entry.bytes;
  entries.delete(key);
}

/** Forgets every stored response (after a change that may show on any page, such as an erasure; and in tests). */
export function clearResponseCache(): void {
  entries.clear();
  totalBytes = 0;
}

/** How much the memory holds now (for tests of its bounds). */
export const responseCacheSize = (): { entries: number; bytes: number } => ({ entries: entries.size, bytes: totalBytes });

/**
 * Forgets what shows an article's comments (its page, JSON, comments and their feeds) and search results, after a
 * change readers can see (a comment approved, unapproved or deleted). Nothing else is dropped.
 * @example forgetArticle(article.slug)
 */
export function forgetArticle(slug: string): void {
  for (const [key, entry] of entries) if (entry.scope === slug || entry.scope === 'search') drop(key);
}

function scopeOf(url: URL): string {
  let path: string;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    return 'site';
  }
  const article = SCOPED_PATH.exec(path);
  if (article) return article[1] as string;
  return SEARCH_PATH.test(path) ? 'search' : 'site';
}

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

/** Stores an entry after freeing what expired, then the oldest entries until it fits both bounds. */
function store(key: string, entry: Omit<Entry, 'bytes'>, ttl: number): void {
  drop(key);
  const bytes = (entry.body?.byteLength ?? 0) + entry.headers.reduce((n, [name, value]) => n + name.length + value.length, 0);
  // Entries are kept in the order they were stored, so the expired ones are at the front.
  for (const [oldest, { storedAt }] of entries) {
    if (entry.storedAt - storedAt < ttl && entries.size < MAX_ENTRIES && totalBytes + bytes <= MAX_TOTAL_BYTES) break;
    drop(oldest);
  }
  entries.set(key, { ...entry, bytes });
  totalBytes += bytes;
}

/** Whether every query parameter of the URL is one some route reads. */
const hasOnlyKnownParameters = (url: URL): boolean =>
  [...url.searchParams.keys()].every((name) => KNOWN_QUERY_PARAMETERS.has(name));

/** Remembers public 200s (and validators from 304s) of GET requests. Writes drop entries through forgetArticle. */
export const rememberResponses = (): MiddlewareHandler<AppEnv> =>
  async function rememberResponses(c, next) {
    await next();
    const request = c.req.raw;
    const ttl = ttlOf(c.env);
    if (request.method !== 'GET' || !isReadable(request, ttl)) return;
    const res = c.res;
    if (!res.headers.get('Cache-Control')?.startsWith('public') || res.headers.has('Set-Cookie')) return;
    const url = new URL(request.url);
    if (!hasOnlyKnownParameters(url)) return;
    const etag = res.headers.get('ETag');
    const headers = [...res.headers];
    const scope = scopeOf(url);
    // Only reached when memory had nothing fresh to answer with, so a learnt validator may replace a stale entry.
    if (res.status === 304 && etag) store(keyOf(request), { body: null, headers, etag, storedAt: Date.now(), scope }, ttl);
    if (res.status !== 200) return;
    const body = await res.clone().arrayBuffer();
    if (body.byteLength <= MAX_BODY_BYTES) store(keyOf(request), { body, headers, etag, storedAt: Date.now(), scope }, ttl);
  };
