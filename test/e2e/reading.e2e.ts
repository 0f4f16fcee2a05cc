// A reader opens the article on a phone and on a desktop.
import { describe, expect, it } from 'vitest';
import { artifactPath } from './artifacts.ts';
import { openPage, SEED_PATH, seedLines, url, useBrowser, VIEWPORTS } from './browser.ts';

const browser = useBrowser();

describe.each(VIEWPORTS)('the article page on a $name ($width×$height)', (viewport) => {
  it('renders right to left with every word of the article and no horizontal scroll', async () => {
    const page = await openPage(browser(), { viewport });
    await page.goto(url(SEED_PATH));
    const { title, dek, body } = await seedLines();
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).direction)).toBe('rtl');
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('article') as Element).direction)).toBe('rtl');
    expect(await page.locator('h1').innerText()).toBe(title);
    expect(await page.locator('article .dek').innerText()).toBe(dek);
    const blocks = page.locator('article .body > p, article .body > h2');
    expect((await blocks.allInnerTexts()).map((t) => t.trim())).toEqual(body);
    for (const block of await blocks.all()) expect(await block.isVisible()).toBe(true);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });

  it.each(['light', 'dark'] as const)('is captured in the %s colour scheme for people to look at', async (colorScheme) => {
    const page = await openPage(browser(), { viewport, colorScheme });
    await page.goto(url(SEED_PATH));
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(18, 19, 20)' : 'rgb(255, 255, 255)');
    await page.screenshot({ path: await artifactPath(`article-${viewport.name}-${colorScheme}.png`), fullPage: true });
    await page.context().close();
  });
});
