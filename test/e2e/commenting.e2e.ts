// Readers comment without JavaScript, reply through reply links, and hostile comments stay inert.
import { describe, expect, it } from 'vitest';
import { adminApi, approvedComment, openPage, SEED_PATH, url, useBrowser, VIEWPORTS } from './browser.ts';

const browser = useBrowser();

describe.each(VIEWPORTS)('commenting on a $name, JavaScript off', (viewport) => {
  it('sends a valid comment and comes back to the article with the confirmation', async () => {
    const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
    await page.goto(url(SEED_PATH));
    const body = `تعليق من المتصفح على ${viewport.name} ${crypto.randomUUID().slice(0, 6)}`;
    await page.fill('#field-name', 'قارئة');
    await page.fill('#field-email', `browser-${crypto.randomUUID()}@example.com`);
    await page.fill('#field-body', body);
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.click('form.comment-form button[type=submit]')]);
    expect(new URL(page.url()).pathname).toBe(SEED_PATH);
    const held = page.locator('.comment.held');
    expect(await held.locator('.held-note').innerText()).toBe('تعليقك بانتظار المراجعة');
    expect(await held.locator('.comment-body').innerText()).toBe(body);
    expect(await held.isVisible()).toBe(true);
    await page.context().close();
  });

  it('returns an invalid comment with the error next to the field, the summary focused, and the text kept', async () => {
    const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
    await page.goto(url(SEED_PATH));
    const body = 'نص طويل كتبته ولا أريد أن أفقده\nسطر ثان';
    await page.fill('#field-name', '   ');
    await page.fill('#field-email', 'reader@example.com');
    await page.fill('#field-url', 'https://reader.example');
    await page.fill('#field-body', body);
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.click('form.comment-form button[type=submit]'),
    ]);
    expect(response.status()).toBe(422);
    await page.waitForLoadState();
    expect(await page.title()).toMatch(/^خطأ: /);
    expect(await page.locator('#error-name').innerText()).toBe('الرجاء كتابة اسمك.');
    expect(await page.locator('#field-name').getAttribute('aria-describedby')).toBe('error-name');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('form-status');
    expect(await page.locator('.error-summary a').getAttribute('href')).toBe('#field-name');
    expect(await page.inputValue('#field-email')).toBe('reader@example.com');
    expect(await page.inputValue('#field-url')).toBe('https://reader.example');
    expect(await page.inputValue('#field-body')).toBe(body);
    await page.context().close();
  });

  it('replies to a comment through its reply link', async () => {
    const parent = await approvedComment({ name: 'صاحب التعليق', body: `تعليق للرد عليه ${crypto.randomUUID().slice(0, 6)}` });
    const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
    await page.goto(url(SEED_PATH));
    await Promise.all([page.waitForURL(/replyto=/), page.click(`#comment-${parent} a.reply`)]);
    expect(await page.locator('.replying').innerText()).toContain('صاحب التعليق');
    const email = `reply-${crypto.randomUUID()}@example.com`;
    await page.fill('#field-name', 'مجيب');
    await page.fill('#field-email', email);
    await page.fill('#field-body', 'هذا رد عبر الرابط');
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.click('form.comment-form button[type=submit]')]);
    const queue = (await (await adminApi('/comments?limit=100')).json()) as {
      data: Array<{ parent_id: number | null; author: { email: string } }>;
    };
    expect(queue.data.find((c) => c.author.email === email)?.parent_id).toBe(parent);
    expect(await page.locator(`#comment-${parent} ~ .comment-list .comment.held`).count()).toBe(1);
    await page.context().close();
  });
});

describe('the article page a browser kept is revalidated: readers see their own comment and what was approved since', () => {
  it('approved at once: the page the browser had is revalidated, not shown from its cache', async () => {
    // An email with an approved comment is trusted (COMMENT_MODERATION=first), so the next one is approved at once.
    const email = `returning-${crypto.randomUUID()}@example.com`;
    await approvedComment({ name: 'قارئ عائد', body: `تعليق سابق ${crypto.randomUUID().slice(0, 6)}`, email });
    const page = await openPage(browser(), { viewport: VIEWPORTS[0], javaScriptEnabled: false });
    const loaded = await page.goto(url(SEED_PATH));
    expect(loaded?.headers()['cache-control']).toBe('public, no-cache');
    // Flood control: a second comment from one email must come 15 seconds after the first.
    await page.waitForTimeout(15_500);
    const body = `تعليق معتمد فوراً ${crypto.randomUUID().slice(0, 6)}`;
    await page.fill('#field-name', 'قارئ عائد');
    await page.fill('#field-email', email);
    await page.fill('#field-body', body);
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.click('form.comment-form button[type=submit]')]);
    const id = new URL(page.url()).hash.slice(1);
    const mine = page.locator(`#${id}`);
    expect(await mine.locator('.comment-body').innerText()).toBe(body);
    expect(await mine.locator('.held-note').count()).toBe(0);
    expect(await mine.isVisible()).toBe(true);
    await page.context().close();
  });

  it('coming back to the article by a link shows what was approved since, not the copy the browser kept', async () => {
    const page = await openPage(browser(), { viewport: VIEWPORTS[0], javaScriptEnabled: false });
    await page.goto(url(SEED_PATH));
    await page.goto(url('/'));
    const id = await approvedComment({ name: 'مشرفة', body: `اعتُمد بعد زيارتك ${crypto.randomUUID().slice(0, 6)}` });
    await Promise.all([page.waitForURL(new RegExp(`${SEED_PATH}$`)), page.click(`a[href="${SEED_PATH}"]`)]);
    expect(await page.locator(`#comment-${id}`).count()).toBe(1);
    await page.context().close();
  });

  it('held: the page the browser had shows the held notice after the redirect', async () => {
    const page = await openPage(browser(), { viewport: VIEWPORTS[1], javaScriptEnabled: false });
    await page.goto(url(SEED_PATH));
    const body = `تعليق محجوز ${crypto.randomUUID().slice(0, 6)}`;
    await page.fill('#field-name', 'قارئة جديدة');
    await page.fill('#field-email', `new-${crypto.randomUUID()}@example.com`);
    await page.fill('#field-body', body);
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.click('form.comment-form button[type=submit]')]);
    const mine = page.locator(new URL(page.url()).hash);
    expect(await mine.locator('.held-note').innerText()).toBe('تعليقك بانتظار المراجعة');
    expect(await mine.locator('.comment-body').innerText()).toBe(body);
    await page.context().close();
  });
});

describe('a hostile comment', () => {
  it('is shown as text and never opens a dialog', async () => {
    const payload = `<img src=x onerror=alert(1)> <script>alert(2)</script> ${crypto.randomUUID().slice(0, 6)}`;
    const id = await approvedComment({
      name: '<script>alert(3)</script>',
      body: payload,
      url: 'https://x.example/"><script>alert(4)</script>',
    });
    const page = await openPage(browser(), { viewport: VIEWPORTS[0] });
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    await page.goto(url(SEED_PATH));
    await page.waitForTimeout(500);
    expect(await page.locator(`#comment-${id} .comment-body`).innerText()).toBe(payload);
    expect(await page.locator(`#comment-${id} .comment-author`).innerText()).toBe('<script>alert(3)</script>');
    expect(await page.locator(`#comment-${id} img`).count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});
