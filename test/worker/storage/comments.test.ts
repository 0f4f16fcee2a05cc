import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { insertComment, type NewComment } from '../../../src/storage/comments.ts';

const comment = (body: string, key?: string): NewComment => ({
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
  ...(key ? { idempotency: { key, requestFingerprint: 'f', responseStatus: 201, expiredBefore: '2000-01-01T00:00:00Z' } } : {}),
});

const versionOf = async () =>
  env.DB.prepare("SELECT version FROM comment_versions WHERE article_slug = 'ankara-energy'").first<number>('version');
const countBody = async (body: string) =>
  env.DB.prepare('SELECT count(*) AS n FROM comments WHERE body = ?1').bind(body).first<number>('n');

describe('insertComment', () => {
  it('writes the comment, its idempotency record and the version bump together', async () => {
    const before = (await versionOf()) ?? 0;
    const result = await insertComment(env.DB, comment('معاً', 'key-together'));
    expect(result).toEqual({ id: expect.any(Number) });
    expect(await versionOf()).toBe(before + 1);
    const record = await env.DB.prepare("SELECT comment_id FROM idempotency_keys WHERE key = 'key-together'").first('comment_id');
    expect(record).toBe((result as { id: number }).id);
  });

  it('leaves nothing half-written when a later statement of the batch fails', async () => {
    await insertComment(env.DB, comment('الأول', 'key-taken'));
    const before = await versionOf();
    expect(await insertComment(env.DB, comment('الثاني', 'key-taken'))).toEqual({ conflict: 'idempotency-key' });
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
