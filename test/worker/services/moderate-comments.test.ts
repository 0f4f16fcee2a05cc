// A moderator's row and bulk actions (src/services/moderate-comments.ts), as the desk and the admin API call them,
// against real D1: what readers then see, what the moderation log says, and the event the caller publishes.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../src/crypto.ts';
import type { Comment } from '../../../src/domain/comment.ts';
import { moderateComments } from '../../../src/services/moderate-comments.ts';
import { reportComment } from '../../../src/services/report-comment.ts';
import { getApprovedComment, getCommentsVersion } from '../../../src/storage/comments.ts';
import type { Db } from '../../../src/storage/db.ts';
import { getComment, getModerationLog } from '../../../src/storage/moderation.ts';
import { reportCounts } from '../../../src/storage/reports.ts';
import { newReader, type SeedOptions, seedComment } from '../helpers/comments.ts';

const SLUG = 'benghazi-port';
const OTHER = 'withdrawn-article';
const NOW = new Date('2026-11-21T09:15:00.000Z');
const AT = NOW.toISOString();

const seed = (body: string, options: Partial<SeedOptions> = {}) => seedComment({ slug: SLUG, body, ...options });
const status = async (id: number) => (await getComment(env.DB, id))?.status;

describe('moderating comments', () => {
  it('approves held comments: readers see them, and the log names the moderator', async () => {
    const ids = [await seed('بانتظار 1', { status: 'pending' }), await seed('بانتظار 2', { status: 'pending' })];
    const version = await getCommentsVersion(env.DB, SLUG);
    const outcome = await moderateComments(env.DB, ids, 'approve', 'huda', NOW);
    expect(outcome).toEqual({
      kind: 'done',
      count: 2,
      event: 'comment.approved',
      changed: ids.map((id) => ({ id, articleSlug: SLUG })),
    });
    for (const id of ids) {
      expect((await getApprovedComment(env.DB, SLUG, id))?.id).toBe(id);
      expect(await getModerationLog(env.DB, id)).toEqual([{ from: 'pending', to: 'approved', actor: 'huda', at: AT }]);
    }
    expect(await getCommentsVersion(env.DB, SLUG)).toBeGreaterThan(version);
  });

  it('each action leaves the comment where the desk says, with its event', async () => {
    const cases = [
      ['unapprove', 'approved', 'pending', 'comment.held'],
      ['spam', 'approved', 'spam', 'comment.spam'],
      ['trash', 'pending', 'trash', 'comment.trashed'],
      ['restore', 'spam', 'pending', 'comment.held'],
    ] as const;
    for (const [action, from, to, event] of cases) {
      const id = await seed(`إجراء ${action}`, { status: from });
      const outcome = await moderateComments(env.DB, [id], action, 'omar', NOW);
      expect(outcome, action).toMatchObject({ kind: 'done', count: 1, event });
      expect(await status(id), action).toBe(to);
      expect(await getModerationLog(env.DB, id), action).toEqual([{ from, to, actor: 'omar', at: AT }]);
    }
  });

  it('deletes for good: the comment is gone, its reply moves up, and the log keeps the deletion', async () => {
    const parent = await seed('سيحذف');
    const reply = await seed('رد باق', { parentId: parent, depth: 2 });
    const outcome = await moderateComments(env.DB, [parent], 'delete', 'huda', NOW);
    expect(outcome).toEqual({ kind: 'done', count: 1, event: 'comment.deleted', changed: [{ id: parent, articleSlug: SLUG }] });
    expect(await getComment(env.DB, parent)).toBeNull();
    expect(await getApprovedComment(env.DB, SLUG, reply)).toMatchObject({ id: reply, parentId: null, depth: 1 });
    expect(await getModerationLog(env.DB, parent)).toEqual([{ from: 'approved', to: 'deleted', actor: 'huda', at: AT }]);
  });

  it("resolves readers' reports on the comments it acts on", async () => {
    const id = await seed('مبلغ عنه');
    const comment = (await getComment(env.DB, id)) as Comment;
    const ip = await sha256Hex(`moderate-reporter-${crypto.randomUUID()}`);
    await reportComment(env.DB, comment, ip, 'abuse', 5, NOW);
    expect((await reportCounts(env.DB, id, ip, AT)).open).toBe(1);
    await moderateComments(env.DB, [id], 'approve', 'huda', NOW);
    expect((await reportCounts(env.DB, id, ip, AT)).open).toBe(0);
  });

  it('acts on comments of several articles at once, and names each once however often it was listed', async () => {
    const here = await seed('هنا', { status: 'pending' });
    const there = await seedComment({ slug: OTHER, body: 'هناك', status: 'pending' });
    const outcome = await moderateComments(env.DB, [there, here, there], 'spam', 'huda', NOW);
    expect(outcome).toMatchObject({ kind: 'done', count: 2 });
    expect(outcome.kind === 'done' && [...outcome.changed].sort((a, b) => a.id - b.id)).toEqual(
      [
        { id: here, articleSlug: SLUG },
        { id: there, articleSlug: OTHER },
      ].sort((a, b) => a.id - b.id),
    );
    expect(await getModerationLog(env.DB, there)).toHaveLength(1);
  });

  it('changes nothing when any named comment no longer exists, and says which', async () => {
    const id = await seed('يبقى بانتظار', { status: 'pending' });
    const gone = id + 1_000_000;
    expect(await moderateComments(env.DB, [id, gone], 'approve', 'huda', NOW)).toEqual({ kind: 'missing', ids: [gone] });
    expect(await status(id)).toBe('pending');
    expect(await getModerationLog(env.DB, id)).toEqual([]);
  });

  it('changes nothing, and names the trashed one, when a trashed comment was posted again since', async () => {
    // Approving it would show the reader's comment twice; the database refuses, and the moderator is told why.
    const reader = newReader();
    const trashed = await seed('تعليق مكرر', { reader });
    await env.DB.prepare("UPDATE comments SET status = 'trash' WHERE id = ?1").bind(trashed).run();
    await seed('تعليق مكرر', { reader });
    const held = await seed('بانتظار مع المكرر', { status: 'pending' });
    expect(await moderateComments(env.DB, [trashed, held], 'approve', 'huda', NOW)).toEqual({
      kind: 'duplicate',
      ids: [trashed],
    });
    expect(await status(trashed)).toBe('trash');
    expect(await status(held)).toBe('pending');
    expect(await getModerationLog(env.DB, held)).toEqual([]);
  });

  it('lets any other failure of the batch through to its caller, never calling it a duplicate', async () => {
    const held = await seed('بانتظار والقاعدة معطلة', { status: 'pending' });
    const failing: Db = {
      prepare: (query) => env.DB.prepare(query),
      batch: () => Promise.reject(new Error('D1_ERROR: Network connection lost.')),
    };
    await expect(moderateComments(failing, [held], 'approve', 'huda', NOW)).rejects.toThrow('Network connection lost');
    expect(await status(held)).toBe('pending');
  });

  it('refuses no comments and more than 100 at once; 100 is allowed', async () => {
    const base = 2_000_000;
    expect(await moderateComments(env.DB, [], 'approve', 'huda', NOW)).toEqual({ kind: 'none' });
    const many = Array.from({ length: 101 }, (_, n) => base + n);
    expect(await moderateComments(env.DB, many, 'approve', 'huda', NOW)).toEqual({ kind: 'too-many' });
    expect(await moderateComments(env.DB, many.slice(0, 100), 'approve', 'huda', NOW)).toEqual({
      kind: 'missing',
      ids: many.slice(0, 100),
    });
    expect(await moderateComments(env.DB, [...many.slice(0, 100), base], 'approve', 'huda', NOW)).toMatchObject({
      kind: 'missing',
    });
  });
});
