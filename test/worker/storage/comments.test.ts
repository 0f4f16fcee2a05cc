import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertComment, type NewComment } from '../../../src/storage/comments.ts';
import { claimIdempotencyKey } from '../../../src/storage/idempotency.ts';

const claim = (key: string) =>
  claimIdempotencyKey(env.DB, {
    key,
    requestFingerprint: 'f',
    createdAt: new Date().toISOString(),
    expiredBefore: '2000-01-01T00:00:00Z',
    abandonedBefore: '2000-01-01T00:00:00Z',
  });

const comment = (body: string, key?: string, responseBody = '{"id":0,"body":"x"}'): NewComment => ({
  articleSlug: 'ankara-energy',
  parentId: null,
  depth: 1,
  authorName: 'a',
  authorEmail: `${crypto.randomUUID()}@example.com`,
  authorUrl: null,
  body,
  bodyFingerprint: 'a'.repeat(64),
  status: 'approved',
  createdAt: new Date().toISOString(),
  ipHash: 'b'.repeat(64),
  userAgent: '',
  ...(key ? { idempotency: { key, responseStatus: 201, responseBody } } : {}),
});

const versionOf = async () =>
  env.DB.prepare("SELECT version FROM comment_versions WHERE article_slug = 'ankara-energy'").first<number>('version');
const countBody = async (body: string) =>
  env.DB.prepare('SELECT count(*) AS n FROM comments WHERE body = ?1').bind(body).first<number>('n');

describe('insertComment', () => {
  it('writes the comment, the first response under its claimed key (with the new id) and the version bump together', async () => {
    const before = (await versionOf()) ?? 0;
    expect(await claim('key-together')).toBe(true);
    expect(await claim('key-together')).toBe(false);
    const result = await insertComment(env.DB, comment('معاً', 'key-together'));
    expect(result).toEqual({ id: expect.any(Number) });
    expect(await versionOf()).toBe(before + 1);
    const record = await env.DB.prepare(
      "SELECT comment_id, response_body FROM idempotency_keys WHERE key = 'key-together'",
    ).first();
    const id = (result as { id: number }).id;
    expect(record).toEqual({ comment_id: id, response_body: `{"id":${id},"body":"x"}` });
  });

  it('leaves nothing half-written when a later statement of the batch fails', async () => {
    await claim('key-broken');
    const before = await versionOf();
    await expect(insertComment(env.DB, comment('الثاني', 'key-broken', 'not json'))).rejects.toThrow(/JSON/i);
    expect(await countBody('الثاني')).toBe(0);
    expect(await versionOf()).toBe(before);
  });

  it('lets the database refuse a duplicate, so concurrent duplicates cannot both land', async () => {
    const twin = comment('توأم');
    const results = await Promise.all([insertComment(env.DB, twin), insertComment(env.DB, twin)]);
    expect(results.filter((r) => 'conflict' in r)).toEqual([{ conflict: 'duplicate' }]);
    expect(await countBody('توأم')).toBe(1);
  });

  it('enforces the schema: characters, not bytes; no unknown status', async () => {
    expect('id' in (await insertComment(env.DB, comment('ب'.repeat(65_525))))).toBe(true);
    await expect(insertComment(env.DB, comment('ب'.repeat(65_526)))).rejects.toThrow(/CHECK/);
    await expect(insertComment(env.DB, { ...comment('x'), status: 'published' as 'approved' })).rejects.toThrow(/CHECK/);
  });
});
