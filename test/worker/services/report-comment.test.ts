// Readers' reports, through the service the report form calls (src/services/report-comment.ts), against real D1:
// what readers see of a reported comment, and what moderators find in the log.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import desk from '../../../migrations/0011_create_desk.sql?raw';
import { sha256Hex } from '../../../src/crypto.ts';
import type { Comment } from '../../../src/domain/comment.ts';
import { REPORT_REASONS, reportComment, reportThreshold } from '../../../src/services/report-comment.ts';
import { getApprovedComment, getCommentsVersion } from '../../../src/storage/comments.ts';
import { getComment, getModerationLog } from '../../../src/storage/moderation.ts';
import { seedComment } from '../helpers/comments.ts';

const SLUG = 'benghazi-port';
const NOW = new Date('2026-11-20T10:00:00.000Z');
const minutesLater = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

let clients = 0;
/** A client's IP hash, as the report route computes it; a new one each call. */
const client = () => sha256Hex(`report-client-${++clients}-${crypto.randomUUID()}`);

/** An approved comment readers can see. */
async function approvedComment(body: string): Promise<Comment> {
  const comment = await getComment(env.DB, await seedComment({ slug: SLUG, body, status: 'approved' }));
  if (!comment) throw new Error('seeded comment not found');
  return comment;
}

describe('the report threshold (COMMENT_REPORT_THRESHOLD)', () => {
  it('takes a positive whole number, and falls back to 3 for anything else', () => {
    expect(reportThreshold('5')).toBe(5);
    expect(reportThreshold(' 12 ')).toBe(12);
    expect(reportThreshold('1')).toBe(1);
    for (const value of [undefined, '', '0', '-1', '+5', '2.5', '5e1', '0x10', '3 reports', 'three'])
      expect(reportThreshold(value), String(value)).toBe(3);
  });
});

describe('reporting a comment', () => {
  it('leaves the comment on the page until the threshold, then sends it back to moderators, logged as the readers', async () => {
    const comment = await approvedComment('تعليق سيبلغ عنه');
    const version = await getCommentsVersion(env.DB, SLUG);
    expect(await reportComment(env.DB, comment, await client(), 'abuse', 3, NOW)).toBe('reported');
    expect(await reportComment(env.DB, comment, await client(), 'spam', 3, NOW)).toBe('reported');
    expect(await getApprovedComment(env.DB, SLUG, comment.id)).not.toBeNull();
    expect(await getCommentsVersion(env.DB, SLUG)).toBe(version);

    expect(await reportComment(env.DB, comment, await client(), 'personal', 3, NOW)).toBe('held');
    expect(await getApprovedComment(env.DB, SLUG, comment.id)).toBeNull();
    expect((await getComment(env.DB, comment.id))?.status).toBe('pending');
    expect(await getModerationLog(env.DB, comment.id)).toEqual([
      { from: 'approved', to: 'pending', actor: 'readers', at: NOW.toISOString() },
    ]);
    expect(await getCommentsVersion(env.DB, SLUG)).toBeGreaterThan(version);
  });

  it('holds at once with a threshold of 1', async () => {
    const comment = await approvedComment('بلاغ واحد يكفي');
    expect(await reportComment(env.DB, comment, await client(), 'off-topic', 1, NOW)).toBe('held');
    expect(await getApprovedComment(env.DB, SLUG, comment.id)).toBeNull();
  });

  it('counts one report per client: the same client reporting again changes nothing', async () => {
    const comment = await approvedComment('بلاغ مكرر');
    const ip = await client();
    expect(await reportComment(env.DB, comment, ip, 'abuse', 2, NOW)).toBe('reported');
    expect(await reportComment(env.DB, comment, ip, 'spam', 2, NOW)).toBe('already-reported');
    expect(await getApprovedComment(env.DB, SLUG, comment.id)).not.toBeNull();
    expect(await reportComment(env.DB, comment, await client(), 'spam', 2, NOW)).toBe('held');
  });

  it('lets one client send 10 reports an hour, and more once the hour has passed', async () => {
    const ip = await client();
    const comments = await Promise.all(Array.from({ length: 11 }, (_, n) => approvedComment(`بلاغات كثيرة ${n}`)));
    const eleventh = comments[10] as Comment;
    for (const comment of comments.slice(0, 10))
      expect(await reportComment(env.DB, comment, ip, 'spam', 3, NOW)).toBe('reported');
    expect(await reportComment(env.DB, eleventh, ip, 'spam', 3, minutesLater(59))).toBe('rate-limited');
    expect(await reportComment(env.DB, eleventh, await client(), 'spam', 3, minutesLater(59))).toBe('reported');
    expect(await reportComment(env.DB, eleventh, ip, 'spam', 3, minutesLater(61))).toBe('reported');
  });

  it('offers exactly the reasons the database stores, and each of them is recorded', async () => {
    const allowed = /reason\s+TEXT\s+NOT NULL CHECK \(reason IN \(([^)]*)\)\)/.exec(desk)?.[1] ?? '';
    expect([...REPORT_REASONS].sort()).toEqual(
      allowed
        .split(',')
        .map((s) => s.trim().replaceAll("'", ''))
        .sort(),
    );
    const comment = await approvedComment('كل الأسباب');
    for (const reason of REPORT_REASONS)
      expect(await reportComment(env.DB, comment, await client(), reason, 10, NOW), reason).toBe('reported');
  });
});
