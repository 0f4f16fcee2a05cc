/** Every public URL of the site, built in one place so pages, JSON and feeds agree. */

/** Path of an article page. Slugs may be Arabic; the path carries them percent-encoded (upper-case hex). */
export const articlePath = (slug: string): string => `/articles/${encodeURIComponent(slug)}`;

/** Path of a category page. */
export const categoryPath = (slug: string): string => `/categories/${encodeURIComponent(slug)}`;

/**
 * Path of a page's feeds without the format's extension (`.xml`, `.atom`, `.json`).
 * @example feedBase('/') // '/feed'
 * @example feedBase(categoryPath('libya')) // '/categories/libya/feed'
 */
export const feedBase = (pagePath: string): string => `${pagePath === '/' ? '' : pagePath}/feed`;

/** Path of an article's comments feeds without the format's extension. */
export const commentsFeedBase = (slug: string): string => feedBase(`${articlePath(slug)}/comments`);

/** Path of an article's comments in the JSON API. */
export const articleCommentsApiPath = (slug: string): string => `/api/articles/${encodeURIComponent(slug)}/comments`;

/**
 * An absolute URL on the site.
 * @example absoluteUrl('https://minbar.example.com/', '/articles/x') // 'https://minbar.example.com/articles/x'
 */
export const absoluteUrl = (siteUrl: string, path: string): string => `${siteUrl.replace(/\/+$/, '')}${path}`;

/**
 * Path of the «أتفق» button of a comment (the form's action; a 303 goes back to the comment). Without the article's
 * slug: the comment names its article, and a page of 100 threads would otherwise repeat a percent-encoded Arabic slug
 * in every form.
 */
export const agreePath = (commentId: number): string => `/comments/${commentId}/agree`;
