import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { reportThreshold } from '../../src/services/report-comment.ts';
import { seedComment } from '../worker/helpers/comments.ts';
import { attributesOf, textsOf } from '../worker/helpers/html.ts';
import { deskGet, postDesk, signIn } from './helpers/desk.ts';
import { ORIGIN, request, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

const unique = () => crypto.randomUUID().slice(0, 8);

function sendReport(id: number, reason: string | null, ip: string, origin = ORIGIN) {
  return request(`/comments/${id}/report`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: origin, 'CF-Connecting-IP': ip },
    body: reason === null ? '' : new URLSearchParams({ reason }).toString(),
  });
}

const statusOf = (id: number) => env.DB.prepare('SELECT status FROM comments WHERE id = ?1').bind(id).first<string>('status');

describe('GET /comments/:id/report (the form, served by the desk Worker)', () => {
  it('shows a published comment with a no-JS form of reasons, never indexed', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `للإبلاغ ${unique()}` });
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

describe('sending the report form (handled by the desk Worker)', () => {
  it('takes no report on a comment that is not published', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `محجوز ${unique()}`, status: 'pending' });
    expect((await sendReport(id, 'spam', '203.0.113.1')).status).toBe(404);
  });

  it('asks again for a missing reason, and refuses a report from another site', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `سبب ${unique()}` });
    const missing = await sendReport(id, null, '203.0.113.2');
    expect(missing.status).toBe(422);
    expect(await textsOf(await missing.text(), '.form-alert')).toEqual(['اختر سبب الإبلاغ.']);
    expect((await sendReport(id, 'spam', '203.0.113.2', 'https://evil.example')).status).toBe(403);
    const open = await env.DB.prepare('SELECT count(*) AS n FROM comment_reports WHERE comment_id = ?1').bind(id).first('n');
    expect(open).toBe(0);
  });
});

describe('POST /comments/:id/report', () => {
  it('counts one report per client; at the third the comment leaves the page for the pending and reported queues', async () => {
    const body = `مسيء ${unique()}`;
    const id = await seedComment({ slug: SEED_SLUG, body });
    const first = await sendReport(id, 'abuse', '203.0.113.10');
    expect(first.status).toBe(200);
    expect(await textsOf(await first.text(), '.form-alert')).toEqual(['شكراً لك. وصل بلاغك إلى المحررين.']);
    const again = await sendReport(id, 'spam', '203.0.113.10');
    // The same answer, but only one report per client counts (the comment is still approved after two more below).
    expect(await textsOf(await again.text(), '.form-alert')).toEqual(['شكراً لك. وصل بلاغك إلى المحررين.']);
    await sendReport(id, 'abuse', '203.0.113.11');
    expect(await statusOf(id)).toBe('approved');
    await sendReport(id, 'off-topic', '203.0.113.12');
    expect(await statusOf(id)).toBe('pending');
    expect(await (await request(SEED_PATH)).text()).not.toContain(body);
    const login = await signIn();
    const reported = await (await deskGet('/admin/comments?status=reported', login.cookie)).text();
    expect((await attributesOf(reported, 'input[name=ids]', 'value')).map(Number)).toContain(id);
    const row = (await textsOf(reported, `#row-${id}`))[0] ?? '';
    expect(row).toContain('بلاغات القرّاء: 3');
    expect(row).toContain('إساءة أو كراهية');
    const log = await env.DB.prepare('SELECT actor, to_status FROM moderation_log WHERE comment_id = ?1').bind(id).all();
    expect(log.results).toEqual([{ actor: 'readers', to_status: 'pending' }]);
  });

  it('leaves the reported queue once a moderator acts on the comment', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: `مراجعة ${unique()}` });
    await sendReport(id, 'spam', '203.0.113.20');
    const login = await signIn();
    const ids = async () =>
      (
        await attributesOf(
          await (await deskGet('/admin/comments?status=reported', login.cookie)).text(),
          'input[name=ids]',
          'value',
        )
      ).map(Number);
    expect(await ids()).toContain(id);
    await postDesk(`/admin/comments/${id}/moderate`, { csrf: login.csrf, action: 'approve' }, login.cookie);
    expect(await ids()).not.toContain(id);
  });

  it('limits a client to 10 reports an hour', async () => {
    const ip = '203.0.113.30';
    for (let i = 0; i < 10; i++) {
      const id = await seedComment({ slug: SEED_SLUG, body: `حد ${i} ${unique()}` });
      expect((await sendReport(id, 'spam', ip)).status).toBe(200);
    }
    const id = await seedComment({ slug: SEED_SLUG, body: `حد أخير ${unique()}` });
    const limited = await sendReport(id, 'spam', ip);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('Retry-After')).toBe('3600');
  });

  it('reads the threshold from COMMENT_REPORT_THRESHOLD, 3 by default', () => {
    expect(reportThreshold(undefined)).toBe(3);
    expect(reportThreshold('5')).toBe(5);
    expect(reportThreshold('0')).toBe(3);
    expect(reportThreshold('many')).toBe(3);
  });
});
