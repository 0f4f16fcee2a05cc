/**
 * The search results page: what was searched, how many results (Arabic plural), each with its matches marked.
 */
import type { SearchOutcome } from '../services/search.ts';
import { pluralize, SEARCH_RESULTS } from '../text/plural.ts';
import { Pager } from './components/pager.tsx';
import { TeaserMeta } from './components/teaser-meta.tsx';
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
              <TeaserMeta category={result.category} publishedAt={result.published_at} />
            </li>
          ))}
        </ul>
      ) : null}
      {outcome ? (
        <Pager
          page={outcome.page}
          pages={outcome.pages}
          href={(n) => pageHref(query, n)}
          label="صفحات النتائج"
          previous="النتائج السابقة"
          next="النتائج التالية"
        />
      ) : null}
    </Layout>
  );
}
