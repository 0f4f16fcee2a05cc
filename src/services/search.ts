/**
 * Searching articles and approved comments: the reader's query through the Arabic normaliser into FTS5, and the
 * hits joined with the article index for titles and URLs. Used by the search page and the search API.
 */
import type { ArticleIndex } from '../domain/article.ts';
import type { Db } from '../storage/db.ts';
import { searchIndex } from '../storage/search.ts';
import { ftsQuery, type SnippetPart, snippet } from '../text/search.ts';
import { articlePath } from '../urls.ts';

/** Results per page. */
export const SEARCH_PAGE_SIZE = 10;

/** One result, ready to show. */
interface SearchResult {
  kind: 'article' | 'comment';
  title: string;
  /** Site path of the article, or of the comment's anchor on it. */
  path: string;
  category: { slug: string; name: string };
  published_at: string;
  snippet: SnippetPart[];
}

/** A page of results; null `results` when the query has no searchable word. */
export interface SearchOutcome {
  results: SearchResult[] | null;
  total: number;
  page: number;
  pages: number;
}

/** Runs a query. Hits on articles no longer published are left out. */
export async function search(db: Db, index: ArticleIndex, query: string, page: number): Promise<SearchOutcome> {
  const match = ftsQuery(query);
  if (!match) return { results: null, total: 0, page, pages: 1 };
  const { hits, total } = await searchIndex(db, match, SEARCH_PAGE_SIZE, (page - 1) * SEARCH_PAGE_SIZE);
  const bySlug = new Map(index.articles.map((a) => [a.slug, a]));
  const results = hits.flatMap((hit): SearchResult[] => {
    const article = bySlug.get(hit.articleSlug);
    if (!article) return [];
    return [
      {
        kind: hit.kind,
        title: hit.kind === 'article' ? article.title : `تعليق على: ${article.title}`,
        path: hit.kind === 'article' ? articlePath(article.slug) : `${articlePath(article.slug)}#comment-${hit.ref}`,
        category: article.category,
        // A comment's own date, not its article's.
        published_at: hit.createdAt ?? article.published_at,
        snippet: snippet(hit.original, query),
      },
    ];
  });
  return { results, total, page, pages: Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE)) };
}
