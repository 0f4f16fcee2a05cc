import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { buildArticle, buildPublication, readContentDir, type SourceFile } from '../../scripts/lib/publication.ts';

const file = (name: string, frontMatter: string, body = 'نص الخبر.'): SourceFile => ({
  path: `content/articles/${name}.md`,
  source: `---\n${frontMatter.trim()}\n---\n\n${body}\n`,
});

const VALID = `
title: "عنوان"
dek: "موجز"
category:
  slug: libya
  name: ليبيا
published: 2026-11-30
`;

/** The errors an editor would see for one file, as `field: message`. */
const errorsOf = (source: SourceFile) => buildArticle(source).errors.map((e) => `${e.field}: ${e.message}`);

describe('buildArticle', () => {
  it('renders Markdown to HTML with heading ids, once, at publish time', () => {
    const { article, errors } = buildArticle(file('x', VALID, 'فقرة **مهمة**.\n\n## عنوان فرعي\n\nفقرة أخرى.'));
    expect(errors).toEqual([]);
    expect(article?.body_html).toBe(
      '<p>فقرة <strong>مهمة</strong>.</p>\n<h2 id="عنوان-فرعي">عنوان فرعي</h2>\n<p>فقرة أخرى.</p>\n',
    );
    expect(article?.headings).toEqual([{ id: 'عنوان-فرعي', text: 'عنوان فرعي' }]);
    expect(article?.word_count).toBe(6);
    expect(article?.published_at).toBe('2026-11-30T00:00:00+02:00');
    expect(article?.comments_open).toBe(true);
  });

  it('hashes the content: same file, same hash; any change, a new hash', () => {
    const a = buildArticle(file('x', VALID)).article?.hash;
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(buildArticle(file('x', VALID)).article?.hash).toBe(a);
    expect(buildArticle(file('x', VALID, 'نص آخر.')).article?.hash).not.toBe(a);
  });

  it('stores slugs and text as NFC, even from an NFD file name (macOS)', () => {
    const nfdName = 'أنقرة'.normalize('NFD');
    const { article } = buildArticle(file(nfdName, VALID.replace('عنوان', 'أنقرة'.normalize('NFD'))));
    expect(article?.slug).toBe('أنقرة');
    expect(article?.title).toBe('أنقرة');
  });

  it.each([
    ['a missing title', VALID.replace('title: "عنوان"', ''), 'title: Invalid input: expected string, received undefined'],
    ['an empty dek', VALID.replace('dek: "موجز"', 'dek: "  "'), 'dek: must not be empty'],
    ['a misspelt field', `${VALID}\ntitel: x`, 'front matter: Unrecognized key: "titel"'],
    ['an impossible date', VALID.replace('2026-11-30', '2026-02-30'), 'published: must be a date (YYYY-MM-DD)'],
    ['a date without offset', VALID.replace('2026-11-30', '2026-11-30T10:00:00'), 'published: must be a date'],
    ['an update before publication', `${VALID}\nupdated: 2026-11-01`, 'updated: must not be earlier than published'],
    ['an upper-case category slug', VALID.replace('slug: libya', 'slug: Libya'), 'category.slug: must be lower-case letters'],
    ['comments neither open nor closed', `${VALID}\ncomments: maybe`, 'comments: Invalid option'],
    ['an image without alt text', `${VALID}\nimage: { url: "https://x.org/a.jpg", width: 10, height: 10 }`, 'image.alt:'],
    [
      'an image on a javascript: URL',
      `${VALID}\nimage: { url: "javascript:alert(1)", alt: a, width: 1, height: 1 }`,
      'image.url: must be an http(s) URL',
    ],
    ['broken YAML', 'title: "unclosed', 'front matter: is not valid YAML'],
  ])('rejects %s, naming the field', (_, frontMatter, expected) => {
    expect(errorsOf(file('x', frontMatter)).join('\n')).toContain(expected);
  });

  it.each([
    ['raw HTML', '<script>alert(1)</script>', 'body: raw HTML is not allowed'],
    ['a second h1', '# عنوان آخر', 'body: heading level 1 is not allowed'],
    ['a javascript: link', '[انقر](javascript:alert(1))', 'body: contains a link or image that is not allowed'],
    ['an empty body', '', 'body: must not be empty'],
  ])('rejects a body with %s instead of silently dropping it', (_, body, expected) => {
    expect(errorsOf(file('x', VALID, body)).join('\n')).toContain(expected);
  });

  it('reads authors as plain names or { name, url }, and image crops in other aspect ratios', () => {
    const { article, errors } = buildArticle(
      file(
        'x',
        `${VALID}
authors: [هدى, { name: سالم, url: "https://x.org/salem" }]
image:
  url: https://x.org/a.jpg
  alt: صورة
  width: 1600
  height: 900
  variants: [{ url: "https://x.org/a-1x1.jpg", width: 1200, height: 1200 }]`,
      ),
    );
    expect(errors).toEqual([]);
    expect(article?.authors).toEqual([
      { name: 'هدى', url: null },
      { name: 'سالم', url: 'https://x.org/salem' },
    ]);
    expect(article?.image?.variants).toEqual([{ url: 'https://x.org/a-1x1.jpg', width: 1200, height: 1200 }]);
    expect(errorsOf(file('x', `${VALID}\nauthors: [{ name: سالم, url: "javascript:x" }]`)).join('\n')).toContain('authors.0');
  });

  it('warns, without refusing, about images narrower than 1200 px (too small for large Discover previews)', () => {
    const narrow = `${VALID}
image:
  url: https://x.org/small.jpg
  alt: صورة
  width: 800
  height: 450
  variants: [{ url: "https://x.org/ok.jpg", width: 1200, height: 1200 }, { url: "https://x.org/tiny.jpg", width: 600, height: 600 }]`;
    const { article, errors, warnings } = buildArticle(file('x', narrow));
    expect(errors).toEqual([]);
    expect(article?.image?.url).toBe('https://x.org/small.jpg');
    expect(warnings?.map((w) => `${w.field}: ${w.message}`)).toEqual([
      'image: is 800 px wide; Google Discover shows large images only from 1200 px (https://x.org/small.jpg)',
      'image.variants.1: is 600 px wide; Google Discover shows large images only from 1200 px (https://x.org/tiny.jpg)',
    ]);
    const built = buildPublication([file('x', narrow)]);
    expect(built.publication?.articles).toHaveLength(1);
    expect(built.warnings).toHaveLength(2);
    expect(buildArticle(file('x', VALID)).warnings).toEqual([]);
  });

  it('rejects a file name that is not a slug unless front matter gives one', () => {
    expect(errorsOf(file('Bad Name', VALID))).toEqual([
      'slug: "Bad Name" (from the file name) is not a valid slug; rename the file or set slug',
    ]);
    expect(errorsOf(file('Bad Name', `${VALID}\nslug: good-name`))).toEqual([]);
  });
});

