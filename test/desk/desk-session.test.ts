import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { hashPassword, PBKDF2_ITERATIONS, verifyPassword } from '../../src/domain/password.ts';
import { answerFromMemory } from '../../src/http/response-cache.ts';
import { textsOf } from '../worker/helpers/html.ts';
import { attemptSignIn, deskGet, newModerator, postDesk, signIn } from './helpers/desk.ts';
import { ORIGIN, request, requestWithEnv } from './helpers/http.ts';

const sha256 = async (text: string) =>
  [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('');

describe('moderator passwords', () => {
  it('are PBKDF2-SHA-256 with 100,000 iterations (the most production Workers allow) and a salt per account', async () => {
    const a = await hashPassword('same password');
    const b = await hashPassword('same password');
    expect(PBKDF2_ITERATIONS).toBe(100_000);
    expect(a.iterations).toBe(100_000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(await verifyPassword('same password', a)).toBe(true);
    expect(await verifyPassword('same passworD', a)).toBe(false);
  });
});

describe('GET /admin', () => {
  it('shows the sign-in form, never stored or indexed', async () => {
    const response = await request('/admin');
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('X-Robots-Tag')).toContain('noindex');
    const html = await response.text();
    expect(html).toContain('<meta name="robots" content="noindex, nofollow"/>');
    expect(await textsOf(html, 'h1')).toEqual(['تسجيل الدخول إلى مكتب التحرير']);
  });

  it('is never answered from or kept in the response memory, even with the memory on', async () => {
    const login = await signIn();
    const init = { headers: { Cookie: login.cookie } };
    const first = await requestWithEnv('/admin/comments', { RESPONSE_CACHE_SECONDS: '5' }, init);
    expect(first.status).toBe(200);
    await first.text();
    expect(answerFromMemory(new Request(`${ORIGIN}/admin/comments`, init), { RESPONSE_CACHE_SECONDS: '5' })).toBeNull();
    expect(answerFromMemory(new Request(`${ORIGIN}/admin`), { RESPONSE_CACHE_SECONDS: '5' })).toBeNull();
  });
});

describe('POST /admin/sign-in', () => {
  it('starts a session in a signed, HttpOnly, Secure, SameSite=Strict cookie scoped to /admin for a working day', async () => {
    const { name, password } = await newModerator();
    const response = await attemptSignIn(name, password, '192.0.2.10');
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/admin');
    const cookie = response.headers.get('Set-Cookie') ?? '';
    expect(cookie).toMatch(/^minbar_desk=[^;]+\.[^;]+;/);
    expect(cookie).toContain('Max-Age=28800');
    expect(cookie).toContain('Path=/admin');
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('Secure');
    expect(cookie).toContain('SameSite=Strict');
    const home = await deskGet('/admin', cookie.split(';')[0] ?? '');
    expect(await textsOf(await home.text(), 'h1')).toEqual(['مكتب التحرير']);
  });

  it('refuses a wrong password and an unknown name with the same answer', async () => {
    const { name } = await newModerator();
    const wrong = await attemptSignIn(name, 'not the password', '192.0.2.11');
    const unknown = await attemptSignIn('nobody-here', 'whatever', '192.0.2.12');
    for (const response of [wrong, unknown]) {
      expect(response.status).toBe(401);
      expect(response.headers.has('Set-Cookie')).toBe(false);
      expect(await textsOf(await response.text(), '.form-alert')).toEqual(['الاسم أو كلمة المرور غير صحيحة.']);
    }
  });

  it('locks an account after 5 failures, even for the right password, without saying so differently per cause', async () => {
    const { name, password } = await newModerator();
    for (let i = 0; i < 5; i++) expect((await attemptSignIn(name, 'wrong', `192.0.2.${20 + i}`)).status).toBe(401);
    const locked = await attemptSignIn(name, password, '192.0.2.30');
    expect(locked.status).toBe(429);
    expect(locked.headers.get('Retry-After')).toBe('900');
    expect(locked.headers.has('Set-Cookie')).toBe(false);
  });

  it('limits failures per client across accounts', { timeout: 30_000 }, async () => {
    const { name, password } = await newModerator();
    for (let i = 0; i < 20; i++) await attemptSignIn(`guess${i}`, 'wrong', '192.0.2.40');
    expect((await attemptSignIn(name, password, '192.0.2.40')).status).toBe(429);
    expect((await attemptSignIn(name, password, '192.0.2.41')).status).toBe(303);
  });

  it('refuses a form without its CSRF token, or posted from another site', async () => {
    const { name, password } = await newModerator();
    const noToken = await postDesk('/admin/sign-in', { name, password, next: '/admin' });
    expect(noToken.status).toBe(403);
    expect(noToken.headers.has('Set-Cookie')).toBe(false);
    const crossSite = await postDesk('/admin/sign-in', { name, password }, '', { Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
  });

  it('only sends the moderator back into the desk', async () => {
    const { name, password } = await newModerator();
    const html = await (await request('/admin?next=//evil.example/')).text();
    expect(html).toContain('name="next" value="/admin"');
    const tokenHtml = await (await request('/admin')).text();
    const csrf = /name="csrf" value="([^"]+)"/.exec(tokenHtml)?.[1] ?? '';
    const response = await postDesk('/admin/sign-in', { name, password, csrf, next: 'https://evil.example/admin' });
    expect(response.headers.get('Location')).toBe('/admin');
  });
});

describe('desk sessions', () => {
  it('sends a request without a session, or with a tampered cookie, to sign in', async () => {
    const login = await signIn();
    const [value = ''] = login.cookie.split('=').slice(1);
    const tampered = `minbar_desk=${value.startsWith('A') ? 'B' : 'A'}${value.slice(1)}`;
    for (const cookie of ['', tampered]) {
      const response = await deskGet('/admin/comments', cookie);
      expect(response.status).toBe(401);
      expect(await textsOf(await response.text(), 'h1')).toEqual(['تسجيل الدخول إلى مكتب التحرير']);
    }
  });

  it('ends a session that has expired on the server', async () => {
    const login = await signIn();
    await env.DB.prepare("UPDATE desk_sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE id_hash = ?1")
      .bind(await sha256(decodeURIComponent(login.cookie.slice('minbar_desk='.length)).split('.')[0] ?? ''))
      .run();
    expect((await deskGet('/admin/comments', login.cookie)).status).toBe(401);
  });

  it('signing out ends the session on the server: the old cookie no longer opens the desk', async () => {
    const login = await signIn();
    const out = await postDesk('/admin/sign-out', { csrf: login.csrf }, login.cookie);
    expect(out.status).toBe(303);
    expect(out.headers.get('Set-Cookie')).toMatch(/minbar_desk=;.*Max-Age=0/);
    expect((await deskGet('/admin/comments', login.cookie)).status).toBe(401);
  });

  it('a moderator disabled mid-session is out at the next request', async () => {
    const login = await signIn();
    expect((await deskGet('/admin/comments', login.cookie)).status).toBe(200);
    await env.DB.prepare('UPDATE moderators SET disabled_at = ?2 WHERE name = ?1')
      .bind(login.name, new Date().toISOString())
      .run();
    expect((await deskGet('/admin/comments', login.cookie)).status).toBe(401);
    const refused = await postDesk('/admin/sign-out', { csrf: login.csrf }, login.cookie);
    expect(refused.status).toBe(401);
  });

  it('refuses a desk form without the session CSRF token, with a wrong one, or from another site', async () => {
    const login = await signIn();
    expect((await postDesk('/admin/sign-out', {}, login.cookie)).status).toBe(403);
    expect((await postDesk('/admin/sign-out', { csrf: 'forged' }, login.cookie)).status).toBe(403);
    expect(
      (await postDesk('/admin/sign-out', { csrf: login.csrf }, login.cookie, { Origin: 'https://evil.example' })).status,
    ).toBe(403);
    expect((await deskGet('/admin/comments', login.cookie)).status).toBe(200);
  });
});
