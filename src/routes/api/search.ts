/**
 * `GET /api/search?q=&page=`: search results as JSON; the results page (`/search`) is routes/search.tsx, the same
 * service behind both.
 */
import { Hono } from 'hono/tiny';
import type { ResponseOf } from '../../contracts/responses.ts';
import type { AppEnv } from '../../env.ts';
import { ProblemError } from '../../errors.tsx';
import { sendTaggedBody } from '../../http/caching.ts';
import { SEARCH_PAGE_SIZE, search } from '../../services/search.ts';
import { getArticleIndex } from '../../storage/articles.ts';
import { absoluteUrl } from '../../urls.ts';
import { searchQuerySchema } from '../../validation/search.ts';
import { validate } from '../../validation/validate.ts';
import { xml } from '../../views/xml.ts';

/** `/api/search`: the results as JSON, with each snippet's matches in `<mark>`. */
const searchApi = new Hono<AppEnv>().get('/', validate('query', searchQuerySchema), async (c) => {
  const { q, page } = c.req.valid('query');
  if (!q)
    throw new ProblemError(400, 'Give the words to search for in q.', {
      type: 'invalid-parameters',
      errors: { q: ['is required'] },
    });
  const outcome = await search(c.get('db'), await getArticleIndex(c.env.ARTICLES), q, page);
  if (outcome.results === null)
    throw new ProblemError(400, 'q has no word to search for (letters or digits).', {
      type: 'invalid-parameters',
      errors: { q: ['has no searchable word'] },
    });
  const results: ResponseOf<'SearchResults'> = {
    data: outcome.results.map((r) => ({
      kind: r.kind,
      title: r.title,
      url: absoluteUrl(c.env.SITE_URL, r.path),
      category: r.category,
      published_at: r.published_at,
      // Escaped for XML is escaped for HTML too.
      snippet_html: r.snippet.map((p) => (p.match ? `<mark>${xml(p.text)}</mark>` : xml(p.text))).join(''),
    })),
    meta: {
      query: q,
      pagination: { page: outcome.page, per_page: SEARCH_PAGE_SIZE, total: outcome.total, pages: outcome.pages },
    },
  };
  return sendTaggedBody(c, JSON.stringify(results), 'application/json');
});

export default searchApi;
