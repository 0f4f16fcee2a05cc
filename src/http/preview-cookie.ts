/**
 * The author's preview of a held comment: a signed cookie, scoped to the article's path, that lets only this
 * browser see its own pending comments for 10 minutes. Pages that use it are never cached publicly. Signed with
 * COOKIE_SIGNING_SECRET; without it no preview is offered (the comment is still held and stored).
 */
import type { Context } from 'hono';
import { getSignedCookie, setSignedCookie } from 'hono/cookie';
import type { AppEnv } from '../env.ts';
import { articlePath } from '../urls.ts';

const COOKIE = 'minbar_preview';
/** How long an author sees their held comment. */
const PREVIEW_SECONDS = 600;
const MAX_IDS = 10;

// A key of its own: knowing (or rotating) the IP hash key must not forge or invalidate cookies, and back.
const secretOf = (c: Context<AppEnv>) => c.env.COOKIE_SIGNING_SECRET || null;

/** Ids of held comments this browser may see on this article (empty when none or expired). */
export async function readPreviewIds(c: Context<AppEnv>): Promise<number[]> {
  const secret = secretOf(c);
  if (!secret) return [];
  const value = await getSignedCookie(c, secret, COOKIE);
  const match = typeof value === 'string' ? /^(\d+)_([\d-]+)$/.exec(value) : null;
  if (!match || Number(match[1]) * 1000 < Date.now()) return [];
  return (match[2] ?? '').split('-').map(Number).filter(Number.isSafeInteger);
}

/** Adds a held comment to this browser's preview of the article. */
export async function addPreviewId(c: Context<AppEnv>, slug: string, id: number): Promise<void> {
  const secret = secretOf(c);
  if (!secret) return;
  const ids = [...(await readPreviewIds(c)), id].slice(-MAX_IDS);
  const expires = Math.floor(Date.now() / 1000) + PREVIEW_SECONDS;
  await setSignedCookie(c, COOKIE, `${expires}_${ids.join('-')}`, secret, {
    path: articlePath(slug),
    httpOnly: true,
    sameSite: 'Lax',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: PREVIEW_SECONDS,
  });
}
