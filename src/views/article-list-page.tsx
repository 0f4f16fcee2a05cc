/**
 * Lists of articles: the front page and category pages.
 */
import type { ArticleSummary } from '../domain/article.ts';
import type { Page } from '../domain/pagination.ts';
import { articlePath, feedBase } from '../urls.ts';
import { Pager } from './components/pager.tsx';
import { TeaserMeta } from './components/teaser-meta.tsx';
import { Layout, SITE_NAME } from './layout.tsx';

/** What a list page shows. */
export interface ArticleListPageProps {
  /** The page's <h1>: the site's tagline or the category name. */
  heading: string;
  /** Path of the list without query, e.g. `/` or `/categories/libya`. */
  path: string;
  siteUrl: string;
  page: Page<ArticleSummary>;
}

const pageHref = (path: string, page: number) => (page === 1 ? path : `${path}?page=${page}`);

/** A paginated list of article teasers. */
export function ArticleListPage({ heading, path, siteUrl, page }: ArticleListPageProps) {
  const { number, pages } = page;
  const title = path === '/' ? `${SITE_NAME}: ${heading}` : `${heading} | ${SITE_NAME}`;
  return (
    <Layout
      title={number > 1 ? `${title} (صفحة ${number})` : title}
      description={path === '/' ? 'آخر الأخبار والتحليلات على منبر.' : `أخبار ${heading} على منبر.`}
      canonical={`${siteUrl.replace(/\/+$/, '')}${pageHref(path, number)}`}
      feeds={path === '/' ? [] : [{ title: `${heading} | ${SITE_NAME}`, base: feedBase(path) }]}
      head={
        <>
          {number > 1 ? <link rel="prev" href={pageHref(path, number - 1)} /> : null}
          {number < pages ? <link rel="next" href={pageHref(path, number + 1)} /> : null}
        </>
      }
    >
      <h1>{heading}</h1>
      <ul class="teasers">
        {page.items.map((article) => (
          <li>
            <h2>
              <a href={articlePath(article.slug)}>{article.title}</a>
            </h2>
            <p class="dek">{article.dek}</p>
            <TeaserMeta category={article.category} publishedAt={article.published_at} />
          </li>
        ))}
      </ul>
      <Pager
        page={number}
        pages={pages}
        href={(n) => pageHref(path, n)}
        label="الصفحات"
        previous="الصفحة السابقة"
        next="الصفحة التالية"
      />
    </Layout>
  );
}
