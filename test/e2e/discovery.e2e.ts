// Feeds and sitemaps of the running site, checked by real tools: xmllint (XML Schema), jing (RELAX NG) and a feed
// parser from npm. The schemas are test fixtures in test/fixtures/schemas/ (no network is ever used).
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { promisify } from 'node:util';
import { extractFromJson, extractFromXml } from '@extractus/feed-extractor';
import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/domain/article.ts';
import { newsSitemapXml } from '../../src/views/sitemaps.ts';
import { artifactPath } from './artifacts.ts';
import { SEED_PATH, url } from './browser.ts';

const run = promisify(execFile);
const SCHEMAS = 'test/fixtures/schemas';

async function saved(path: string, name: string): Promise<{ file: string; text: string; type: string }> {
  const response = await fetch(url(path));
  expect(response.status).toBe(200);
  const text = await response.text();
  const file = await artifactPath(name);
  await writeFile(file, text);
  return { file, text, type: response.headers.get('Content-Type') ?? '' };
}

/** Runs a validator; resolves with its exit status and everything it said. */
const check = (command: string, args: string[]) =>
  run(command, args).then(
    ({ stdout, stderr }) => ({ ok: true, out: `${stdout}${stderr}` }),
    (error: { stdout: string; stderr: string }) => ({ ok: false, out: `${error.stdout}${error.stderr}` }),
  );

const xmlSchema = (file: string, schema: string) =>
  check('xmllint', ['--nonet', '--noout', '--schema', `${SCHEMAS}/${schema}`, file]);
const relaxNg = (file: string) => check('jing', ['-c', `${SCHEMAS}/atom.rnc`, file]);

describe('sitemaps (xmllint --nonet against the sitemap schemas)', () => {
  it('/sitemap.xml is a valid sitemap index naming the pages sitemap and the article sitemaps', async () => {
    const { file, text } = await saved('/sitemap.xml', 'sitemap.xml');
    const result = await xmlSchema(file, 'siteindex.xsd');
    expect(result.out).toContain('validates');
    expect(result.ok).toBe(true);
    expect(text).toContain(`<loc>${url('/sitemaps/pages.xml')}</loc>`);
    expect(text).toContain(`<loc>${url('/sitemaps/articles-1.xml')}</loc>`);
    // The urlset schema refuses an index: the two checks are not interchangeable.
    expect((await xmlSchema(file, 'sitemap.xsd')).ok).toBe(false);
  });

  it.each([
    ['/sitemaps/pages.xml', '/'],
    ['/sitemaps/articles-1.xml', SEED_PATH],
  ])('%s, a child of the index, is a valid sitemap', async (path, listed) => {
    const { file, text } = await saved(path, path.slice(1).replace('/', '-'));
    const result = await xmlSchema(file, 'sitemap.xsd');
    expect(result.out).toContain('validates');
    expect(result.ok).toBe(true);
    expect(text).toContain(`<loc>${url(listed)}</loc>`);
  });

  it('/news-sitemap.xml is valid with the news extension', async () => {
    const { file } = await saved('/news-sitemap.xml', 'news-sitemap.xml');
    const result = await xmlSchema(file, 'news-sitemap.xsd');
    expect(result.out).toContain('validates');
    expect(result.ok).toBe(true);
  });

  // Which articles the live news sitemap lists depends on today's date, so its entries are also checked as they would
  // be listed on the day they were published: the site's own articles.
  it('lists recent articles validly, and the schema check bites when a title is missing', async () => {
    const list = (await (await fetch(url('/api/articles?per_page=100'))).json()) as { data: Array<Omit<ArticleSummary, 'hash'>> };
    const text = newsSitemapXml(new URL(url('/')).origin, list.data);
    expect(text).toContain(`<loc>${url(SEED_PATH)}</loc>`);
    const good = await artifactPath('news-sitemap-fixed-clock.xml');
    await writeFile(good, text);
    expect((await xmlSchema(good, 'news-sitemap.xsd')).ok).toBe(true);
    const broken = await artifactPath('news-sitemap-broken.xml');
    await writeFile(broken, text.replace(/<news:title>[^<]*<\/news:title>/g, ''));
    expect((await xmlSchema(broken, 'news-sitemap.xsd')).ok).toBe(false);
  });
});

describe('Atom (jing against the RELAX NG grammar of RFC 4287)', () => {
  it.each([
    ['the site', '/feed.atom'],
    ['a category', '/categories/libya/feed.atom'],
    ["an article's comments", `${SEED_PATH}/comments/feed.atom`],
  ])('%s feed is valid Atom', async (_, path) => {
    const { file } = await saved(path, `feed-${path.replace(/\W+/g, '-').slice(-40)}.atom`);
    const result = await relaxNg(file);
    expect(result.out.split('\n').filter((line) => line.includes('error'))).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('the grammar bites: an entry without an id is rejected', async () => {
    const { text } = await saved('/feed.atom', 'feed.atom');
    const broken = await artifactPath('feed-broken.atom');
    await writeFile(broken, text.replace(/<id>[^<]*<\/id>/g, ''));
    expect((await relaxNg(broken)).ok).toBe(false);
  });
});

describe('RSS and JSON Feed (parsed by @extractus/feed-extractor)', () => {
  it('RSS 2.0 is well-formed and parses into the newest articles, in Arabic', async () => {
    const { file, text, type } = await saved('/feed.xml', 'feed.xml');
    expect(type).toBe('application/rss+xml; charset=UTF-8');
    expect((await check('xmllint', ['--nonet', '--noout', file])).ok).toBe(true);
    const feed = extractFromXml(text, { getExtraFeedFields: (f: { language?: string }) => ({ language: f.language }) }) as {
      title: string;
      language: string;
      entries: Array<{ id: string; link: string; title: string; published: string }>;
    };
    expect(feed.title).toBe('منبر');
    expect(feed.language).toBe('ar');
    const seed = feed.entries.find((e) => e.link === url(SEED_PATH));
    expect(seed?.title).toBe('تركيا تعزز تعاونها العسكري مع شرق ليبيا.. زيارة صدام حفتر لأنقرة مؤشر على تحولات استراتيجية');
    expect(new Date(seed?.published ?? '').toISOString()).toBe('2026-11-29T22:00:00.000Z');
  });

  it('JSON Feed 1.1 parses into the same articles', async () => {
    const { text, type } = await saved('/feed.json', 'feed.json');
    expect(type).toBe('application/feed+json; charset=UTF-8');
    const feed = extractFromJson(JSON.parse(text)) as { title: string; entries: Array<{ link: string; title: string }> };
    expect(feed.title).toBe('منبر');
    expect(feed.entries.map((e) => e.link)).toContain(url(SEED_PATH));
  });
});
