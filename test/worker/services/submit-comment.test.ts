// The one path a new comment takes, against the real local D1: what a commenter gets back and what moderators find.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import type { ArticleDocument } from '../../../src/domain/article.ts';
import { claimOrReplay } from '../../../src/services/idempotency.ts';
import { checkRateLimit, FLOOD_SECONDS, type SubmitContext, submitComment } from '../../../src/services/submit-comment.ts';
import { getArticle } from '../../../src/storage/articles.ts';
import { addBlock, type BlockKind } from '../../../src/storage/blocks.ts';
import { getDeskNotes } from '../../../src/storage/desk.ts';
import { getComment, setCommentStatus } from '../../../src/storage/moderation.ts';
import type { CommentInput } from '../../../src/validation/comment.ts';
import { settingsFrom } from '../helpers/config.ts';

const NOW = new Date('2026-11-30T10:00:00Z');
const later = (seconds: number) => new Date(NOW.getTime() + seconds * 1000);

let counter = 0;
/** A commenter of their own (IP hash and email), so flood control of other tests never applies. */
function commenter() {
  counter += 1;
  return {
    ipHash: `${'a'.repeat(60)}${String(counter).padStart(4, '0')}`,
    email: `svc${counter}-${crypto.randomUUID()}@example.com`,
  };
}

const article = async (slug = 'ankara-energy'): Promise<ArticleDocument> => {
  const found = await getArticle(env.ARTICLES, slug);
  if (!found) throw new Error(`test article ${slug} is not published`);
  return found;
};

function submit(
  input: Partial<CommentInput> & { email: string },
  ctx: Partial<SubmitContext> & { ipHash: string },
  on?: ArticleDocument,
) {
  return (async () =>
    submitComment(on ?? (await article()), { name: 'قارئ', body: `تعليق ${crypto.randomUUID()}`, ...input } as CommentInput, {
      db: env.DB,
      settings: settingsFrom(),
      userAgent: 'Test/1.0',
      now: NOW,
      honeypot: false,
      ...ctx,
    }))();
}

/** Stores an approved comment and returns its id. */
async function approvedComment(fields: Partial<CommentInput> = {}, slug = 'ankara-energy') {
  const who = commenter();
  const outcome = await submit(
    { email: who.email, ...fields },
    { ipHash: who.ipHash, settings: settingsFrom({ COMMENT_MODERATION: 'none' }) },
    await article(slug),
  );
  if (outcome.kind !== 'stored') throw new Error(`not stored: ${outcome.reason}`);
  return outcome.id;
}

