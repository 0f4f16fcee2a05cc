// Posting and moderating comments the way clients do: over HTTP, with distinct client addresses.
import { env } from 'cloudflare:workers';
import { sha256Hex } from '../../../src/crypto.ts';
import { insertComment } from '../../../src/storage/comments.ts';
import { foldForMatching } from '../../../src/text/fold.ts';
import { ADMIN_TOKEN, request } from './http.ts';

let counter = 0;

/** A fresh client: its own IP address and email, so flood control and rate limits of other tests never apply. */
export function newReader(name = 'قارئ') {
  counter += 1;
  return {
    ip: `198.51.${Math.floor(counter / 250)}.${counter % 250}`,
    email: `reader${counter}-${crypto.randomUUID().slice(0, 8)}@example.com`,
    name,
  };
}

/** A reader as returned by newReader(). */
export type Reader = ReturnType<typeof newReader>;

/** POSTs JSON to an article's comments API as `reader`. */
export function postComment(path: string, body: Record<string, unknown>, reader: Reader, headers: Record<string, string> = {}) {
  return request(`/api${path}/comments`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip, ...headers },
    body: JSON.stringify(body),
  });
}

/** POSTs the article page's form as a browser on the site would; a header given as null is not sent. */
export function postForm(path: string, fields: Record<string, string>, ip: string, headers: Record<string, string | null> = {}) {
  const all: Record<string, string | null> = {
    'Content-Type': 'application/x-www-form-urlencoded',
    Origin: 'https://minbar.test',
    'Sec-Fetch-Site': 'same-origin',
    'CF-Connecting-IP': ip,
    ...headers,
  };
  const sent = Object.fromEntries(Object.entries(all).filter((entry): entry is [string, string] => entry[1] !== null));
  return request(`${path}/comments`, { method: 'POST', headers: sent, body: new URLSearchParams(fields).toString() });
}

/** Calls the admin API with the test token. */
export function admin(path: string, init: RequestInit = {}) {
  return request(`/api/admin${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
}

/** Admin view of a comment. */
export type AdminComment = {
  id: number;
  status: string;
  parent_id: number | null;
  depth: number;
  body: string;
  author: { name: string; email: string; url: string | null };
  ip_hash: string;
  user_agent: string;
};

/** The newest comments (admin view) whose body contains `text`. */
export async function findComments(text: string): Promise<AdminComment[]> {
  const { data } = (await (await admin('/comments?limit=100')).json()) as { data: AdminComment[] };
  return data.filter((c) => c.body.includes(text));
}

/** Sets a comment's status through the admin API. */
export async function setStatus(id: number, status: string) {
  const response = await admin(`/comments/${id}`, { method: 'PATCH', body: JSON.stringify({ status }) });
  if (response.status !== 200) throw new Error(`PATCH ${id} → ${response.status}: ${await response.text()}`);
}

/** What seedComment() may set; everything else gets a plausible default. */
export interface SeedOptions {
  slug: string;
  body: string;
  status?: 'pending' | 'approved' | 'spam';
  parentId?: number | null;
  depth?: number;
  reader?: Reader;
  url?: string | null;
  /** Minutes ago; old enough by default that flood control ignores it. */
  minutesAgo?: number;
}

/** Stores a comment directly through the storage layer (test data set-up, like a fixture), returning its id. */
export async function seedComment(o: SeedOptions): Promise<number> {
  const reader = o.reader ?? newReader();
  const at = new Date(Date.now() - (o.minutesAgo ?? 60) * 60_000).toISOString();
  const result = await insertComment(env.DB, {
    articleSlug: o.slug,
    parentId: o.parentId ?? null,
    depth: o.depth ?? 1,
    authorName: reader.name,
    authorEmail: reader.email,
    authorUrl: o.url ?? null,
    body: o.body,
    bodyFingerprint: await sha256Hex(foldForMatching(o.body)),
    status: o.status ?? 'approved',
    createdAt: at,
    ipHash: 'f'.repeat(64),
    userAgent: 'seed',
  });
  if ('conflict' in result) throw new Error(`seed conflict: ${result.conflict}`);
  return result.id;
}
