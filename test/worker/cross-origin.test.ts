import { describe, expect, it } from 'vitest';
import { newReader, postComment } from './helpers/comments.ts';
import { ADMIN_TOKEN, request, SEED_PATH } from './helpers/http.ts';

const PARTNER = 'https://partner.example';
const fromPartner = (path: string, init: RequestInit = {}) =>
  request(path, { ...init, headers: { Origin: PARTNER, ...(init.headers as Record<string, string>) } });
const preflight = (path: string, method: string, headers: string) =>
  request(path, {
    method: 'OPTIONS',
    headers: { Origin: PARTNER, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': headers },
  });

describe('cross-origin reads', () => {
  it.each([
    '/api/articles',
    `/api${SEED_PATH}`,
    `/api${SEED_PATH}/comments`,
    '/api/search?q=%D8%AA%D8%B1%D9%83%D9%8A%D8%A7',
    '/api/openapi.json',
    '/feed.json',
    '/feed.xml',
    '/categories/libya/feed.atom',
    `${SEED_PATH}/comments/feed.json`,
  ])('%s allows any origin and exposes ETag, Link, Location and Retry-After', async (path) => {
    const response = await fromPartner(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    const exposed = response.headers.get('Access-Control-Expose-Headers')?.split(/,\s*/);
    expect(exposed).toEqual(expect.arrayContaining(['ETag', 'Link', 'Location', 'Retry-After']));
  });

  it.each(['/api/articles/', '/feed.json/', `/api${SEED_PATH.toLowerCase()}`])(
    'the 301 to the canonical URL of %s allows any origin too, so a browser can follow it',
    async (path) => {
      const response = await fromPartner(path);
      expect(response.status).toBe(301);
      expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
      expect(response.headers.get('Access-Control-Expose-Headers')).toContain('Location');
    },
  );

  it('a 404 in the API is readable cross-origin, so a partner can show the problem', async () => {
    const response = await fromPartner('/api/articles/no-such-article');
    expect(response.status).toBe(404);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('the admin API and the HTML pages allow no other origin', async () => {
    const adminResponse = await fromPartner('/api/admin/comments', { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(adminResponse.status).toBe(200);
    expect(adminResponse.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const page = await fromPartner(SEED_PATH);
    expect(page.headers.get('Access-Control-Allow-Origin')).toBeNull();
    const adminPreflight = await preflight('/api/admin/comments/1', 'PATCH', 'authorization, content-type');
    expect(adminPreflight.headers.get('Access-Control-Allow-Origin')).toBeNull();
    expect(adminPreflight.headers.get('Access-Control-Allow-Methods')).toBeNull();
  });
});

describe('cross-origin comment posts', () => {
  it('a preflight for POST with JSON, an Idempotency-Key and a D1 bookmark is allowed, without credentials', async () => {
    const response = await preflight(`/api${SEED_PATH}/comments`, 'POST', 'content-type, idempotency-key, x-d1-bookmark');
    expect(response.status).toBe(204);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Allow-Methods')?.split(',')).toContain('POST');
    expect(response.headers.get('Access-Control-Allow-Headers')?.toLowerCase().split(',')).toEqual(
      expect.arrayContaining(['content-type', 'idempotency-key', 'x-d1-bookmark']),
    );
    expect(response.headers.get('Access-Control-Allow-Credentials')).toBeNull();
    expect(Number(response.headers.get('Access-Control-Max-Age'))).toBeGreaterThan(0);
  });

  it('a preflight on a read-only resource offers only GET and HEAD', async () => {
    const response = await preflight('/api/articles', 'POST', 'content-type');
    expect(response.headers.get('Access-Control-Allow-Methods')?.split(',')).toEqual(['GET', 'HEAD']);
  });

  it('a partner page can post a comment and read where it went and its bookmark', async () => {
    const reader = newReader();
    const response = await postComment(SEED_PATH, { name: 'شريك', email: reader.email, body: 'تعليق من تطبيق شريك.' }, reader, {
      Origin: PARTNER,
    });
    expect(response.status).toBe(202);
    expect(response.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect(response.headers.get('Access-Control-Expose-Headers')).toContain('X-D1-Bookmark');
  });
});
