import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seedComment } from './helpers/comments.ts';
import { attributesOf, textsOf } from './helpers/html.ts';
import { ORIGIN, request, requestWithEnv, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

const unique = () => crypto.randomUUID().slice(0, 8);

describe('the «إبلاغ» button', () => {
  it('puts «إبلاغ» under each published comment, a plain link to its report form (the desk Worker serves the form)', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `للإبلاغ ${unique()}` });
    const held = await seedComment({ slug: SEED_SLUG, body: `محجوز ${unique()}`, status: 'pending' });
    const page = await (await request(SEED_PATH)).text();
    expect(await attributesOf(page, `#comment-${id} a.report`, 'href')).toEqual([`/comments/${id}/report`]);
    expect(await textsOf(page, `#comment-${id} a.report`)).toEqual(['إبلاغ']);
    expect(await attributesOf(page, `#comment-${held} a.report`, 'href')).toEqual([]);
  });
});

describe('the desk Worker behind the DESK service binding', () => {
  it('forwards /admin, /admin/*, report forms and sent reports to the desk, untouched', async () => {
    for (const path of ['/admin', '/admin/', '/admin/comments?status=pending', '/comments/12/report'])
      expect(await (await request(path)).text()).toBe(`desk: GET ${new URL(path, ORIGIN).pathname}`);
    const sent = await request('/comments/12/report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: 'reason=spam',
    });
    expect(await sent.text()).toBe('desk: POST /comments/12/report');
  });

  it('answers 404 there when the Worker has no desk', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `بلا مكتب ${unique()}` });
    const withoutDesk = { DESK: undefined as unknown as Fetcher };
    expect((await requestWithEnv('/admin', withoutDesk)).status).toBe(404);
    expect((await requestWithEnv('/admin/comments', withoutDesk)).status).toBe(404);
    expect((await requestWithEnv(`/comments/${id}/report`, withoutDesk)).status).toBe(404);
    expect(env.DESK).toBeDefined();
  });
});
