// A reader with JavaScript off and only a keyboard sorts the comments and presses «أتفق».
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { approvedComment, openPage, SEED_PATH, url, useBrowser } from './browser.ts';

const browser = useBrowser();

/** Tabs forward until `matches` holds for the focused element (at most 400 steps). */
async function tabTo(page: Page, matches: string): Promise<void> {
  for (let steps = 0; steps < 400; steps++) {
    if (await page.evaluate((selector) => document.activeElement?.matches(selector) ?? false, matches)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`never reached ${matches} by Tab`);
}

/** Ids of the top-level comments in the order shown. */
const rootIds = (page: Page) =>
  page.$$eval('#comments > ol > li > .comment', (nodes) => nodes.map((n) => Number(n.id.replace('comment-', ''))));

describe('sorting and agreeing without JavaScript, by keyboard', () => {
  it('switches the order with the links and agrees, then takes it back, with Enter', async () => {
    const older = await approvedComment({ name: 'الأقدم', body: `تعليق أقدم ${crypto.randomUUID().slice(0, 6)}` });
    const newer = await approvedComment({ name: 'الأحدث', body: `تعليق أحدث ${crypto.randomUUID().slice(0, 6)}` });
    const page = await openPage(browser(), { javaScriptEnabled: false });
    await page.goto(url(SEED_PATH));
    let ids = await rootIds(page);
    expect(ids.indexOf(older)).toBeLessThan(ids.indexOf(newer));

    await page.focus('a.skip');
    await tabTo(page, '.comment-sort a[href*="sort=newest"]');
    await Promise.all([page.waitForURL(/\?sort=newest#comments$/), page.keyboard.press('Enter')]);
    ids = await rootIds(page);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));
    expect(await page.getAttribute('.comment-sort [aria-current="page"]', 'href')).toContain('sort=newest');

    const button = `#comment-${older} .agree button`;
    const count = async () => (await page.textContent(button))?.trim();
    expect(await count()).toBe('أتفق (0)');
    await tabTo(page, button);
    await Promise.all([page.waitForURL(new RegExp(`\\?sort=newest#comment-${older}$`)), page.keyboard.press('Enter')]);
    expect(await count()).toBe('أتفق (1)');
    // Back where the reader was, in the same order.
    ids = await rootIds(page);
    expect(ids.indexOf(newer)).toBeLessThan(ids.indexOf(older));

    await page.goto(url(`${SEED_PATH}?sort=most-agreed`));
    expect((await rootIds(page))[0]).toBe(older);

    await page.focus('a.skip');
    await tabTo(page, button);
    await Promise.all([page.waitForURL(new RegExp(`\\?sort=most-agreed#comment-${older}$`)), page.keyboard.press('Enter')]);
    expect(await count()).toBe('أتفق (0)');
    await page.context().close();
  });
});
