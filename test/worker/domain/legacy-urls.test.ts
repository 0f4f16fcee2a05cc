// Where a reader's old WordPress bookmark leads, URL form by URL form (the redirects themselves: legacy-redirects.test.ts).
import { describe, expect, it } from 'vitest';
import { legacyKey, resolveLegacyUrl } from '../../../src/domain/legacy-urls.ts';

const ARTICLE = '/articles/x';
const CATEGORY = '/categories/c';

/** What an old URL resolves to: a direct location, or the keys looked up and where each kind of target then leads. */
function resolve(url: string) {
  const [path = '', query = ''] = url.split('?');
  const found = resolveLegacyUrl(path, new URLSearchParams(query));
  if (found === null || 'location' in found) return found;
  return { keys: found.keys, article: found.locate(ARTICLE), category: found.locate(CATEGORY) };
}

describe('resolveLegacyUrl', () => {
  it.each([
    ['/feed/', '/feed.xml'],
    ['/feed/rss/', '/feed.xml'],
    ['/feed/rdf/', '/feed.xml'],
    ['/feed/rss2/', '/feed.xml'],
    ['/feed/atom/', '/feed.atom'],
    ['/?feed=rss', '/feed.xml'],
    ['/?feed=atom', '/feed.atom'],
    ['/comments/feed/', '/feed.xml'],
    ['/comments/feed/atom/', '/feed.xml'],
    ['/search/%D8%AD%D9%81%D8%AA%D8%B1/', `/search?q=${encodeURIComponent('حفتر')}`],
    ['/search/%20/', '/search'],
    ['/?s=a%20b', '/search?q=a%20b'],
    ['/?s=', '/search'],
    ['/page/3/', '/?page=3'],
  ])('sends %s to %s', (url, location) => {
    expect(resolve(url)).toEqual({ location });
  });

  it.each([['/feed/json/'], ['/?feed=json'], ['/?x=1'], ['/a/b/c/d/name/'], ['/%E0%A4%A/']])(
    'is not a WordPress URL: %s',
    (url) => {
      expect(resolve(url)).toBeNull();
    },
  );

  it('finds a post by its id in ?p=, ?page_id= (on any path) and /archives/<id>, and nothing for a non-number', () => {
    for (const url of ['/?p=42', '/?page_id=42', '/some/path/?p=42', '/archives/42'])
      expect(resolve(url)).toEqual({ keys: [legacyKey.id(42)], article: ARTICLE, category: CATEGORY });
    expect(resolve('/archives/42/feed/')).toMatchObject({ keys: ['id:42'], article: `${ARTICLE}/comments/feed.xml` });
    expect(resolve('/?p=abc')).toBeNull();
    expect(resolve('/?p=abc&s=x')).toEqual({ location: '/search?q=x' });
  });

  it.each([
    ['/name/', ARTICLE],
    ['/2026/11/30/name/', ARTICLE],
    ['/2026/11/name/', ARTICLE],
    ['/topic/name/', ARTICLE],
    ['/name/feed/', `${ARTICLE}/comments/feed.xml`],
    ['/name/feed/rss2/', `${ARTICLE}/comments/feed.xml`],
    ['/name/feed/rdf/', `${ARTICLE}/comments/feed.xml`],
    ['/name/feed/atom/', `${ARTICLE}/comments/feed.atom`],
    ['/name/amp/', ARTICLE],
    ['/name/embed/', ARTICLE],
    ['/name/trackback/', ARTICLE],
    ['/name/comment-page-12/', `${ARTICLE}#comments`],
    ['/name/2/', ARTICLE],
    ['/2026/11/30/name/amp/', ARTICLE],
  ])('looks %s up as the post «name» and leads to %s', (url, article) => {
    expect(resolve(url)).toMatchObject({ keys: [legacyKey.post('name')], article });
  });

  it('reads a number after a number as the post name (a date), not as a page of it', () => {
    expect(resolve('/2026/11/')).toMatchObject({ keys: ['post:11'], article: ARTICLE });
    expect(resolve('/2026/')).toMatchObject({ keys: ['post:2026'] });
    expect(resolve('/name/comment-page-x/')).toMatchObject({ keys: ['post:comment-page-x'] });
  });

  it('decodes names and makes them NFC, as the importer wrote the keys', () => {
    expect(resolve('/%D9%84%D9%8A%D8%A8%D9%8A%D8%A7/')).toMatchObject({ keys: [legacyKey.post('ليبيا')] });
    expect(resolve('/caf%C3%A9/')).toMatchObject({ keys: ['post:café'] });
    expect(resolve('/cafe%CC%81/')).toMatchObject({ keys: ['post:café'] });
  });

  it.each([
    ['/category/c/', legacyKey.category('c'), CATEGORY],
    ['/category/parent/c/', legacyKey.category('c'), CATEGORY],
    ['/category/c/page/2/', legacyKey.category('c'), `${CATEGORY}?page=2`],
    ['/category/c/page/1/', legacyKey.category('c'), CATEGORY],
    ['/category/c/feed/', legacyKey.category('c'), `${CATEGORY}/feed.xml`],
    ['/category/c/feed/atom/', legacyKey.category('c'), `${CATEGORY}/feed.atom`],
    ['/category/c/feed/rss2/', legacyKey.category('c'), `${CATEGORY}/feed.xml`],
  ])('looks %s up as the category last (after a post it may name) and leads the category to %s', (url, key, category) => {
    const found = resolve(url);
    expect(found).toMatchObject({ category });
    expect(found && 'keys' in found ? found.keys.at(-1) : null).toBe(key);
  });

  it('leads a post found under a category base to the post, with its suffix', () => {
    expect(resolve('/category/c/name/')).toEqual({
      keys: [legacyKey.post('name'), legacyKey.category('name')],
      article: ARTICLE,
      category: CATEGORY,
    });
    expect(resolve('/category/c/')).toMatchObject({ keys: ['category:c'] });
    expect(resolve('/category/parent/c/')).toMatchObject({ keys: ['post:c', 'category:c'] });
    expect(resolve('/category/c/name/amp/')).toMatchObject({ keys: ['post:name', 'category:amp'], article: ARTICLE });
    expect(resolve('/category/c/name/feed/')).toMatchObject({ article: `${ARTICLE}/comments/feed.xml` });
  });

  it('reads each trailing part only where WordPress put it, so other names stay names', () => {
    const post = (url: string) => {
      const found = resolve(url);
      return found && 'keys' in found ? found.keys : found;
    };
    expect(post('/name/atom/')).toEqual(['post:atom']);
    expect(post('/name/comment-page-2x/')).toEqual(['post:comment-page-2x']);
    expect(post('/name/xcomment-page-2/')).toEqual(['post:xcomment-page-2']);
    expect(post('/feed/atom/x/')).toEqual(['post:x']);
    expect(post('/comments/x/')).toEqual(['post:x']);
    expect(post('/comments/feed/atom/x/')).toEqual(['post:x']);
    expect(post('/search/a/b/')).toEqual(['post:b']);
    expect(post('/page/2/3/')).toEqual(['post:3']);
    expect(post('/category/')).toEqual(['post:category']);
    expect(post('/category/page/2/')).toEqual([]);
    expect(post('/category/a/b/c/')).toEqual(['post:c', 'category:c']);
    expect(post('/category/c/page/x/')).toEqual(['post:x', 'category:x']);
    expect(post('/category/c/atom/')).toEqual(['post:atom', 'category:atom']);
    for (const url of ['/?p=x1', '/?p=1x', '/?page_id=1x', '/amp/']) expect(resolve(url), url).toBeNull();
    expect(post('/category/2026/')).toEqual(['category:2026']);
    expect(resolve('/some/path/?page_id=42')).toMatchObject({ keys: ['id:42'] });
  });

  it('strips a trailing part after a dated permalink too, keeping the name before it', () => {
    for (const [url, article] of [
      ['/2026/11/name/feed/', `${ARTICLE}/comments/feed.xml`],
      ['/2026/11/name/feed/rss/', `${ARTICLE}/comments/feed.xml`],
      ['/2026/11/name/comment-page-2/', `${ARTICLE}#comments`],
      ['/2026/11/name/2/', ARTICLE],
    ])
      expect(resolve(url as string), url).toMatchObject({ keys: ['post:name'], article });
    expect(resolve('/category/parent/c/feed/')).toMatchObject({
      keys: ['post:c', 'category:c'],
      category: `${CATEGORY}/feed.xml`,
    });
    expect(resolve('/category/c/feed/rdf/')).toMatchObject({ category: `${CATEGORY}/feed.xml` });
  });
});
