// The comment form on the article page, as a browser without JavaScript uses it.
import { describe, expect, it } from 'vitest';
import { findComments, newReader, postForm, seedComment, setStatus } from './helpers/comments.ts';
import { attributesOf, count, textsOf } from './helpers/html.ts';
import { request, SEED_PATH, SEED_SLUG } from './helpers/http.ts';

const ARTICLE = '/articles/ankara-energy';

/** Follows a 303 like a browser: GET the Location, sending back the cookies the POST set. */
async function follow(response: Response): Promise<{ response: Response; html: string }> {
  const cookies = response.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const location = response.headers.get('Location') ?? '';
  const next = await request(location, { headers: cookies ? { Cookie: cookies } : {} });
  return { response: next, html: await next.text() };
}

describe('the comment form', () => {
  it('offers labelled fields with the server limits, autocomplete, dir="auto" and a hidden honeypot', async () => {
    const html = await (await request(SEED_PATH)).text();
    expect(await attributesOf(html, 'form.comment-form', 'action')).toEqual([`${SEED_PATH}/comments#form-status`]);
    expect(await attributesOf(html, 'form.comment-form', 'method')).toEqual(['post']);
    expect(await textsOf(html, 'form.comment-form label')).toEqual([
      'الاسم *',
      'البريد الإلكتروني *',
      'الموقع الإلكتروني',
      'التعليق *',
      'اترك هذا الحقل فارغاً',
    ]);
    expect(await attributesOf(html, 'form.comment-form [required]', 'name')).toEqual(['name', 'email', 'body']);
    expect(await attributesOf(html, 'form.comment-form input, form.comment-form textarea', 'maxlength')).toEqual([
      '245',
      '100',
      '200',
      '65525',
      null,
    ]);
    expect(await attributesOf(html, 'form.comment-form input, form.comment-form textarea', 'autocomplete')).toEqual([
      'name',
      'email',
      'url',
      null,
      'off',
    ]);
    expect(await attributesOf(html, '#field-name, #field-body', 'dir')).toEqual(['auto', 'auto']);
    expect(await attributesOf(html, '.hp', 'aria-hidden')).toEqual(['true']);
    expect(await attributesOf(html, '.hp input', 'name')).toEqual(['fax']);
  });

  it('holds a first comment: 303 back to it, visible only to its author for a while, never cached publicly', async () => {
    const reader = newReader('نادية');
    const posted = await postForm(
      ARTICLE,
      { name: reader.name, email: reader.email, url: '', body: 'تعليق من النموذج' },
      reader.ip,
    );
    expect(posted.status).toBe(303);
    expect(posted.headers.get('Cache-Control')).toBe('no-store');
    const [stored] = await findComments('تعليق من النموذج');
    expect(posted.headers.get('Location')).toBe(`${ARTICLE}#comment-${stored?.id}`);
    const cookie = posted.headers.getSetCookie().find((c) => c.startsWith('minbar_preview='));
    expect(cookie).toMatch(/Max-Age=600/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toContain(`Path=${ARTICLE}`);

    const { response, html } = await follow(posted);
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('ETag')).toBeNull();
    expect(await textsOf(html, `#comment-${stored?.id} .held-note`)).toEqual(['تعليقك بانتظار المراجعة']);
    expect(await textsOf(html, `#comment-${stored?.id} .comment-body`)).toEqual(['تعليق من النموذج']);

    const stranger = await (await request(ARTICLE)).text();
    expect(await count(stranger, `#comment-${stored?.id}`)).toBe(0);
    const forged = await (
      await request(ARTICLE, { headers: { Cookie: `minbar_preview=9999999999_${stored?.id}.forged` } })
    ).text();
    expect(await count(forged, `#comment-${stored?.id}`)).toBe(0);
  });

  it('sends an approved comment straight to its anchor, in a <bdi>, linked with rel="nofollow ugc noopener"', async () => {
    const reader = newReader('Sam');
    await seedComment({ slug: 'ankara-energy', body: 'قديم', reader });
    const posted = await postForm(
      ARTICLE,
      { name: 'Sam', email: reader.email, url: 'https://sam.example', body: 'سطر أول\nسطر ثان\n\nفقرة ثانية' },
      reader.ip,
    );
    expect(posted.status).toBe(303);
    const id = /#comment-(\d+)$/.exec(posted.headers.get('Location') ?? '')?.[1];
    const { html } = await follow(posted);
    expect(await textsOf(html, `#comment-${id} bdi.comment-author`)).toEqual(['Sam']);
    expect(await attributesOf(html, `#comment-${id} bdi.comment-author a`, 'rel')).toEqual(['nofollow ugc noopener']);
    expect(await count(html, `#comment-${id} .comment-body p`)).toBe(2);
    expect(await count(html, `#comment-${id} .comment-body br`)).toBe(1);
    expect(await attributesOf(html, `#comment-${id} .comment-body p`, 'dir')).toEqual(['auto', 'auto']);
    expect(await attributesOf(html, `#comment-${id} time`, 'datetime')).toHaveLength(1);
  });

  it('answers invalid input with 422, messages in Arabic next to each field, and everything typed kept', async () => {
    const reader = newReader();
    const typed = { name: 'سعاد <b>', email: 'ليس بريداً', url: 'ftp://x', body: 'نصي الذي كتبته\nبعناية & "اقتباس"' };
    const response = await postForm(ARTICLE, typed, reader.ip);
    expect(response.status).toBe(422);
    const html = await response.text();
    expect((await textsOf(html, 'title'))[0]).toMatch(/^خطأ: /);
    expect(await attributesOf(html, '#field-name', 'value')).toEqual(['سعاد <b>']);
    expect(await attributesOf(html, '#field-email', 'value')).toEqual(['ليس بريداً']);
    expect(await textsOf(html, '#field-body')).toEqual(['نصي الذي كتبته\nبعناية & "اقتباس"']);
    expect(await attributesOf(html, '#field-email', 'aria-invalid')).toEqual(['true']);
    expect(await attributesOf(html, '#field-email', 'aria-describedby')).toEqual(['error-email']);
    expect(await textsOf(html, '#error-email')).toEqual(['عنوان البريد الإلكتروني غير صالح، مثال صحيح: name@example.com']);
    expect(await textsOf(html, '#error-url')).toEqual(['رابط الموقع يجب أن يبدأ بـ http:// أو https://']);
    expect(await attributesOf(html, '#field-name', 'aria-invalid')).toEqual([null]);
    expect(await attributesOf(html, '.error-summary a', 'href')).toEqual(['#field-email', '#field-url']);
    expect(await attributesOf(html, '.error-summary', 'autofocus')).toEqual(['']);
    expect(await findComments('نصي الذي كتبته')).toEqual([]);
  });

  it.each([
    ['closed', '/articles/istanbul-talks', 403, 'أُغلق باب التعليق على هذا المقال.'],
    ['too fast', ARTICLE, 429, 'أرسلت تعليقاً قبل لحظات.'],
  ])('explains a refusal (%s) in Arabic with the typed text kept', async (_, path, status, message) => {
    const reader = newReader();
    if (status === 429) await postForm(path, { name: 'أ', email: reader.email, body: 'أول' }, reader.ip);
    const response = await postForm(path, { name: 'أ', email: reader.email, body: 'نص محفوظ' }, reader.ip);
    expect(response.status).toBe(status);
    const html = await response.text();
    expect((await textsOf(html, '.form-alert[role="alert"]'))[0]).toContain(message);
    if (status === 403) expect(await count(html, 'form.comment-form')).toBe(0);
    else expect(await textsOf(html, '#field-body')).toEqual(['نص محفوظ']);
    if (status === 429) expect(response.headers.get('Retry-After')).toMatch(/^\d+$/);
  });

  it('refuses a duplicate with 409 and keeps the text', async () => {
    const reader = newReader();
    await seedComment({ slug: 'ankara-energy', body: 'مكرر', reader, status: 'pending' });
    const response = await postForm(ARTICLE, { name: 'أ', email: reader.email, body: 'مكرر' }, newReader().ip);
    expect(response.status).toBe(409);
    const html = await response.text();
    expect(await textsOf(html, '.form-alert')).toEqual(['يبدو أنك أرسلت هذا التعليق من قبل.']);
  });

  it('treats a filled honeypot like a held comment, and stores it as spam', async () => {
    const reader = newReader();
    const response = await postForm(ARTICLE, { name: 'bot', email: reader.email, body: 'اشتر الآن', fax: '123' }, reader.ip);
    expect(response.status).toBe(303);
    expect(response.headers.getSetCookie().some((c) => c.startsWith('minbar_preview='))).toBe(true);
    const [stored] = await findComments('اشتر الآن');
    expect(stored?.status).toBe('spam');
  });

  it('refuses cross-site posts (CSRF) with 403 and stores nothing', async () => {
    const reader = newReader();
    const fields = { name: 'x', email: reader.email, body: 'هجوم عبر المواقع' };
    expect(
      (await postForm(ARTICLE, fields, reader.ip, { Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' })).status,
    ).toBe(403);
    // Browsers too old for Fetch Metadata still send Origin.
    expect((await postForm(ARTICLE, fields, reader.ip, { Origin: 'https://evil.example', 'Sec-Fetch-Site': null })).status).toBe(
      403,
    );
    expect(await findComments('هجوم عبر المواقع')).toEqual([]);
  });

  it('hands back a D1 bookmark so the author reads their own write', async () => {
    const reader = newReader();
    const response = await postForm(ARTICLE, { name: 'أ', email: reader.email, body: 'إشارة مرجعية' }, reader.ip);
    expect(response.headers.get('X-D1-Bookmark')).toBeTruthy();
    expect(response.headers.getSetCookie().some((c) => c.startsWith('minbar_d1='))).toBe(true);
  });
});

describe('comments under the article', () => {
  it('counts them in the heading with the right Arabic plural, threads replies and offers reply links', async () => {
    const slug = 'benghazi-port';
    const root = await seedComment({ slug, body: 'أول', reader: newReader('علي') });
    await seedComment({ slug, body: 'ثان', parentId: root, depth: 2 });
    await seedComment({ slug, body: 'ثالث' });
    await seedComment({ slug, body: 'معلّق', status: 'pending' });
    const html = await (await request(`/articles/${slug}`)).text();
    expect(await textsOf(html, '#comments-title')).toEqual(['3 تعليقات']);
    expect(await count(html, '#comments > .comment-list > li')).toBe(2);
    expect(await textsOf(html, '#comments .comment-list .comment-list .comment-body')).toEqual(['ثان']);
    expect(await attributesOf(html, `#comment-${root} a.reply`, 'href')).toEqual([`?replyto=${root}#respond`]);
    expect(html).not.toContain('معلّق');
  });

  it('puts the form into reply mode from a ?replyto= link, without JavaScript', async () => {
    const id = await seedComment({ slug: SEED_SLUG, body: 'قابل للرد', reader: newReader('كريم') });
    const html = await (await request(`${SEED_PATH}?replyto=${id}`)).text();
    expect(await attributesOf(html, 'form input[name="parent_id"]', 'value')).toEqual([String(id)]);
    expect(await textsOf(html, '.replying bdi')).toEqual(['كريم']);
    const reader = newReader();
    const posted = await postForm(
      SEED_PATH,
      { name: 'ردّ', email: reader.email, body: 'هذا رد', parent_id: String(id) },
      reader.ip,
    );
    expect(posted.status).toBe(303);
    const [reply] = await findComments('هذا رد');
    expect(reply).toMatchObject({ parent_id: id, depth: 2 });
  });

  it('shows hostile names and bodies as inert text', async () => {
    const reader = newReader('<img src=x onerror=alert(1)>');
    const id = await seedComment({
      slug: 'hostile-title',
      body: '<script>alert(1)</script> [x](javascript:alert(1))',
      reader,
      url: 'https://ok.example/"onmouseover="x',
    });
    const html = await (await request('/articles/hostile-title')).text();
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<script>alert');
    expect(await textsOf(html, `#comment-${id} .comment-body`)).toEqual(['<script>alert(1)</script> [x](javascript:alert(1))']);
    expect(await attributesOf(html, `#comment-${id} .comment-author a`, 'href')).toEqual(['https://ok.example/"onmouseover="x']);
    expect(await attributesOf(html, `#comment-${id} .comment-author a`, 'onmouseover')).toEqual([null]);
  });

  it('never shows an email or IP hash in the page', async () => {
    const reader = newReader();
    await seedComment({ slug: 'hostile-title', body: 'خصوصية', reader });
    const html = await (await request('/articles/hostile-title')).text();
    expect(html).not.toContain(reader.email);
    expect(html).not.toContain('f'.repeat(64));
  });

  it('changes the page ETag when a comment is approved, so it shows within max-age', async () => {
    const first = await request(SEED_PATH);
    const etag = first.headers.get('ETag') ?? '';
    expect((await request(SEED_PATH, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    const id = await seedComment({ slug: SEED_SLUG, body: 'ظهر بعد الاعتماد', status: 'pending' });
    expect((await request(SEED_PATH, { headers: { 'If-None-Match': etag } })).status).toBe(304);
    await setStatus(id, 'approved');
    const after = await request(SEED_PATH, { headers: { 'If-None-Match': etag } });
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('ظهر بعد الاعتماد');
  });
});
