import { env } from 'cloudflare:workers';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkConfig, readConfig, SECRET_NAMES } from '../../src/config.ts';
import { findComments, newReader, type Reader } from './helpers/comments.ts';
import { ORIGIN, requestWithEnv, SEED_PATH } from './helpers/http.ts';
import { expectProblem } from './helpers/schemas.ts';

/** What vitest.config.ts and wrangler.jsonc configure: a valid site. */
const VALID = { ...env } as unknown as Record<string, unknown>;

const errorsOf = (vars: Record<string, unknown>) => {
  const result = checkConfig({ ...VALID, ...vars });
  return result.ok ? [] : result.errors;
};

describe('the configuration schema', () => {
  it('accepts the configuration of wrangler.jsonc and the tests, with numbers as numbers', () => {
    const result = checkConfig(VALID);
    expect(result.ok && result.config).toMatchObject({
      SITE_URL: 'https://minbar.test',
      COMMENT_MODERATION: 'first',
      COMMENT_MAX_LINKS: 2,
      COMMENTS_CLOSE_AFTER_DAYS: 0,
      RESPONSE_CACHE_SECONDS: 0,
    });
  });

  it('fills an unset var with the default wrangler.jsonc documents', () => {
    const { COMMENT_MODERATION, COMMENT_MAX_LINKS, COMMENTS_CLOSE_AFTER_DAYS, RESPONSE_CACHE_SECONDS, BUILD_ID, ...rest } = VALID;
    const result = checkConfig(rest);
    expect(result.ok && result.config).toMatchObject({
      COMMENT_MODERATION: 'first',
      COMMENT_MAX_LINKS: 2,
      COMMENTS_CLOSE_AFTER_DAYS: 0,
      RESPONSE_CACHE_SECONDS: 5,
      BUILD_ID: 'dev',
      COMMENT_MODERATION_WORDS: '',
    });
  });

  it.each([
    [
      'COMMENTS_CLOSE_AFTER_DAYS',
      '30 days',
      'COMMENTS_CLOSE_AFTER_DAYS: must be a whole number of 0 or more, written in digits (got "30 days")',
    ],
    [
      'COMMENTS_CLOSE_AFTER_DAYS',
      '-5',
      'COMMENTS_CLOSE_AFTER_DAYS: must be a whole number of 0 or more, written in digits (got "-5")',
    ],
    [
      'COMMENTS_CLOSE_AFTER_DAYS',
      '',
      'COMMENTS_CLOSE_AFTER_DAYS: must be a whole number of 0 or more, written in digits (got "")',
    ],
    ['COMMENT_MAX_LINKS', '3 links', 'COMMENT_MAX_LINKS: must be a whole number of 0 or more, written in digits (got "3 links")'],
    ['COMMENT_MAX_LINKS', '2.5', 'COMMENT_MAX_LINKS: must be a whole number of 0 or more, written in digits (got "2.5")'],
    [
      'RESPONSE_CACHE_SECONDS',
      'five',
      'RESPONSE_CACHE_SECONDS: must be a whole number of 0 or more, written in digits (got "five")',
    ],
    ['RESPONSE_CACHE_SECONDS', '61', 'RESPONSE_CACHE_SECONDS: must be at most 60'],
    ['COMMENT_MODERATION', 'nobody', 'COMMENT_MODERATION: must be one of first, all, none (got "nobody")'],
    ['COMMENT_MODERATION', 'None', 'COMMENT_MODERATION: must be one of first, all, none (got "None")'],
    ['COMMENT_MODERATION_WORDS', 42, 'COMMENT_MODERATION_WORDS: '],
    ['COMMENT_DISALLOWED_WORDS', ['x'], 'COMMENT_DISALLOWED_WORDS: '],
    ['SITE_URL', undefined, 'SITE_URL: must be set'],
    ['SITE_URL', 'minbar.example.com', 'SITE_URL: must be an absolute http(s) origin'],
    ['SITE_URL', 'https://minbar.example.com/', 'SITE_URL: must be an absolute http(s) origin'],
    ['SITE_URL', 'https://minbar.example.com/news', 'SITE_URL: must be an absolute http(s) origin'],
    ['SITE_URL', 'ftp://minbar.example.com', 'SITE_URL: must be an absolute http(s) origin'],
    ['BUILD_ID', 'v1 "beta"', 'BUILD_ID: must be 1 to 64 letters, digits'],
    ['BUILD_ID', '', 'BUILD_ID: must be 1 to 64 letters, digits'],
    ['ADMIN_TOKEN', 'short', 'ADMIN_TOKEN: must be at least 16 characters'],
    ['IP_HASH_SECRET', 'x'.repeat(15), 'IP_HASH_SECRET: must be at least 16 characters'],
    ['COOKIE_SIGNING_SECRET', 'secret', 'COOKIE_SIGNING_SECRET: must be at least 16 characters'],
    ['TRASH_DAYS', '0', 'TRASH_DAYS: expected days (1-99999), got "0"'],
    ['MODERATOR_EMAILS', 'desk@example.org', 'MODERATOR_EMAILS: needs NOTIFY_FROM'],
  ])('refuses %s = %j with an error that names it', (name, value, message) => {
    const errors = errorsOf({ [name]: value });
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(message);
  });

  it.each([
    ['COMMENT_MAX_LINKS', '0', 0],
    ['COMMENTS_CLOSE_AFTER_DAYS', '365', 365],
    ['RESPONSE_CACHE_SECONDS', '60', 60],
    ['COMMENT_MODERATION', 'none', 'none'],
    ['COMMENT_MODERATION', 'all', 'all'],
    ['SITE_URL', 'http://localhost:9180', 'http://localhost:9180'],
    ['BUILD_ID', '0a1b2c3d4e5f', '0a1b2c3d4e5f'],
    ['ADMIN_TOKEN', '', ''],
    ['IP_HASH_SECRET', undefined, undefined],
  ])('accepts %s = %j', (name, value, parsed) => {
    const result = checkConfig({ ...VALID, [name]: value });
    expect(result.ok && result.config[name as keyof typeof result.config]).toEqual(result.ok ? parsed : 'not ok');
  });

  it('names every wrong variable at once', () => {
    expect(errorsOf({ COMMENT_MAX_LINKS: 'two', COMMENTS_CLOSE_AFTER_DAYS: '-1' }).map((e) => e.split(':')[0])).toEqual([
      'COMMENT_MAX_LINKS',
      'COMMENTS_CLOSE_AFTER_DAYS',
    ]);
  });

  it('knows the secrets npm start must have', () => {
    expect(SECRET_NAMES).toEqual(['ADMIN_TOKEN', 'IP_HASH_SECRET', 'COOKIE_SIGNING_SECRET']);
  });

  it('checks a configuration once: the same env gives the same result without a second check', () => {
    const vars = { ...VALID };
    expect(readConfig(vars)).toBe(readConfig(vars));
  });
});