describe('submitComment', () => {
  it('holds a first comment: 202, nothing public, stored pending with the hash, the user agent cut at 254 characters', async () => {
    const who = commenter();
    const outcome = await submit(
      { email: who.email, name: 'سالم', url: '', body: 'أول تعليق لي' },
      { ipHash: who.ipHash, userAgent: `Bot/${'ب'.repeat(300)}` },
    );
    expect(outcome).toMatchObject({ kind: 'stored', approved: null });
    const stored = outcome.kind === 'stored' ? await getComment(env.DB, outcome.id) : null;
    expect(stored).toMatchObject({
      status: 'pending',
      depth: 1,
      parentId: null,
      authorName: 'سالم',
      authorEmail: who.email,
      authorUrl: null,
      body: 'أول تعليق لي',
      ipHash: who.ipHash,
      createdAt: NOW.toISOString(),
    });
    expect([...(stored?.userAgent ?? '')]).toHaveLength(254);
    expect(stored?.userAgent.startsWith('Bot/بب')).toBe(true);
  });

  it('publishes at once when moderation is none, with the public comment', async () => {
    const who = commenter();
    const outcome = await submit(
      { email: who.email, name: 'منى', url: 'https://mona.example/', body: 'منشور فوراً' },
      { ipHash: who.ipHash, settings: settingsFrom({ COMMENT_MODERATION: 'none' }) },
    );
    expect(outcome.kind === 'stored' && outcome.approved).toEqual({
      id: outcome.kind === 'stored' ? outcome.id : -1,
      parentId: null,
      depth: 1,
      authorName: 'منى',
      authorUrl: 'https://mona.example/',
      body: 'منشور فوراً',
      createdAt: NOW.toISOString(),
      replyCount: 0,
      agreeCount: 0,
    });
  });

  it('approves a known author in mode first, by their earlier approved comment', async () => {
    const who = commenter();
    const first = await submit({ email: who.email }, { ipHash: who.ipHash });
    if (first.kind !== 'stored') throw new Error('not stored');
    const held = await getComment(env.DB, first.id);
    if (!held) throw new Error('not found');
    await setCommentStatus(env.DB, held, 'approved', 'test', NOW.toISOString());
    const second = await submit({ email: who.email }, { ipHash: commenter().ipHash, now: later(60) });
    expect(second).toMatchObject({ kind: 'stored', approved: expect.objectContaining({ authorName: expect.any(String) }) });
  });

  it('refuses a comment on a closed article, before anything is stored', async () => {
    const who = commenter();
    expect(await submit({ email: who.email }, { ipHash: who.ipHash }, await article('istanbul-talks'))).toStrictEqual({
      kind: 'refused',
      reason: 'closed',
    });
  });

  it(`refuses a second comment within ${FLOOD_SECONDS} s from the same IP or email, saying how long to wait`, async () => {
    const who = commenter();
    await submit({ email: who.email }, { ipHash: who.ipHash });
    expect(await submit({ email: commenter().email }, { ipHash: who.ipHash, now: later(5) })).toStrictEqual({
      kind: 'refused',
      reason: 'too-fast',
      retryAfter: 10,
    });
    expect(await submit({ email: who.email }, { ipHash: commenter().ipHash, now: later(14.5) })).toStrictEqual({
      kind: 'refused',
      reason: 'too-fast',
      retryAfter: 1,
    });
    expect(await submit({ email: who.email }, { ipHash: who.ipHash, now: later(FLOOD_SECONDS + 1) })).toMatchObject({
      kind: 'stored',
    });
  });

  it('refuses the same text twice from the same email on the same article, whatever its spelling', async () => {
    const who = commenter();
    await submit({ email: who.email, body: 'رأيي في المسؤول' }, { ipHash: who.ipHash });
    expect(await submit({ email: who.email, body: 'رايي في المسوول' }, { ipHash: who.ipHash, now: later(60) })).toStrictEqual({
      kind: 'refused',
      reason: 'duplicate',
    });
  });

  describe('replies', () => {
    it('nests a reply one level below an approved parent', async () => {
      const parent = await approvedComment();
      const who = commenter();
      const outcome = await submit({ email: who.email, parent_id: parent }, { ipHash: who.ipHash });
      const stored = outcome.kind === 'stored' ? await getComment(env.DB, outcome.id) : null;
      expect(stored).toMatchObject({ parentId: parent, depth: 2 });
    });

    it('refuses a reply to a held comment, to a comment of another article, to a missing one, or below level 5', async () => {
      const who = commenter();
      const held = await submit({ email: who.email }, { ipHash: who.ipHash });
      const other = await approvedComment({}, 'benghazi-port');
      let deepest = await approvedComment();
      for (let level = 2; level <= 5; level += 1) deepest = await approvedComment({ parent_id: deepest });
      expect((await getComment(env.DB, deepest))?.depth).toBe(5);
      for (const parent_id of [held.kind === 'stored' ? held.id : -1, other, 999_999, deepest]) {
        const next = commenter();
        expect(await submit({ email: next.email, parent_id }, { ipHash: next.ipHash })).toStrictEqual({
          kind: 'refused',
          reason: 'invalid-parent',
        });
      }
    });
  });

  describe('moderators and retries', () => {
    it('tells moderators of a held comment once, by its id, and never of a published or spam one', async () => {
      const held: number[] = [];
      const onHeld = (id: number) => held.push(id);
      const first = commenter();
      const outcome = await submit({ email: first.email }, { ipHash: first.ipHash, onHeld });
      expect(held).toEqual([outcome.kind === 'stored' ? outcome.id : -1]);
      const open = commenter();
      await submit(
        { email: open.email },
        { ipHash: open.ipHash, onHeld, settings: settingsFrom({ COMMENT_MODERATION: 'none' }) },
      );
      const bot = commenter();
      await submit({ email: bot.email }, { ipHash: bot.ipHash, onHeld, honeypot: true });
      expect(held).toHaveLength(1);
    });

    it('keeps the first response under the Idempotency-Key: the published comment with its id, or the held answer', async () => {
      for (const [mode, status] of [
        ['none', 201],
        ['all', 202],
      ] as const) {
        const who = commenter();
        const key = crypto.randomUUID();
        await claimOrReplay(env.DB, key, 'f', () => NOW);
        const outcome = await submit(
          { email: who.email, body: `محفوظ ${key}` },
          {
            ipHash: who.ipHash,
            settings: settingsFrom({ COMMENT_MODERATION: mode }),
            idempotency: {
              key,
              // As the API does: 201 with the comment when it is published, 202 when it is held.
              response: (approved) => ({
                responseStatus: approved ? 201 : 202,
                responseBody: JSON.stringify({ id: 0, body: approved?.body ?? null }),
              }),
            },
          },
        );
        if (outcome.kind !== 'stored') throw new Error('not stored');
        const replay = await claimOrReplay(env.DB, key, 'f', () => later(1));
        expect(replay).toMatchObject({ kind: 'replay', status, commentId: outcome.id });
        const body = replay.kind === 'replay' ? JSON.parse(replay.body) : null;
        expect(body).toEqual({ id: outcome.id, body: mode === 'none' ? `محفوظ ${key}` : null });
      }
    });
  });
});

