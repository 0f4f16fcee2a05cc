/**
 * The desk's sessions and form protection. A session is a random id in a signed, HttpOnly, Secure, SameSite=Strict
 * cookie scoped to /admin; the server keeps its sha-256 with an expiry of a working day, and sign-out revokes it,
 * so a copied cookie stops working the moment its owner signs out or their account is disabled.
 * Every desk form carries a CSRF token (the session's own; before sign-in a signed, short-lived one) and every
 * POST is also checked by origin (Hono's csrf()).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, getSignedCookie, setSignedCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { jwk } from 'hono/jwk';
import type { HonoJsonWebKey } from 'hono/utils/jwt/jws';
import { hmacHex, sha256Hex } from '../crypto.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { createSession, type DeskSession, getLiveSession, revokeSession } from '../storage/moderators.ts';

/** The signed-in moderator of a desk request. */
interface DeskVariables {
  session: DeskSession;
}

/** The environment of the desk's routes: the app's, plus the session. */
export interface DeskEnv extends AppEnv {
  Variables: AppEnv['Variables'] & DeskVariables;
}

const COOKIE = 'minbar_desk';
/** Where the cookie is sent: the desk only. */
const DESK_PATH = '/admin';
/** A working day. */
const SESSION_SECONDS = 8 * 3600;
/** How long the sign-in form's token stays valid. */
const SIGNIN_TOKEN_SECONDS = 3600;

const secretOf = <E extends AppEnv>(c: Context<E>): string => {
  const secret = c.env.IP_HASH_SECRET;
  if (!secret) throw new ProblemError(503, 'The desk is not configured: the IP_HASH_SECRET secret is not set.');
  return `${secret}:desk-session`;
};

const randomToken = (): string =>
  btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(32))))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');

/** Equal strings, compared without an early exit. */
export function sameToken(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= (a.charCodeAt(i) | 0) ^ (b.charCodeAt(i) | 0);
  return difference === 0;
}

/** Every desk response: never stored by anyone, never indexed. */
export const deskHeaders = (): MiddlewareHandler<AppEnv> =>
  async function deskHeaders(c, next) {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
    c.res.headers.set('X-Robots-Tag', 'noindex, nofollow');
  };

/** Refuses a form posted from another site (Origin / Sec-Fetch-Site), like the reader's comment form. */
export const sameOrigin = (): MiddlewareHandler<AppEnv> =>
  csrf({
    origin: (origin, c) =>
      origin === new URL(c.req.url).origin || origin === new URL((c.env as AppEnv['Bindings']).SITE_URL).origin,
  }) as MiddlewareHandler<AppEnv>;

/** Starts a session for a moderator who just proved who they are; sets the cookie. */
export async function startSession<E extends AppEnv>(c: Context<E>, moderatorId: number): Promise<void> {
  const id = randomToken();
  const now = Date.now();
  await createSession(c.env.DB, {
    idHash: await sha256Hex(id),
    moderatorId,
    csrfToken: randomToken(),
    createdAt: new Date(now).toISOString(),
    expiresAt: new Date(now + SESSION_SECONDS * 1000).toISOString(),
  });
  await setSignedCookie(c, COOKIE, id, secretOf(c), {
    path: DESK_PATH,
    httpOnly: true,
    secure: true,
    sameSite: 'Strict',
    maxAge: SESSION_SECONDS,
  });
}

async function sessionIdHash<E extends AppEnv>(c: Context<E>): Promise<string | null> {
  const id = await getSignedCookie(c, secretOf(c), COOKIE);
  return typeof id === 'string' && id !== '' ? sha256Hex(id) : null;
}

/**
 * The live session of this request, or null (no cookie, a tampered one, expired, revoked, or account disabled);
 * without a desk session, a valid Cloudflare Access identity when Access is configured.
 */