describe('a misconfigured Worker', () => {
  afterEach(() => vi.restoreAllMocks());

  it.each([
    ['COMMENTS_CLOSE_AFTER_DAYS', '30 days'],
    ['COMMENT_MAX_LINKS', '3 links'],
    ['COMMENT_MODERATION', 'nobody'],
    ['RESPONSE_CACHE_SECONDS', '-1'],
    ['BUILD_ID', 'a b'],
    ['ADMIN_TOKEN', 'short'],
  ])('with %s = %j answers 500 problem+json naming it, and logs what is wrong', async (name, value) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const problem = await expectProblem(await requestWithEnv('/api/articles', { [name]: value }), 500);
    expect(problem.type).toBe(`${ORIGIN}/problems/misconfigured`);
    expect(problem.detail).toBe(`The site is misconfigured: ${name}. The Worker's log says what is wrong.`);
    expect(String(log.mock.calls[0]?.[0])).toContain(`${name}: must`);
  });

  it('without SITE_URL still answers a 500 problem naming it', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const problem = await expectProblem(await requestWithEnv('/api/articles', { SITE_URL: undefined }), 500);
    expect(problem.type).toBe(`${ORIGIN}/problems/misconfigured`);
    expect(problem.detail).toBe("The site is misconfigured: SITE_URL. The Worker's log says what is wrong.");
  });

  it('points at a problem type page that explains it', async () => {
    expect((await requestWithEnv('/problems/misconfigured', {})).status).toBe(200);
  });

  it('shows readers the Arabic error page (status 500) rather than the article', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = await requestWithEnv(SEED_PATH, { COMMENT_MAX_LINKS: 'many' }, { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(500);
    expect(response.headers.get('Content-Type')).toContain('text/html');
    expect(await response.text()).not.toContain('تركيا تعزز تعاونها العسكري');
  });

  it('never stores a comment it was sent', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const reader = newReader();
    const response = await postWithEnv({ COMMENT_MODERATION: 'off' }, reader, 'لا يُحفظ أبداً');
    expect(response.status).toBe(500);
    expect(await findComments('لا يُحفظ أبداً')).toEqual([]);
  });
});