describe('buildPublication', () => {
  it('publishes the seed article with its 9 paragraphs and 3 subheadings', async () => {
    const { publication, errors } = buildPublication(await readContentDir('content/articles'));
    expect(errors).toEqual([]);
    const [seed] = publication?.articles ?? [];
    expect(seed?.body_html.match(/<p>/g)).toHaveLength(9);
    expect(seed?.headings).toHaveLength(3);
    expect(seed?.category).toEqual({ slug: 'libya', name: 'ليبيا' });
    expect(seed?.authors).toEqual([]);
    const source = await readFile('test/fixtures/seed-article.txt', 'utf8');
    expect(source.split('\n').find((l) => l.trim())).toBe(seed?.category.name);
  });

  it('refuses everything when any one file is invalid', () => {
    const { publication, errors } = buildPublication([
      file('good', VALID),
      file('bad', VALID.replace('2026-11-30', 'yesterday')),
    ]);
    expect(publication).toBeUndefined();
    expect(errors).toEqual([expect.objectContaining({ file: 'content/articles/bad.md', field: 'published' })]);
  });

  it('rejects two files with one slug and one category with two names', () => {
    const { errors } = buildPublication([
      file('a', `${VALID}\nslug: same`),
      file('b', `${VALID.replace('name: ليبيا', 'name: ليبيا الجديدة')}\nslug: same`),
    ]);
    expect(errors.map((e) => `${e.file}: ${e.field}`)).toEqual([
      'content/articles/b.md: slug',
      'content/articles/b.md: category.name',
    ]);
  });

  it('orders the feeds newest first, then by slug', () => {
    const { publication } = buildPublication([
      file('older', VALID.replace('2026-11-30', '2026-01-01')),
      file('newer', VALID.replace('2026-11-30', '2026-11-30T12:00:00+02:00')),
      file('middle', VALID),
      file('also-middle', VALID),
    ]);
    expect(publication?.feeds.get('v1:feed:all')?.articles.map((a) => a.slug)).toEqual([
      'newer',
      'also-middle',
      'middle',
      'older',
    ]);
  });
});

describe('feeds', () => {
  it('builds the site feed and one per category, newest first, full articles, at most 20', () => {
    const files = Array.from({ length: 22 }, (_, i) =>
      file(`a${i}`, VALID.replace('2026-11-30', `2026-11-${String(i + 1).padStart(2, '0')}`)),
    );
    const { publication } = buildPublication([
      ...files,
      file('t', VALID.replace('slug: libya', 'slug: turkey').replace('name: ليبيا', 'name: تركيا')),
    ]);
    const all = publication?.feeds.get('v1:feed:all');
    expect(all?.articles).toHaveLength(20);
    expect(all?.articles.slice(0, 2).map((a) => a.slug)).toEqual(['t', 'a21']);
    expect(all?.articles[0]?.body_html).toBe('<p>نص الخبر.</p>\n');
    expect(publication?.feeds.get('v1:feed:category:turkey')).toMatchObject({
      category: { slug: 'turkey', name: 'تركيا' },
      articles: [{ slug: 't' }],
    });
    expect([...(publication?.feeds.keys() ?? [])].sort()).toEqual([
      'v1:feed:all',
      'v1:feed:category:libya',
      'v1:feed:category:turkey',
    ]);
  });
});
