// The editor's desk by keyboard with JavaScript off: sign in, approve a held comment and see it on the article,
// bulk-spam three, pin a comment and see it first on the article, and find a comment readers reported three times in
// the reported queue. Screenshots of the desk for the README are written to docs/screenshots/ from the desktop run.
import { mkdir } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { artifactPath } from './artifacts.ts';
import { approvedComment, openPage, SEED_PATH, url, useBrowser, VIEWPORTS } from './browser.ts';
import { heldComment, signInByKeyboard, tabTo } from './desk-helpers.ts';

const browser = useBrowser();

async function shoot(page: Page, name: string, forReadme: boolean): Promise<void> {
  await page.screenshot({ path: await artifactPath(`desk-${name}.png`) });
  if (forReadme) {
    await mkdir('docs/screenshots', { recursive: true });
    await page.screenshot({ path: `docs/screenshots/desk-${name}.png` });
  }
}

/** Opens a queue filtered to `marker`, by typing the filter into its form (keyboard only). */
async function filterQueue(page: Page, status: string, marker: string): Promise<void> {
  await page.goto(url(`/admin/comments?status=${status}`));
  await tabTo(page, '#filter-q');
  await page.keyboard.type(marker);
  await Promise.all([page.waitForURL(/q=/), page.keyboard.press('Enter')]);
}

