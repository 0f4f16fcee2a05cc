/**
 * Keeps the D1 search index in step with what is published: the articles whose content hash changed are
 * re-indexed, removed ones leave the index. Written as SQL for `wrangler d1 execute --file`, one statement a line.
 */
import type { ArticleDocument } from '../../src/domain/article.ts';
import { indexText } from '../../src/text/search.ts';
import { plainText } from './publication.ts';

/** What the search index must change. */
export interface SearchPlan {
  index: ArticleDocument[];
  remove: string[];
  /**
   * The articles to index are new to the catalog, so not indexed yet: their rows are only added (when
   * search_articles does not list them), never first deleted. Deleting by `ref` scans the whole FTS5 table (it is not
   * an indexed column), which made a first publish of N articles cost N scans.
   */
  fresh?: boolean;
}

/** Compares the index's article versions (slug → hash) with the articles being published. */
export function planSearch(indexed: Map<string, string>, articles: ArticleDocument[]): SearchPlan {
  const slugs = new Set(articles.map((a) => a.slug));
  return {
    index: articles.filter((a) => indexed.get(a.slug) !== a.hash),
    remove: [...indexed.keys()].filter((slug) => !slugs.has(slug)),
  };
}

/** A SQL string literal: single quotes doubled, line breaks flattened so every statement stays on one line. */
export const literal = (text: string): string => `'${text.replace(/[\r\n]+/g, ' ').replace(/'/g, "''")}'`;

/** The statements that apply a plan. Each article row is replaced whole, so running them twice changes nothing. */
export function searchIndexSql(plan: SearchPlan): string {
  const lines: string[] = [];
  for (const slug of plan.remove)
    lines.push(
      `DELETE FROM search_index WHERE kind = 'article' AND ref = ${literal(slug)};`,
      `DELETE FROM search_articles WHERE slug = ${literal(slug)};`,
    );
  for (const a of plan.index) {
    const text = `${a.dek}\n${plainText(a.body_html)}`.replace(/\s+/g, ' ').trim();
    const values = `${literal(indexText(a.title))}, ${literal(indexText(text))}, 'article', ${literal(a.slug)}, ${literal(a.slug)}, ${literal(text)}`;
    const columns = 'INSERT INTO search_index (title, body, kind, ref, article_slug, original)';
    lines.push(
      ...(plan.fresh
        ? [`${columns} SELECT ${values} WHERE NOT EXISTS (SELECT 1 FROM search_articles WHERE slug = ${literal(a.slug)});`]
        : [`DELETE FROM search_index WHERE kind = 'article' AND ref = ${literal(a.slug)};`, `${columns} VALUES (${values});`]),
      `INSERT OR REPLACE INTO search_articles (slug, hash) VALUES (${literal(a.slug)}, ${literal(a.hash)});`,
    );
  }
  return lines.join('\n');
}
