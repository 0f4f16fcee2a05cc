// Signing in to the desk the way a browser does: the sign-in form's token, the session cookie, the CSRF field.
import { env } from 'cloudflare:workers';
import { hashPassword } from '../../../src/domain/password.ts';
import { attributesOf } from '../../worker/helpers/html.ts';
import { ORIGIN, request } from './http.ts';

let counter = 0;

/** A fresh moderator account in D1 (through the same hashing as `npm run moderator`), with its password. */
export async function newModerator(): Promise<{ name: string; password: string }> {
  counter += 1;
  const name = `mod${counter}-${crypto.randomUUID().slice(0, 6)}`;
  const password = `pw-${crypto.randomUUID()}`;
  const stored = await hashPassword(password);
  await env.DB.prepare('INSERT INTO moderators (name, password_hash, salt, iterations, created_at) VALUES (?1, ?2, ?3, ?4, ?5)')
    .bind(name, stored.hash, stored.salt, stored.iterations, new Date().toISOString())
    .run();
  return { name, password };
}

/** The value of the first `name="csrf"` field of a page. */
export async function csrfOf(html: string): Promise<string> {
  return (await attributesOf(html, 'input[name=csrf]', 'value'))[0] ?? '';
}

/** POSTs a desk form as the site's own page would (same origin), with the session cookie when given. */
export function postDesk(
  path: string,
  fields: Record<string, string | string[]>,
  cookie = '',
  headers: Record<string, string> = {},
) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
  return request(path, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: ORIGIN,
      'CF-Connecting-IP': '192.0.2.1',
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: body.toString(),
  });
}

/** Tries to sign in; returns the response. */
export async function attemptSignIn(name: string, password: string, ip = '192.0.2.1'): Promise<Response> {
  const token = await csrfOf(await (await request('/admin')).text());
  return postDesk('/admin/sign-in', { name, password, csrf: token, next: '/admin' }, '', { 'CF-Connecting-IP': ip });
}

/** A signed-in moderator: the Cookie header to send and the session's CSRF token. */
export interface DeskLogin {
  name: string;
  cookie: string;
  csrf: string;
}

/** Signs a (new, unless given) moderator in. */
export async function signIn(account?: { name: string; password: string }): Promise<DeskLogin> {
  const { name, password } = account ?? (await newModerator());
  const response = await attemptSignIn(name, password, `192.0.2.${Math.floor(Math.random() * 250) + 1}`);
  if (response.status !== 303) throw new Error(`sign-in → ${response.status}`);
  const cookie = (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
  const csrf = await csrfOf(await (await deskGet('/admin', cookie)).text());
  return { name, cookie, csrf };
}

/** GETs a desk page with a session cookie. */
export function deskGet(path: string, cookie: string): Promise<Response> {
  return request(path, { headers: { Cookie: cookie } });
}

/** A comment's moderation log rows, oldest first: from, to and who. */
export const logRows = async (id: number) =>
  (
    await env.DB.prepare('SELECT from_status, to_status, actor FROM moderation_log WHERE comment_id = ?1 ORDER BY id')
      .bind(id)
      .all()
  ).results;
