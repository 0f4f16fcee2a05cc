// A reader who uses only the keyboard.
import { describe, expect, it } from 'vitest';
import { adminApi, openPage, SEED_PATH, url, useBrowser, VIEWPORTS } from './browser.ts';

const browser = useBrowser();

describe.each(VIEWPORTS)('keyboard only on a $name', (viewport) => {
  it('reaches the skip link first, and it moves focus to the main content', async () => {
    const page = await openPage(browser(), { viewport });
    await page.goto(url(SEED_PATH));
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('انتقل إلى المحتوى');
    expect(await page.locator('a.skip').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    await page.context().close();
  });

  it('fills and sends the comment form with Tab, typing and Enter', async () => {
    const page = await openPage(browser(), { viewport });
    await page.goto(url(SEED_PATH));
    await page.focus('a.skip');
    let steps = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'field-name' && steps++ < 200)
      await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('field-name');
    const email = `keys-${crypto.randomUUID()}@example.com`;
    await page.keyboard.type('لوحة المفاتيح');
    await page.keyboard.press('Tab');
    await page.keyboard.type(email);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.type('كتبته بلوحة المفاتيح وحدها');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('BUTTON');
    await Promise.all([page.waitForURL(/#comment-\d+$/), page.keyboard.press('Enter')]);
    const queue = (await (await adminApi('/comments?limit=100')).json()) as {
      data: Array<{ body: string; author: { email: string } }>;
    };
    expect(queue.data.find((c) => c.author.email === email)?.body).toBe('كتبته بلوحة المفاتيح وحدها');
    await page.context().close();
  });

  it('goes back to the top with the back-to-top link', async () => {
    const page = await openPage(browser(), { viewport, reducedMotion: 'reduce' });
    await page.goto(url(SEED_PATH));
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    await page.focus('a.to-top');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => window.scrollY === 0);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await page.context().close();
  });
});
