import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { seedComment } from './helpers/comments.ts';
import { attributesOf, textsOf } from './helpers/html.ts';
import { ORIGIN, request, requestWithEnv, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

const unique = () => crypto.randomUUID().slice(0, 8);

describe('the «إبلاغ» button and GET /comments/:id/report', () => {
  it('puts «إبلاغ» under each published comment, leading to a no-JS form of reasons that is never indexed', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `للإبلاغ ${unique()}` });
    const page = await (await request(SEED_PATH)).text();
    expect(await attributesOf(page, `#comment-${id} a.report`, 'href')).toEqual([`/comments/${id}/report`]);
    expect(await textsOf(page, `#comment-${id} a.report`)).toEqual(['إبلاغ']);
    const form = await request(`/comments/${id}/report`);
    expect(form.status).toBe(200);
    const html = await form.text();
    expect(await attributesOf(html, 'form[method=post]', 'action')).toEqual([`/comments/${id}/report`]);
    expect(await attributesOf(html, 'input[name=reason]', 'value')).toEqual(['spam', 'abuse', 'off-topic', 'personal']);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
  });

  it('has no form for a comment that is not published, or an id that is not one', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `محجوز ${unique()}`, status: 'pending' });
    expect((await request(`/comments/${id}/report`)).status).toBe(404);
    expect((await request('/comments/999999999/report')).status).toBe(404);
    expect((await request('/comments/x/report')).status).toBe(404);
  });
});

describe('the desk Worker behind the DESK service binding', () => {
  it('forwards /admin, /admin/* and sent reports to the desk, untouched', async () => {
    for (const path of ['/admin', '/admin/', '/admin/comments?status=pending'])
      expect(await (await request(path)).text()).toBe(`desk: GET ${new URL(path, ORIGIN).pathname}`);
    const sent = await request('/comments/12/report', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: ORIGIN },
      body: 'reason=spam',
    });
    expect(await sent.text()).toBe('desk: POST /comments/12/report');
  });

  it('answers 404 there when the Worker has no desk, and still serves the report form', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `بلا مكتب ${unique()}` });
    const withoutDesk = { DESK: undefined as unknown as Fetcher };
    expect((await requestWithEnv('/admin', withoutDesk)).status).toBe(404);
    expect((await requestWithEnv('/admin/comments', withoutDesk)).status).toBe(404);
    expect((await requestWithEnv(`/comments/${id}/report`, withoutDesk)).status).toBe(200);
    expect(env.DESK).toBeDefined();
  });
});
