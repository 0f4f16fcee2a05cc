// A moderator's edit of a comment (src/services/edit-comment.ts), from the desk and the admin API alike, against real
// D1: checked as a reader's comment is, the earlier version kept, and a text that another comment of the same reader
// already says refused rather than stored twice.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { Comment } from '../../../src/domain/comment.ts';
import { editCommentContent } from '../../../src/services/edit-comment.ts';
import { listEdits } from '../../../src/storage/comment-edits.ts';
import { getApprovedComment, getCommentsVersion } from '../../../src/storage/comments.ts';
import { getComment } from '../../../src/storage/moderation.ts';
import { newReader, type SeedOptions, seedComment } from '../helpers/comments.ts';

const NOW = new Date('2026-11-24T09:30:00.000Z');
let articles = 0;

async function seeded(body: string, options: Partial<SeedOptions> = {}): Promise<Comment> {
  const comment = await getComment(env.DB, await seedComment({ slug: `edit-service-${++articles}`, body, ...options }));
  if (!comment) throw new Error('seeded comment not found');
  return comment;
}

describe("a moderator's edit", () => {
  it('replaces name, website and text for readers, keeps the earlier version, and changes the ETags', async () => {
    const comment = await seeded('نص فيه خطأ', { url: 'https://old.example.org/' });
    const version = await getCommentsVersion(env.DB, comment.articleSlug);
    const outcome = await editCommentContent(
      env.DB,
      comment,
      { name: 'سالم', url: 'https://new.example.org/', body: 'نص مصحّح' },
      'huda',
      NOW,
    );
    expect(outcome).toEqual({ kind: 'saved' });
    expect(await getApprovedComment(env.DB, comment.articleSlug, comment.id)).toMatchObject({
      authorName: 'سالم',
      authorUrl: 'https://new.example.org/',
      body: 'نص مصحّح',
    });
    expect(await listEdits(env.DB, comment.id)).toEqual([
      {
        name: comment.authorName,
        url: 'https://old.example.org/',
        body: 'نص فيه خطأ',
        editedBy: 'huda',
        editedAt: NOW.toISOString(),
      },
    ]);
    expect(await getCommentsVersion(env.DB, comment.articleSlug)).toBeGreaterThan(version);
  });

  it('an empty website removes it', async () => {
    const comment = await seeded('موقع سيُحذف', { url: 'https://gone.example.org/' });
    expect(await editCommentContent(env.DB, comment, { name: 'قارئ', url: '', body: 'موقع سيُحذف' }, 'huda', NOW)).toEqual({
      kind: 'saved',
    });
    expect((await getComment(env.DB, comment.id))?.authorUrl).toBeNull();
  });

  it('refuses what a reader could not post, by field, and changes nothing', async () => {
    const comment = await seeded('يبقى كما هو');
    const outcome = await editCommentContent(env.DB, comment, { name: 'قارئ', url: 'not a website', body: '   ' }, 'huda', NOW);
    if (outcome.kind !== 'invalid') throw new Error(`not refused: ${outcome.kind}`);
    expect(Object.keys(outcome.errors).sort()).toEqual(['body', 'url']);
    expect((await getComment(env.DB, comment.id))?.body).toBe('يبقى كما هو');
    expect(await listEdits(env.DB, comment.id)).toEqual([]);
  });

  it("refuses the text of the same reader's other comment there, even with other diacritics, and keeps both", async () => {
    const reader = newReader();
    const first = await seeded('تحليل مفيد', { reader });
    const second = await getComment(env.DB, await seedComment({ slug: first.articleSlug, body: 'رأي آخر', reader }));
    if (!second) throw new Error('seeded comment not found');
    const outcome = await editCommentContent(env.DB, second, { name: reader.name, url: '', body: 'تَحْلِيلٌ مفيد' }, 'huda', NOW);
    expect(outcome).toEqual({ kind: 'duplicate' });
    expect((await getComment(env.DB, second.id))?.body).toBe('رأي آخر');
    expect((await getComment(env.DB, first.id))?.body).toBe('تحليل مفيد');
    expect(await listEdits(env.DB, second.id)).toEqual([]);
  });
});
