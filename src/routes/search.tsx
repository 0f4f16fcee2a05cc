/**
 * `GET /search?q=`: the Arabic results page. The JSON API's search is routes/api/search.ts, the same service behind it.
 */
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../env.ts';
import { sendTaggedBody } from '../http/caching.ts';
import { search } from '../services/search.ts';
import { getArticleIndex } from '../storage/articles.ts';
import { searchQuerySchema } from '../validation/search.ts';
import { validate } from '../validation/validate.ts';
import { SearchPage } from '../views/search-page.tsx';

/** `/search`: the results page. */
export const searchPage = new Hono<AppEnv>().get('/', validate('query', searchQuerySchema), async (c) => {
  const { q, page } = c.req.valid('query');
  const outcome = q ? await search(c.get('db'), await getArticleIndex(c.env.ARTICLES), q, page) : null;
  return sendTaggedBody(c, await (<SearchPage query={q} outcome={outcome} />).toString(), 'text/html; charset=UTF-8');
});
