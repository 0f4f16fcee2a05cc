// axe-core in the real page: WCAG 2.2 AA and best practices, zero violations.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { approvedComment, openPage, SEED_PATH, url, useBrowser, VIEWPORTS } from './browser.ts';
import { deskCookie, heldComment } from './desk-helpers.ts';

const browser = useBrowser();
const AXE_SOURCE = readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

async function violations(page: Page): Promise<string[]> {
  // The site's CSP forbids all scripts; axe is injected through DevTools, where CSP does not apply.
  await page.evaluate(await AXE_SOURCE);
  const result = await page.evaluate(
    (tags) =>
      (
        window as unknown as {
          axe: {
            run: (
              ctx: Document,
              opts: object,
            ) => Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }>;
          };
        }
      ).axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    TAGS,
  );
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

const PAGES = [
  ['the front page', '/'],
  ['the article page', SEED_PATH],
  ['the article page sorted by agreement', `${SEED_PATH}?sort=most-agreed`],
  ['the 404 page', '/articles/no-such-article'],
  ['the search results page', `/search?q=${encodeURIComponent('تركيا')}`],
  ['the API index page', '/api'],
  ['a problem type page', '/problems/too-fast'],
] as const;

// Audit the thread as readers see it: with comments, the sort links and the «أتفق» buttons.
beforeAll(async () => {
  await approvedComment({ name: 'قارئة', body: 'تعليق يظهر في الفحص' });
  await approvedComment({ name: 'قارئ', body: 'تعليق ثان يظهر في الفحص' });
});

describe.each(VIEWPORTS)('accessibility on a $name', (viewport) => {
  it.each(PAGES)('%s has no axe violations', async (_, path) => {
    const page = await openPage(browser(), { viewport });
    await page.goto(url(path));
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('the article page with a validation error has no axe violations', async () => {
    const page = await openPage(browser(), { viewport });
    await page.goto(url(SEED_PATH));
    await page.fill('#field-name', 'x');
    await page.fill('#field-email', 'x@example');
    await page.fill('#field-body', 'تعليق');
    await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST' && r.status() === 422),
      page.click('form.comment-form button[type=submit]'),
    ]);
    await page.waitForLoadState();
    expect(await page.locator('.error-summary').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });
});

describe.each(VIEWPORTS)('accessibility of the desk on a $name', (viewport) => {
  it('the sign-in page, and it with an error, have no axe violations', async () => {
    const page = await openPage(browser(), { viewport });
    await page.goto(url('/admin'));
    expect(await violations(page)).toEqual([]);
    await page.fill('#signin-name', 'editor');
    await page.fill('#signin-password', 'wrong password');
    await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('.signin button')]);
    await page.waitForLoadState();
    expect(await page.locator('.form-alert').count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    await page.context().close();
  });

  it('every desk page and the report form have no axe violations', async () => {
    const body = await heldComment('تعليق لفحص الإتاحة');
    const reportable = await approvedComment({ name: 'كاتب', body: `تعليق لفحص نموذج الإبلاغ ${viewport.name}` });
    const cookie = await deskCookie();
    const page = await openPage(browser(), { viewport });
    const [name = '', value = ''] = cookie.split('=');
    await page.context().addCookies([{ name, value, url: url('/admin') }]);
    await page.goto(url(`/admin/comments?status=pending&q=${encodeURIComponent(body)}`));
    const id = (await page.locator('.queue > li').first().getAttribute('id'))?.replace('row-', '');
    const paths = [
      '/admin',
      '/admin/comments?status=pending',
      '/admin/comments?status=approved',
      '/admin/comments?status=reported',
      `/admin/comments/${id}`,
      '/admin/log',
      '/admin/blocks',
      '/admin/privacy',
      `/comments/${reportable}/report`,
    ];
    for (const path of paths) {
      await page.goto(url(path));
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await violations(page), path).toEqual([]);
    }
    await page.context().close();
  });
});