describe.each(VIEWPORTS)('the desk on a $name, keyboard only, JavaScript off', (viewport) => {
  const readme = viewport.name === 'desktop';

  it('signs in, approves a held comment and sees it on the article page', async () => {
    const body = await heldComment('تعليق ينتظر الاعتماد');
    const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
    await page.goto(url('/admin'));
    await shoot(page, 'sign-in', readme);
    await signInByKeyboard(page);
    expect(await page.locator('h1').innerText()).toBe('مكتب التحرير');
    await shoot(page, 'home', readme);
    await filterQueue(page, 'pending', body);
    const row = page.locator('.queue > li', { hasText: body });
    expect(await row.count()).toBe(1);
    await shoot(page, 'queue', readme);
    const id = (await row.getAttribute('id'))?.replace('row-', '');
    await tabTo(page, `button[formaction="/admin/comments/${id}/moderate"][value=approve]`);
    await Promise.all([page.waitForURL(/done=approve/), page.keyboard.press('Enter')]);
    expect(await page.locator('.done').innerText()).toBe('اعتُمد: 1');
    // The desk is another Worker: the public one may answer from its response memory for RESPONSE_CACHE_SECONDS (5 s)
    // before the approval shows, as after any change made behind its back.
    const comment = page.locator(`#comment-${id} .comment-body`);
    for (let tries = 0; tries < 8 && (await comment.count()) === 0; tries++) {
      await page.waitForTimeout(tries === 0 ? 0 : 1000);
      await page.goto(url(SEED_PATH));
    }
    expect(await comment.innerText()).toBe(body);
    await page.context().close();
  });

  it('bulk-spams three held comments with checkboxes', async () => {
    const marker = `دفعة-${crypto.randomUUID().slice(0, 6)}`;
    for (let i = 0; i < 3; i++) await heldComment(`${marker} ${i}`);
    const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
    await signInByKeyboard(page);
    await filterQueue(page, 'pending', marker);
    const boxes = page.locator('input[name=ids]');
    expect(await boxes.count()).toBe(3);
    for (const value of await boxes.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))) {
      await tabTo(page, `input[name=ids][value="${value}"]`);
      await page.keyboard.press('Space');
    }
    await page.keyboard.down('Shift');
    await tabTo(page, '#bulk-action');
    await page.keyboard.up('Shift');
    // approve, unapprove, spam: two steps down.
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#bulk-action').inputValue()).toBe('spam');
    await shoot(page, 'bulk', readme);
    await page.keyboard.press('Tab');
    await Promise.all([page.waitForURL(/done=spam/), page.keyboard.press('Enter')]);
    expect(await page.locator('.done').innerText()).toBe('نُقل إلى المزعجة: 3');
    expect(await page.locator('input[name=ids]').count()).toBe(0);
    await filterQueue(page, 'spam', marker);
    expect(await page.locator('input[name=ids]').count()).toBe(3);
    await page.context().close();
  });

  it('pins a published comment by keyboard and sees it first on the article page, then unpins it', async () => {
    const body = `تعليق سيُثبَّت ${crypto.randomUUID().slice(0, 6)}`;
    const id = await approvedComment({ name: 'كاتب مثبّت', body });
    const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
    await signInByKeyboard(page);
    await page.goto(url(`/admin/comments/${id}`));
    await tabTo(page, `button[formaction="/admin/comments/${id}/pin"][value=pin]`);
    await Promise.all([page.waitForURL(/done=pin/), page.keyboard.press('Enter')]);
    expect(await page.locator('.done').innerText()).toBe('ثُبّت التعليق أعلى مقاله.');
    expect(await page.locator('.pin-state').innerText()).toBe('مثبّت');
    await shoot(page, 'pinned', readme);
    // Shown by the public Worker once its response memory (5 s) has let go, as after any change made from the desk.
    const first = page.locator('#comments > ol > li:first-child > .comment');
    for (let tries = 0; tries < 8; tries++) {
      await page.goto(url(SEED_PATH));
      if ((await first.getAttribute('id')) === `comment-${id}`) break;
      await page.waitForTimeout(1000);
    }
    expect(await first.getAttribute('id')).toBe(`comment-${id}`);
    expect(await first.locator('.pinned').innerText()).toBe('مثبّت');
    // Unpinned again, so the rest of the suite sees the article's threads in their own order.
    await page.goto(url(`/admin/comments/${id}`));
    await tabTo(page, `button[formaction="/admin/comments/${id}/pin"][value=unpin]`);
    await Promise.all([page.waitForURL(/done=unpin/), page.keyboard.press('Enter')]);
    expect(await page.locator('.done').innerText()).toBe('أُلغي تثبيت التعليق.');
    await page.context().close();
  });

  it('a comment reported by three readers goes to the reported queue', async () => {
    const body = `تعليق سيُبلَّغ عنه ${crypto.randomUUID().slice(0, 6)}`;
    const id = await approvedComment({ name: 'كاتب', body });
    for (let reader = 0; reader < 3; reader++) {
      const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
      await page.goto(url(`${SEED_PATH}#comment-${id}`));
      await page.focus(`#comment-${id} a.reply`);
      await tabTo(page, `#comment-${id} a.report`);
      await Promise.all([page.waitForURL(/\/report$/), page.keyboard.press('Enter')]);
      // Tab enters the group of reasons at its first; the arrow keys choose within it.
      await tabTo(page, '#reason-spam');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#reason-abuse').isChecked()).toBe(true);
      if (reader === 0) await shoot(page, 'report-form', readme);
      await page.keyboard.press('Tab');
      await Promise.all([page.waitForLoadState(), page.keyboard.press('Enter')]);
      await page.waitForSelector('.form-alert');
      expect(await page.locator('.form-alert').innerText()).toBe('شكراً لك. وصل بلاغك إلى المحررين.');
      await page.context().close();
    }
    const page = await openPage(browser(), { viewport, javaScriptEnabled: false });
    // Held again by the desk Worker: gone from the page once the public Worker's response memory (5 s) has let go.
    for (let tries = 0; tries < 8; tries++) {
      await page.goto(url(SEED_PATH));
      if ((await page.locator(`#comment-${id}`).count()) === 0) break;
      await page.waitForTimeout(1000);
    }
    expect(await page.locator(`#comment-${id}`).count()).toBe(0);
    await signInByKeyboard(page);
    await tabTo(page, 'a[href="/admin/comments?status=reported"]');
    await Promise.all([page.waitForURL(/status=reported/), page.keyboard.press('Enter')]);
    const row = page.locator(`#row-${id}`);
    expect(await row.locator('.reasons').last().innerText()).toContain('بلاغات القرّاء: 3');
    await shoot(page, 'reported', readme);
    await page.context().close();
  });
});
