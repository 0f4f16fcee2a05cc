import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { hmacHex } from '../../src/crypto.ts';
import { newReader, postComment, seedComment } from '../worker/helpers/comments.ts';
import { textsOf } from '../worker/helpers/html.ts';
import { deskGet, postDesk, signIn } from './helpers/desk.ts';

const ARTICLE = '/articles/benghazi-port';
const unique = () => crypto.randomUUID().slice(0, 8);
const statusOfBody = (body: string) =>
  env.DB.prepare('SELECT status FROM comments WHERE body = ?1').bind(body).first<string>('status');

/** A reader whose email has an approved comment already: their comments are approved at once. */
async function knownReader() {
  const reader = newReader('معروف');
  await seedComment({ slug: 'benghazi-port', body: `سابق ${unique()}`, reader });
  return reader;
}

describe('blocking commenters', () => {
  it('sends a blocked email to spam, answering exactly as a held comment', async () => {
    const login = await signIn();
    const reader = await knownReader();
    const id = await seedComment({ slug: 'benghazi-port', body: `قبل الحظر ${unique()}`, reader });
    const blocked = await postDesk(`/admin/comments/${id}/block`, { csrf: login.csrf, kind: 'email', days: '0' }, login.cookie);
    expect(blocked.status).toBe(303);
    const heldBody = `بعد الحظر ${unique()}`;
    const other = { ...newReader(), email: reader.email.toUpperCase() };
    const response = await postComment(ARTICLE, { name: reader.name, email: other.email, body: heldBody }, other);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ status: 'pending' });
    expect(await statusOfBody(heldBody)).toBe('spam');
    const page = await (await deskGet('/admin/blocks', login.cookie)).text();
    expect((await textsOf(page, 'tbody tr'))[0]).toContain(reader.email.toLowerCase());
  });

  it('blocks a client for a period; its comments go to spam until the block is lifted', async () => {
    const login = await signIn();
    const reader = await knownReader();
    const id = await seedComment({ slug: 'benghazi-port', body: `عميل ${unique()}`, reader });
    const clientHash = await hmacHex('test-ip-hash-secret', reader.ip);
    await env.DB.prepare('UPDATE comments SET ip_hash = ?2 WHERE id = ?1').bind(id, clientHash).run();
    await postDesk(`/admin/comments/${id}/block`, { csrf: login.csrf, kind: 'client', days: '7' }, login.cookie);
    const until = await env.DB.prepare("SELECT until FROM commenter_blocks WHERE kind = 'client' AND value = ?1")
      .bind(clientHash)
      .first<string>('until');
    expect(Date.parse(until ?? '') - Date.now()).toBeGreaterThan(6.9 * 86_400_000);
    const spam = `من عميل محظور ${unique()}`;
    expect((await postComment(ARTICLE, { name: reader.name, email: reader.email, body: spam }, reader)).status).toBe(202);
    expect(await statusOfBody(spam)).toBe('spam');
    await postDesk('/admin/blocks/remove', { csrf: login.csrf, kind: 'client', value: clientHash }, login.cookie);
    const blocks = await env.DB.prepare('SELECT count(*) AS n FROM commenter_blocks WHERE value = ?1')
      .bind(clientHash)
      .first('n');
    expect(blocks).toBe(0);
  });

  it('refuses to block from a comment that no longer exists', async () => {
    const login = await signIn();
    const response = await postDesk(
      '/admin/comments/987654321/block',
      { csrf: login.csrf, kind: 'email', days: '1' },
      login.cookie,
    );
    expect(response.status).toBe(404);
  });
});