describe('what the desk learns of a new comment', () => {
  /** Why the desk says a stored comment waits (undefined: nothing stored, as for a published one). */
  const reasonsOf = async (outcome: Awaited<ReturnType<typeof submit>>) =>
    outcome.kind === 'stored' ? (await getDeskNotes(env.DB, [outcome.id])).reasons.get(outcome.id) : ['not stored'];
  const block = (kind: BlockKind, value: string) =>
    addBlock(env.DB, { kind, value, until: null, createdBy: 'huda', createdAt: NOW.toISOString() });

  it('a held comment is stored with why it waits, a published one with nothing', async () => {
    const first = commenter();
    const held = await submit({ email: first.email }, { ipHash: first.ipHash });
    expect(await reasonsOf(held)).toEqual([{ code: 'first-comment' }]);
    const other = commenter();
    const published = await submit(
      { email: other.email },
      { ipHash: other.ipHash, settings: settingsFrom({ COMMENT_MODERATION: 'none' }) },
    );
    expect(published).toMatchObject({ kind: 'stored', approved: expect.objectContaining({ body: expect.any(String) }) });
    expect(await reasonsOf(published)).toBeUndefined();
  });

  it('a blocked email or client goes to spam, answered exactly as a held comment, and the desk says it was blocked', async () => {
    const byEmail = commenter();
    await block('email', byEmail.email.toUpperCase());
    const none = settingsFrom({ COMMENT_MODERATION: 'none' });
    const fromEmail = await submit({ email: byEmail.email }, { ipHash: byEmail.ipHash, settings: none });
    expect(fromEmail).toMatchObject({ kind: 'stored', approved: null });
    expect(fromEmail.kind === 'stored' && (await getComment(env.DB, fromEmail.id))?.status).toBe('spam');
    expect(await reasonsOf(fromEmail)).toEqual([{ code: 'blocked' }]);

    const byClient = commenter();
    await block('client', byClient.ipHash);
    const fromClient = await submit({ email: byClient.email }, { ipHash: byClient.ipHash });
    expect(fromClient).toMatchObject({ kind: 'stored', approved: null });
    expect(fromClient.kind === 'stored' && (await getComment(env.DB, fromClient.id))?.status).toBe('spam');
    expect(await reasonsOf(fromClient)).toEqual([{ code: 'blocked' }, { code: 'first-comment' }]);
  });

  it("a blocked commenter's comment the rules already judge spam keeps the rules' reasons only", async () => {
    const who = commenter();
    await block('email', who.email);
    const outcome = await submit({ email: who.email }, { ipHash: who.ipHash, honeypot: true });
    expect(outcome.kind === 'stored' && (await getComment(env.DB, outcome.id))?.status).toBe('spam');
    expect(await reasonsOf(outcome)).toEqual([{ code: 'honeypot' }, { code: 'first-comment' }]);
  });
});

describe('checkRateLimit', () => {
  const limiter = (success: boolean, keys: string[] = []) =>
    ({
      limit: async ({ key }: { key: string }) => {
        keys.push(key);
        return { success };
      },
    }) as unknown as RateLimit;

  it("counts the attempt under the client's IP hash and asks a limited client to wait the limiter's minute", async () => {
    const keys: string[] = [];
    expect(await checkRateLimit(limiter(false, keys), 'hash-1')).toStrictEqual({
      kind: 'refused',
      reason: 'rate-limited',
      retryAfter: 60,
    });
    expect(keys).toEqual(['hash-1']);
  });

  it('lets the attempt through when the limiter allows it or is not configured', async () => {
    expect(await checkRateLimit(limiter(true), 'hash-2')).toBeNull();
    expect(await checkRateLimit(undefined, 'hash-2')).toBeNull();
  });
});