export async function readSession<E extends AppEnv>(c: Context<E>): Promise<DeskSession | null> {
  const idHash = await sessionIdHash(c);
  const session = idHash ? await getLiveSession(c.env.DB, idHash, new Date().toISOString()) : null;
  return session ?? readAccessIdentity(c);
}

/** The cookie Cloudflare Access sets on the application's domain after its sign-in. */
const ACCESS_COOKIE = 'CF_Authorization';
/** How long the team's signing keys are kept in memory. */
const ACCESS_KEYS_SECONDS = 600;
let accessKeys: { url: string; keys: HonoJsonWebKey[]; at: number } | undefined;

/** The Access team's public keys (its JWKS), fetched once per ACCESS_KEYS_SECONDS per isolate. */
async function teamKeys(url: string): Promise<HonoJsonWebKey[]> {
  if (accessKeys?.url === url && Date.now() - accessKeys.at < ACCESS_KEYS_SECONDS * 1000) return accessKeys.keys;
  const response = await fetch(url);
  if (!response.ok) throw new Error(`Access keys: ${response.status}`);
  const { keys } = (await response.json()) as { keys: HonoJsonWebKey[] };
  accessKeys = { url, keys, at: Date.now() };
  return keys;
}

/** Forgets the Access keys (tests rotate them). */
export const forgetAccessKeys = (): void => {
  accessKeys = undefined;
};

/**
 * The Cloudflare Access user of this request, verified with Hono's JWK middleware against the team's keys (RS256,
 * this application's AUD, the team as issuer, unexpired), or null. Their email is the name the log records; their
 * forms' CSRF token is derived from it.
 */
async function readAccessIdentity<E extends AppEnv>(c: Context<E>): Promise<DeskSession | null> {
  const team = c.env.ACCESS_TEAM_DOMAIN?.replace(/^https:\/\//, '').replace(/\/+$/, '');
  const aud = c.env.ACCESS_AUD;
  if (!team || !aud || !getCookie(c, ACCESS_COOKIE)) return null;
  const verify = jwk({
    keys: () => teamKeys(`https://${team}/cdn-cgi/access/certs`),
    cookie: ACCESS_COOKIE,
    alg: ['RS256'],
    verification: { aud, iss: `https://${team}` },
  });
  const context = c as unknown as Context;
  let verified = false;
  try {
    await verify(context, async () => {
      verified = true;
    });
  } catch {
    return null;
  }
  const payload = context.get('jwtPayload') as { email?: unknown; exp?: unknown } | undefined;
  const email = typeof payload?.email === 'string' ? payload.email.slice(0, 100) : '';
  if (!verified || !email) return null;
  return {
    moderatorId: 0,
    moderatorName: email,
    csrfToken: await hmacHex(secretOf(c), `access-csrf:${email}`),
    expiresAt: new Date(Number(payload?.exp ?? 0) * 1000).toISOString(),
  };
}

/** Ends this request's session on the server and clears the cookie. */
export async function endSession<E extends AppEnv>(c: Context<E>): Promise<void> {
  const idHash = await sessionIdHash(c);
  if (idHash) await revokeSession(c.env.DB, idHash, new Date().toISOString());
  deleteCookie(c, COOKIE, { path: DESK_PATH, secure: true });
}

/** A token for the sign-in form: expiry and its HMAC, so it needs no session and cannot be made elsewhere. */
export async function signinToken<E extends AppEnv>(c: Context<E>): Promise<string> {
  const expires = Math.floor(Date.now() / 1000) + SIGNIN_TOKEN_SECONDS;
  return `${expires}.${await hmacHex(secretOf(c), `signin:${expires}`)}`;
}

/** Whether a sign-in form's token is one this site made and is still valid. */
export async function checkSigninToken<E extends AppEnv>(c: Context<E>, token: string): Promise<boolean> {
  const [expires = '', mac = ''] = token.split('.');
  if (!/^\d{10}$/.test(expires) || Number(expires) * 1000 < Date.now()) return false;
  return sameToken(mac, await hmacHex(secretOf(c), `signin:${expires}`));
}