/** POSTs a comment on an open article with some vars changed. */
function postWithEnv(vars: Record<string, string>, reader: Reader, body: string, fields: Record<string, string> = {}) {
  return requestWithEnv('/api/articles/ankara-energy/comments', vars, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
    body: JSON.stringify({ name: reader.name, email: reader.email, body, ...fields }),
  });
}

describe('moderation as configured by the vars', () => {
  it('COMMENT_MODERATION=none publishes a first comment at once (201)', async () => {
    const reader = newReader();
    expect((await postWithEnv({ COMMENT_MODERATION: 'none' }, reader, 'يُنشر فوراً')).status).toBe(201);
  });

  it('COMMENT_MODERATION=all holds a first comment (202)', async () => {
    const reader = newReader();
    expect((await postWithEnv({ COMMENT_MODERATION: 'all' }, reader, 'ينتظر المراجعة')).status).toBe(202);
  });

  it('COMMENT_MAX_LINKS=0 never holds a comment for its links', async () => {
    const reader = newReader();
    const body = 'http://a.example https://b.example www.c.example';
    expect((await postWithEnv({ COMMENT_MODERATION: 'none', COMMENT_MAX_LINKS: '0' }, reader, body)).status).toBe(201);
  });

  it('COMMENT_MAX_LINKS=1 holds a comment whose only link is its website', async () => {
    const reader = newReader();
    const response = await postWithEnv({ COMMENT_MODERATION: 'none', COMMENT_MAX_LINKS: '1' }, reader, 'بلا روابط', {
      url: 'http://site.example',
    });
    expect(response.status).toBe(202);
  });

  it('a moderation word holds the comment (202, never a 500)', async () => {
    const reader = newReader();
    const response = await postWithEnv({ COMMENT_MODERATION: 'none', COMMENT_MODERATION_WORDS: 'قمار' }, reader, 'عن القِمار');
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'pending' });
  });

  it('a disallowed word in the website sends the comment to spam, never published', async () => {
    const reader = newReader();
    const response = await postWithEnv({ COMMENT_MODERATION: 'none', COMMENT_DISALLOWED_WORDS: 'casino' }, reader, 'تعليق بريء', {
      url: 'https://casino.example',
    });
    expect(response.status).toBe(202);
    const [stored] = await findComments('تعليق بريء');
    expect(stored?.status).toBe('spam');
  });

  it('COMMENTS_CLOSE_AFTER_DAYS closes an article older than that to new comments (403 comments-closed)', async () => {
    const reader = newReader();
    const problem = await expectProblem(await postWithEnv({ COMMENTS_CLOSE_AFTER_DAYS: '1' }, reader, 'متأخر جداً'), 403);
    expect(problem.type).toBe(`${ORIGIN}/problems/comments-closed`);
  });
});
