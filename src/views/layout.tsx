/**
 * The page shell shared by every HTML page: head (meta, inline CSS), skip link, header, main, footer.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { feedBase } from '../urls.ts';
import { FEED_FORMATS } from './feed-formats.ts';
import { STYLES } from './styles.ts';

/** Name of the site, in the header, titles and structured data. */
export const SITE_NAME = 'منبر';

/** What a page tells the shell. */
export interface LayoutProps {
  /** Full document title. */
  title: string;
  /** Meta description; omitted when absent. */
  description?: string;
  /** Absolute canonical URL; omitted for error pages. */
  canonical?: string;
  /** Keep this page out of search engines (error pages). */
  noindex?: boolean;
  /** Extra head elements (Open Graph, JSON-LD, rel=prev/next). */
  head?: Child;
  /** Feeds of this page besides the site's (a category's, an article's comments), by title and URL without extension. */
  feeds?: Array<{ title: string; base: string }>;
  children?: Child;
}

/** The HTML document every page renders into. */
/** The site's own feeds, announced on every page. */
const SITE_FEEDS = [{ title: SITE_NAME, base: feedBase('/') }];

const FEED_LINKS = Object.entries(FEED_FORMATS).map(([ext, format]) => ({ ext, ...format }));

export function Layout({ title, description, canonical, noindex, head, feeds = [], children }: LayoutProps) {
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="ar" dir="rtl">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{title}</title>
          {description ? <meta name="description" content={description} /> : null}
          {canonical ? <link rel="canonical" href={canonical} /> : null}
          {/* max-image-preview:large lets Google Discover and Search show the lead image large. */}
          <meta name="robots" content={noindex ? 'noindex' : 'max-image-preview:large'} />
          <meta name="color-scheme" content="light dark" />
          {/* No icon file: an empty data URL stops browsers from requesting /favicon.ico and logging a 404. */}
          <link rel="icon" href="data:," />
          {[...SITE_FEEDS, ...feeds].flatMap((feed) =>
            FEED_LINKS.map((f) => (
              <link rel="alternate" type={f.type} title={`${feed.title} (${f.label})`} href={`${feed.base}.${f.ext}`} />
            )),
          )}
          {head}
          {/* Trusted constant; its hash is what the CSP allows, so it must be emitted byte for byte. */}
          <style dangerouslySetInnerHTML={{ __html: STYLES }} />
        </head>
        <body>
          <a class="skip" href="#main">
            انتقل إلى المحتوى
          </a>
          <header class="site-header" id="top">
            <div class="wrap">
              <a class="brand" href="/">
                {SITE_NAME}
              </a>
              <search>
                <form class="site-search" method="get" action="/search">
                  <label for="site-search">ابحث</label>
                  <input type="search" id="site-search" name="q" dir="auto" maxlength={200} autocomplete="off" />
                  <button type="submit">بحث</button>
                </form>
              </search>
            </div>
          </header>
          <main id="main" tabindex={-1} class="wrap">
            {children}
          </main>
          <footer class="site-footer">
            <div class="wrap">
              <p>{SITE_NAME}: أخبار عربية من الحافة.</p>
            </div>
          </footer>
        </body>
      </html>
    </>
  );
}
