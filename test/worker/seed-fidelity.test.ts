// Not one word of the seed article may be lost or altered between content/ and what readers and apps get.
import { describe, expect, it } from 'vitest';
import seed from '../fixtures/seed-article.txt?raw';
import { textsOf } from './helpers/html.ts';
import { request, SEED_PATH } from './helpers/http.ts';

const lines = seed.split('\n').filter((line) => line.trim() !== '');
const [category, title, dek] = lines as [string, string, string];
/** Paragraphs and subheadings, in order; the last three lines are the original site's page chrome. */
const body = lines.slice(3, -3);
const chrome = lines.slice(-3);
const SUBHEADINGS = [
  'زيارات متعددة لوفود رسمية',
  'وصول السفينة الحربية التركية «تي جي جي كينالي آدا» إلى ميناء بنغازي',
  'أردوغان يكشف عن نهج بلاده الجديد في التعامل مع ليبيا',
];

describe('the seed article', () => {
  it('golden fixture has 9 paragraphs and 3 subheadings', () => {
    expect(body.filter((line) => SUBHEADINGS.includes(line))).toEqual(SUBHEADINGS);
    expect(body.length - SUBHEADINGS.length).toBe(9);
  });

  it('arrives in the JSON word for word, in order', async () => {
    const response = await request(`/api${SEED_PATH}`);
    const article = (await response.json()) as {
      title: string;
      dek: string;
      category: { name: string };
      body_html: string;
      headings: Array<{ text: string }>;
    };
    expect(article.title).toBe(title);
    expect(article.dek).toBe(dek);
    expect(article.category.name).toBe(category);
    expect(await textsOf(article.body_html, 'p, h2')).toEqual(body);
    expect(await textsOf(article.body_html, 'h2')).toEqual(SUBHEADINGS);
    expect(article.headings.map((h) => h.text)).toEqual(SUBHEADINGS);
  });

  it('arrives in the HTML page word for word, in order', async () => {
    const html = await (await request(SEED_PATH)).text();
    expect(await textsOf(html, 'article h1')).toEqual([title]);
    expect(await textsOf(html, 'article .dek')).toEqual([dek]);
    expect(await textsOf(html, 'article .body p, article .body h2')).toEqual(body);
    expect(await textsOf(html, '.crumbs li')).toContain(category);
  });

  it('keeps the page chrome out of the article but offers it on the page', async () => {
    const html = await (await request(SEED_PATH)).text();
    const articleText = (await textsOf(html, 'article')).join('\n');
    for (const line of chrome) expect(articleText).not.toContain(line);
    const [heading, notice, backToTop] = chrome as [string, string, string];
    expect(await textsOf(html, '#respond h2')).toEqual([heading]);
    expect(await textsOf(html, '#respond .notice')).toEqual([notice]);
    // The original button read «زر الذهاب إلى الأعلى» ("button: back to top"); the page offers it as a link.
    expect(backToTop).toBe('زر الذهاب إلى الأعلى');
    expect(await textsOf(html, 'a[href="#top"]')).toEqual(['الذهاب إلى الأعلى']);
  });
});
