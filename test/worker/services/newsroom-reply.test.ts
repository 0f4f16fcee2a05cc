// The newsroom's reply from the desk (src/services/newsroom-reply.ts), against real D1: published at once under the
// comment, as the newsroom, with no client data; only under a comment readers can see, and not twice.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { type Comment, MAX_DEPTH } from '../../../src/domain/comment.ts';
import { newsroomReplyBody, replyAsNewsroom } from '../../../src/services/newsroom-reply.ts';
import { getApprovedComment, getCommentsVersion } from '../../../src/storage/comments.ts';
import { getComment } from '../../../src/storage/moderation.ts';
import { REMOVED_IP_HASH } from '../../../src/storage/retention.ts';
import { COMMENT_LIMITS } from '../../../src/validation/comment.ts';
import { type SeedOptions, seedComment } from '../helpers/comments.ts';

const SLUG = 'benghazi-port';
const NOW = new Date('2026-11-22T08:00:00.000Z');

async function parent(body: string, options: Partial<SeedOptions> = {}): Promise<Comment> {
  const comment = await getComment(env.DB, await seedComment({ slug: SLUG, body, ...options }));
  if (!comment) throw new Error('seeded comment not found');
  return comment;
}

describe("the newsroom's reply", () => {
  it('is published at once under the comment, as the newsroom, and the article page changes', async () => {
    const comment = await parent('سؤال للتحرير');
    const version = await getCommentsVersion(env.DB, SLUG);
    const outcome = await replyAsNewsroom(env.DB, comment, 'شكراً، صحّحنا الخطأ.', NOW);
    if (outcome.kind !== 'published') throw new Error(`not published: ${outcome.kind}`);
    expect(await getApprovedComment(env.DB, SLUG, outcome.id)).toMatchObject({
      parentId: comment.id,
      depth: comment.depth + 1,
      authorName: 'فريق التحرير',
      authorUrl: null,
      body: 'شكراً، صحّحنا الخطأ.',
      createdAt: NOW.toISOString(),
      role: 'newsroom',
    });
    expect(await getCommentsVersion(env.DB, SLUG)).toBeGreaterThan(version);
  });

  it('keeps no client data and no real address (the desk shows what is stored)', async () => {
    const outcome = await replyAsNewsroom(env.DB, await parent('بلا بيانات'), 'ردّ التحرير', NOW);
    const stored = outcome.kind === 'published' ? await getComment(env.DB, outcome.id) : null;
    expect(stored).toMatchObject({
      status: 'approved',
      authorEmail: 'newsroom@minbar.invalid',
      ipHash: REMOVED_IP_HASH,
      userAgent: '',
    });
  });

  it('replies under a comment one level above the deepest, not under one at the deepest level', async () => {
    expect((await replyAsNewsroom(env.DB, await parent('عميق', { depth: MAX_DEPTH - 1 }), 'ردّ', NOW)).kind).toBe('published');
    expect(await replyAsNewsroom(env.DB, await parent('أعمق', { depth: MAX_DEPTH }), 'ردّ', NOW)).toEqual({
      kind: 'not-replyable',
    });
  });

  it('does not reply under a comment readers cannot see', async () => {
    for (const status of ['pending', 'spam'] as const)
      expect(await replyAsNewsroom(env.DB, await parent(`محجوب ${status}`, { status }), 'ردّ', NOW), status).toEqual({
        kind: 'not-replyable',
      });
  });

  it('the same reply sent twice is published once', async () => {
    const comment = await parent('ردّ مكرر');
    expect((await replyAsNewsroom(env.DB, comment, 'ردّ واحد', NOW)).kind).toBe('published');
    expect(await replyAsNewsroom(env.DB, comment, 'ردّ  واحد', NOW)).toEqual({ kind: 'duplicate' });
  });
});

describe("the newsroom reply's text, as the desk and the admin API take it", () => {
  it("is published as typed, cleaned as a reader's is (trimmed, NFC, one kind of line break)", () => {
    expect(newsroomReplyBody('  شكراً\r\nصحّحنا الخطأ.  ')).toBe('شكراً\nصحّحنا الخطأ.'.normalize('NFC'));
  });

  it('is refused when nothing visible is left, or when it is longer than a comment may be', () => {
    expect(newsroomReplyBody('   \n\u200f ')).toBeNull();
    expect(newsroomReplyBody('ب'.repeat(COMMENT_LIMITS.body))).toBe('ب'.repeat(COMMENT_LIMITS.body));
    expect(newsroomReplyBody('ب'.repeat(COMMENT_LIMITS.body + 1))).toBeNull();
  });
});
