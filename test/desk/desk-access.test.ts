// Cloudflare Access on the desk. Access's key endpoint is outside this machine, so it is the one thing mocked: the
// test makes its own RSA key pair, serves the public half as the team's JWKS through a spied fetch, and signs tokens.
import { env } from 'cloudflare:workers';
import { sign } from 'hono/jwt';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { forgetAccessKeys } from '../../src/http/desk-session.ts';
import { seedComment } from '../worker/helpers/comments.ts';
import { textsOf } from '../worker/helpers/html.ts';
import { csrfOf } from './helpers/desk.ts';
import { ORIGIN, requestWithEnv } from './helpers/http.ts';

const TEAM = 'minbar-news.cloudflareaccess.com';
const AUD = 'desk-application-aud';
const ACCESS = { ACCESS_TEAM_DOMAIN: TEAM, ACCESS_AUD: AUD };
const CERTS = `https://${TEAM}/cdn-cgi/access/certs`;

let privateJwk: JsonWebKey & { kid: string };
let publicJwk: JsonWebKey & { kid: string };

beforeAll(async () => {
  const pair = (await crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    true,
    ['sign', 'verify'],
  )) as CryptoKeyPair;
  privateJwk = { ...((await crypto.subtle.exportKey('jwk', pair.privateKey)) as JsonWebKey), kid: 'test-key', alg: 'RS256' };
  publicJwk = { ...((await crypto.subtle.exportKey('jwk', pair.publicKey)) as JsonWebKey), kid: 'test-key', alg: 'RS256' };
});

const realFetch = globalThis.fetch;
beforeEach(() => {
  forgetAccessKeys();
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const href = input instanceof Request ? input.url : String(input);
    return href === CERTS ? Response.json({ keys: [publicJwk] }) : realFetch(input, init);
  });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const token = (claims: Record<string, unknown> = {}) =>
  sign(
    { aud: [AUD], iss: `https://${TEAM}`, email: 'huda@newsroom.example', exp: Math.floor(Date.now() / 1000) + 600, ...claims },
    privateJwk as never,
    'RS256',
  );

const asAccessUser = (jwt: string, init: RequestInit = {}) => ({
  ...init,
  headers: { Cookie: `CF_Authorization=${jwt}`, 'Cf-Access-Jwt-Assertion': jwt, ...(init.headers ?? {}) },
});

describe('the desk behind Cloudflare Access', () => {
  it('lets an Access user in with a valid token, and records their email in the log', async () => {
    const jwt = await token();
    const home = await requestWithEnv('/admin', ACCESS, asAccessUser(jwt));
    expect(home.status).toBe(200);
    const html = await home.text();
    expect(await textsOf(html, 'h1')).toEqual(['مكتب التحرير']);
    const id = await seedComment({ slug: 'benghazi-port', body: `عبر أكسس ${crypto.randomUUID()}`, status: 'pending' });
    const approved = await requestWithEnv(
      `/admin/comments/${id}/moderate`,
      ACCESS,
      asAccessUser(jwt, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
        body: new URLSearchParams({ csrf: await csrfOf(html), action: 'approve' }).toString(),
      }),
    );
    expect(approved.status).toBe(303);
    const actor = await env.DB.prepare('SELECT actor FROM moderation_log WHERE comment_id = ?1').bind(id).first('actor');
    expect(actor).toBe('huda@newsroom.example');
    expect(vi.mocked(globalThis.fetch).mock.calls.filter(([input]) => String(input) === CERTS).length).toBe(1);
  });

  it.each([
    ['for another application', { aud: ['another-app'] }],
    ['from another issuer', { iss: 'https://evil.cloudflareaccess.com' }],
    ['expired', { exp: Math.floor(Date.now() / 1000) - 60 }],
  ])('refuses a token %s', async (_, claims) => {
    const response = await requestWithEnv('/admin/comments', ACCESS, asAccessUser(await token(claims)));
    expect(response.status).toBe(401);
  });

  it('refuses a token signed with another key, and any token while Access is not configured', async () => {
    const other = (await crypto.subtle.generateKey(
      { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
      true,
      ['sign', 'verify'],
    )) as CryptoKeyPair;
    const forged = await sign(
      { aud: [AUD], iss: `https://${TEAM}`, email: 'x@evil.example', exp: Math.floor(Date.now() / 1000) + 600 },
      { ...((await crypto.subtle.exportKey('jwk', other.privateKey)) as JsonWebKey), kid: 'test-key', alg: 'RS256' } as never,
      'RS256',
    );
    expect((await requestWithEnv('/admin/comments', ACCESS, asAccessUser(forged))).status).toBe(401);
    expect((await requestWithEnv('/admin/comments', {}, asAccessUser(await token()))).status).toBe(401);
  });
});
