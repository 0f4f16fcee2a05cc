/**
 * The search results page: what was searched, how many results (Arabic plural), each with its matches marked.
 */
import type { SearchOutcome } from '../services/search.ts';
import { pluralize, SEARCH_RESULTS } from '../text/plural.ts';
import { categoryPath } from '../urls.ts';
import { PublishedDate } from './components/published-date.tsx';
import { Layout, SITE_NAME } from './layout.tsx';

const pageHref = (query: string, page: number) =>
  `/search?${new URLSearchParams({ q: query, ...(page > 1 ? { page: String(page) } : {}) })}`;

/** The page for `query` ('' shows just the search box). */
export function SearchPage({ query, outcome }: { query: string; outcome: SearchOutcome | null }) {
  return (
    <Layout title={query ? `بحث: ${query} | ${SITE_NAME}` : `البحث | ${SITE_NAME}`} noindex>
      <h1>
        {query ? (
          <>
            نتائج البحث عن «<bdi>{query}</bdi>»
          </>
        ) : (
          'البحث في منبر'
        )}
      </h1>
      {!query ? <p>اكتب كلمة أو أكثر في مربع البحث أعلى الصفحة.</p> : null}
      {query && outcome?.results === null ? <p role="status">لم نجد في عبارة البحث كلمات يمكن البحث عنها.</p> : null}
      {outcome?.results ? <p role="status">{pluralize(outcome.total, SEARCH_RESULTS)}</p> : null}
      {outcome?.results && outcome.results.length > 0 ? (
        <ul class="teasers search-results">
          {outcome.results.map((result) => (
            <li>
              <h2>
                <a href={result.path}>{result.title}</a>
              </h2>
              <p class="snippet" dir="auto">
                {result.snippet.map((part) => (part.match ? <mark>{part.text}</mark> : part.text))}
              </p>
              <p class="meta">
                <a href={categoryPath(result.category.slug)}>{result.category.name}</a>
                {' · '}
                <PublishedDate at={result.published_at} />
              </p>
            </li>
          ))}
        </ul>
      ) : null}
      {outcome && outcome.pages > 1 ? (
        <nav class="pager" aria-label="صفحات النتائج">
          {outcome.page > 1 ? <a href={pageHref(query, outcome.page - 1)}>النتائج السابقة</a> : <span />}
          {outcome.page < outcome.pages ? <a href={pageHref(query, outcome.page + 1)}>النتائج التالية</a> : <span />}
        </nav>
      ) : null}
    </Layout>
  );
}
