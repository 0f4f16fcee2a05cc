// Pinning a comment from the desk (src/services/pin-comment.ts), against real D1: which comments can be pinned, what
// readers then see of the pin, and that asking for the state a comment is in already changes and logs nothing.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { setCommentPin } from '../../../src/services/pin-comment.ts';
import { getApprovedComment } from '../../../src/storage/comments.ts';
import { getModerationLog } from '../../../src/storage/moderation.ts';
import { type SeedOptions, seedComment } from '../helpers/comments.ts';

const NOW = new Date('2026-11-23T07:45:00.000Z');
const AT = NOW.toISOString();

let articles = 0;
/** A comment on an article of its own (one pin per article), approved unless said otherwise. */
const seed = (body: string, options: Partial<SeedOptions> = {}) =>
  seedComment({ slug: `pin-service-${++articles}`, body, ...options });
const pinnedOnPage = async (slug: string, id: number) => (await getApprovedComment(env.DB, slug, id))?.pinned === true;

describe('pinning a comment', () => {
  it('pins an approved top-level comment for readers, logged with the moderator; pinning again changes nothing', async () => {
    const id = await seed('جدير بالتثبيت');
    const slug = `pin-service-${articles}`;
    expect(await setCommentPin(env.DB, id, true, 'huda', NOW)).toEqual({ kind: 'done', articleSlug: slug });
    expect(await pinnedOnPage(slug, id)).toBe(true);
    expect(await setCommentPin(env.DB, id, true, 'omar', NOW)).toEqual({ kind: 'done', articleSlug: slug });
    expect(await getModerationLog(env.DB, id)).toEqual([{ from: 'approved', to: 'pinned', actor: 'huda', at: AT }]);
  });

  it('unpins a pinned comment, logged; unpinning one that is not pinned changes nothing', async () => {
    const id = await seed('مثبت ثم لا');
    const slug = `pin-service-${articles}`;
    await setCommentPin(env.DB, id, true, 'huda', NOW);
    expect(await setCommentPin(env.DB, id, false, 'omar', NOW)).toEqual({ kind: 'done', articleSlug: slug });
    expect(await pinnedOnPage(slug, id)).toBe(false);
    expect(await setCommentPin(env.DB, id, false, 'omar', NOW)).toEqual({ kind: 'done', articleSlug: slug });
    expect(await getModerationLog(env.DB, id)).toEqual([
      { from: 'approved', to: 'pinned', actor: 'huda', at: AT },
      { from: 'pinned', to: 'unpinned', actor: 'omar', at: AT },
    ]);
  });

  it('refuses a held comment and a reply, saying why, and pins nothing', async () => {
    const held = await seed('بانتظار المراجعة', { status: 'pending' });
    expect(await setCommentPin(env.DB, held, true, 'huda', NOW)).toEqual({ kind: 'not-pinnable', why: 'not-approved' });
    const parent = await seed('أصل');
    const slug = `pin-service-${articles}`;
    const reply = await seedComment({ slug, body: 'رد', parentId: parent, depth: 2 });
    expect(await setCommentPin(env.DB, reply, true, 'huda', NOW)).toEqual({ kind: 'not-pinnable', why: 'reply' });
    expect(await pinnedOnPage(slug, reply)).toBe(false);
    expect(await getModerationLog(env.DB, reply)).toEqual([]);
  });

  it('says a comment that does not exist is missing, for an id of 0 or below too', async () => {
    for (const id of [0, -1, 99_999_999])
      expect(await setCommentPin(env.DB, id, true, 'huda', NOW), String(id)).toEqual({ kind: 'missing' });
    expect(await setCommentPin(env.DB, 99_999_999, false, 'huda', NOW)).toEqual({ kind: 'missing' });
  });
});
