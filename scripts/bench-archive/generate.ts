/**
 * A generated archive for `npm run bench:archive`: N articles made from the seed article, with varied titles, a dozen
 * categories (one of them much larger than the others, for deep pages) and publication times every 30 minutes,
 * ending an hour ago (so the news sitemap has its two days of articles), which spreads 100,000 over about six years.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The categories; the first gets every fourth article on top of its share, so it is the largest. */
const CATEGORIES = [
  { slug: 'libya', name: 'ليبيا' },
  { slug: 'turkey', name: 'تركيا' },
  { slug: 'egypt', name: 'مصر' },
  { slug: 'tunisia', name: 'تونس' },
  { slug: 'algeria', name: 'الجزائر' },
  { slug: 'sudan', name: 'السودان' },
  { slug: 'economy', name: 'اقتصاد' },
  { slug: 'energy', name: 'طاقة' },
  { slug: 'sports', name: 'رياضة' },
  { slug: 'culture', name: 'ثقافة' },
  { slug: 'world', name: 'العالم' },
  { slug: 'opinion', name: 'رأي' },
] as const;

const TOPICS = ['تحليل', 'عاجل', 'تقرير', 'حوار', 'متابعة', 'قراءة', 'ملف', 'رصد', 'خاص', 'تحقيق'];
const STEP_MS = 30 * 60_000;

/** Slug of generated article `i` (1-based; N is the newest). */
export const archiveSlug = (i: number): string => `archive-${i}`;

/** The category of generated article `i`. */
const categoryOf = (i: number): { slug: string; name: string } =>
  i % 4 === 0 ? CATEGORIES[0] : (CATEGORIES[i % CATEGORIES.length] ?? CATEGORIES[0]);

/** The seed article's body (everything after its front matter). */
async function seedBody(seedFile: string): Promise<string> {
  const source = await readFile(seedFile, 'utf8');
  return source.slice(source.indexOf('\n---\n', 4) + 5);
}

/** The source of generated article `i`, published `(n - i) * 30 min + 1 h` before `now`. */
export function archiveArticle(i: number, n: number, body: string, now: number, titleSuffix = ''): string {
  const published = new Date(now - 3_600_000 - (n - i) * STEP_MS);
  const category = categoryOf(i);
  const stamp = `${published.toISOString().slice(0, 19)}+00:00`;
  return [
    '---',
    `title: "${TOPICS[i % TOPICS.length]}: تركيا تعزز تعاونها العسكري مع شرق ليبيا (${i})${titleSuffix}"`,
    `dek: "قراءة رقم ${i} في التقارب التركي مع شرق ليبيا"`,
    `category: { slug: ${category.slug}, name: ${category.name} }`,
    `published: ${stamp}`,
    'comments: open',
    '---',
    '',
    `مرجع${i}: ${body}`,
  ].join('\n');
}

/**
 * Writes articles 1…n into `dir`; returns the largest category and how many articles it has.
 * @example await generateArchive(join(tmpdir(), 'minbar-archive'), 2000, 'content/articles/seed.md', Date.now())
 */
export async function generateArchive(
  dir: string,
  n: number,
  seedFile: string,
  now: number,
): Promise<{ body: string; largest: { slug: string; count: number } }> {
  const body = await seedBody(seedFile);
  for (let i = 1; i <= n; i += 1) await writeFile(join(dir, `${archiveSlug(i)}.md`), archiveArticle(i, n, body, now));
  let count = 0;
  for (let i = 1; i <= n; i += 1) if (categoryOf(i).slug === CATEGORIES[0].slug) count += 1;
  return { body, largest: { slug: CATEGORIES[0].slug, count } };
}
