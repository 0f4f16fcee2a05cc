/**
 * The page shell shared by every HTML page: head (meta, inline CSS), skip link, header, main, footer.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
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
  children?: Child;
}

/** The HTML document every page renders into. */
export function Layout({ title, description, canonical, noindex, head, children }: LayoutProps) {
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
          {noindex ? <meta name="robots" content="noindex" /> : null}
          <meta name="color-scheme" content="light dark" />
          {/* No icon file: an empty data URL stops browsers from requesting /favicon.ico and logging a 404. */}
          <link rel="icon" href="data:," />
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
