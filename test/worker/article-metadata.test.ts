// What search engines and social networks read from an article page: robots, NewsArticle JSON-LD, Open Graph, Twitter.
import { describe, expect, it } from 'vitest';
import { newReader, seedComment } from './helpers/comments.ts';
import { attributesOf, textsOf } from './helpers/html.ts';
import { request, SEED_PATH } from './helpers/http.ts';
import { checkSchemaOrg } from './helpers/schema-org.ts';

const page = async (path: string) => (await request(path)).text();
const jsonLdOf = async (html: string) => JSON.parse((await textsOf(html, 'script[type="application/ld+json"]'))[0] ?? '');
const meta = (html: string, attribute: 'name' | 'property', key: string) =>
  attributesOf(html, `meta[${attribute}="${key}"]`, 'content');

describe('the schema.org checker used below', () => {
  it('finds unknown types and properties, values outside a range, and nodes of the wrong type', () => {
    expect(checkSchemaOrg({ '@type': 'NewsArticle', headline: 'x', commentCount: 2 })).toEqual([]);
    expect(
      checkSchemaOrg({
        '@type': 'NewsArticle',
        headline: 3,
        commentCount: '2',
        authorUrl: 'https://x.example',
        author: [
          { '@type': 'WebPage', name: 'x' },
          { '@type': 'Person', name: 'y', url: 'not a url' },
        ],
        image: ['https://x.example/a.jpg', 'a.jpg'],
        datePublished: '30/11/2026',
      }),
    ).toEqual([
      '$.headline: 3 is not Text',
      '$.commentCount: "2" is not Integer',
      '$.authorUrl: not a property of NewsArticle',
      '$.author[0]: WebPage is not one of Organization, Person',
      '$.author[1].url: "not a url" is not URL',
      '$.image[1]: "a.jpg" is not ImageObject or URL',
      '$.datePublished: "30/11/2026" is not Date or DateTime',
    ]);
    expect(checkSchemaOrg({ '@type': 'Newsarticle' })).toEqual(['$: unknown @type "Newsarticle"']);
  });
});

describe('article page metadata', () => {
  it('lets Google show large image previews on indexable pages, and keeps error pages out', async () => {
    for (const path of [SEED_PATH, '/articles/ankara-energy', '/', '/categories/turkey'])
      expect(await meta(await page(path), 'name', 'robots')).toEqual(['max-image-preview:large']);
    expect(await meta(await page('/articles/nothing-here'), 'name', 'robots')).toEqual(['noindex']);
  });

  it('describes the article as a schema.org NewsArticle: authors with their pages, every crop of the image', async () => {
    const data = await jsonLdOf(await page('/articles/ankara-energy'));
    expect(checkSchemaOrg(data)).toEqual([]);
    expect(data['@type']).toBe('NewsArticle');
    expect(data.author).toEqual([
      { '@type': 'Person', name: 'هدى المصراتي', url: 'https://minbar.example.com/authors/huda' },
      { '@type': 'Person', name: 'سالم الورفلي' },
    ]);
    expect(data.image).toEqual([
      'https://images.example.org/ankara.jpg',
      'https://images.example.org/ankara-4x3.jpg',
      'https://images.example.org/ankara-1x1.jpg',
    ]);
  });

  it('is valid for an article without authors or image, the seed', async () => {
    const data = await jsonLdOf(await page(SEED_PATH));
    expect(checkSchemaOrg(data)).toEqual([]);
    expect(data).not.toHaveProperty('author');
    expect(data).not.toHaveProperty('image');
  });

  it('counts the approved comments shown in commentCount, never held ones', async () => {
    const slug = 'benghazi-port';
    const before = (await jsonLdOf(await page(`/articles/${slug}`))).commentCount;
    expect(before).toBe(0);
    const root = await seedComment({ slug, body: 'ظاهر' });
    await seedComment({ slug, body: 'رد ظاهر', parentId: root, depth: 2 });
    await seedComment({ slug, body: 'معلّق', status: 'pending', reader: newReader() });
    const html = await page(`/articles/${slug}`);
    expect((await jsonLdOf(html)).commentCount).toBe(2);
    expect(await textsOf(html, '#comments-title')).toEqual(['تعليقان']);
    expect(await attributesOf(html, '#comments .comment', 'id')).toHaveLength(2);
  });

  it('gives Open Graph and Twitter the image with its size and alt text', async () => {
    const html = await page('/articles/ankara-energy');
    expect(await meta(html, 'property', 'og:image')).toEqual(['https://images.example.org/ankara.jpg']);
    expect(await meta(html, 'property', 'og:image:width')).toEqual(['1200']);
    expect(await meta(html, 'property', 'og:image:height')).toEqual(['675']);
    expect(await meta(html, 'property', 'og:image:alt')).toEqual(['ميناء أنقرة']);
    expect(await meta(html, 'name', 'twitter:card')).toEqual(['summary_large_image']);
    expect(await meta(html, 'name', 'twitter:image')).toEqual(['https://images.example.org/ankara.jpg']);
    expect(await meta(html, 'name', 'twitter:image:alt')).toEqual(['ميناء أنقرة']);
    expect(await attributesOf(html, 'header .meta a[rel="author"]', 'href')).toEqual(['https://minbar.example.com/authors/huda']);
    const seed = await page(SEED_PATH);
    expect(await meta(seed, 'name', 'twitter:image')).toEqual([]);
    expect(await meta(seed, 'name', 'twitter:card')).toEqual(['summary']);
  });

  it('offers authors’ pages in the article JSON', async () => {
    const article = (await (await request('/api/articles/ankara-energy')).json()) as {
      authors: unknown;
      image: { variants: unknown[] };
    };
    expect(article.authors).toEqual([
      { name: 'هدى المصراتي', url: 'https://minbar.example.com/authors/huda' },
      { name: 'سالم الورفلي' },
    ]);
    expect(article.image.variants).toHaveLength(2);
  });
});
