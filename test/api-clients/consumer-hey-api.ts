// An outside developer's program against the SDK that @hey-api/openapi-ts generates from Minbar's OpenAPI document.
// It only has to compile (test/node/api-clients.test.ts): numbers must be numbers, ids integers, the JSON Feed an
// object, and every public operation callable by its operationId.
import { client } from './generated/hey-api/client.gen.ts';
import {
  createComment,
  getApiPage,
  getArticle,
  getArticlePage,
  getCategoryFeedAtom,
  getCategoryFeedJsonFeed,
  getCategoryFeedRss,
  getCategoryPage,
  getChildSitemap,
  getComment,
  getCommentsFeedAtom,
  getCommentsFeedJsonFeed,
  getCommentsFeedRss,
  getHomePage,
  getNewsSitemap,
  getOpenApiDocument,
  getProblemType,
  getReportForm,
  getRobotsTxt,
  getSearchPage,
  getSiteFeedAtom,
  getSiteFeedJsonFeed,
  getSiteFeedRss,
  getSitemap,
  listArticles,
  listComments,
  postCommentForm,
  reportComment,
  search,
  toggleAgreement,
} from './generated/hey-api/sdk.gen.ts';
import type { Article, JsonFeed, SearchResults } from './generated/hey-api/types.gen.ts';

export async function readMinbar(baseUrl: string): Promise<string[]> {
  client.setConfig({ baseUrl });
  const seen: string[] = [];
  const slug = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا';

  const list = await listArticles({ query: { category: 'libya', page: 1, per_page: 10 } });
  const perPage: number | undefined = list.data?.meta.pagination.per_page;
  const problem: number | undefined = list.error?.status;
  seen.push(`${perPage} ${problem}`);

  const article = await getArticle({ path: { slug } });
  const full: Article | undefined = article.data;
  const minutes: number | undefined = full?.reading_minutes;
  seen.push(`${full?.title} ${minutes}`);

  const comments = await listComments({ path: { slug }, query: { limit: 20 } });
  const next = comments.data?.meta.next_cursor;
  if (typeof next === 'string') await listComments({ path: { slug }, query: { cursor: next } });
  const id: number | undefined = comments.data?.data[0]?.id;

  const posted = await createComment({
    path: { slug },
    headers: { 'Idempotency-Key': 'retry-safe-1' },
    body: { name: 'سالم', email: 'salem@example.com', url: 'https://example.com', body: 'تحليل مفيد.', parent_id: id },
  });
  if (posted.data && 'id' in posted.data) {
    const one = await getComment({ path: { slug, id: posted.data.id } });
    const created: string | undefined = one.data?.created_at;
    seen.push(created ?? '');
  }

  const found = await search({ query: { q: 'أنقرة', page: 1 } });
  const results: SearchResults | undefined = found.data;
  const pages: number | undefined = results?.meta.pagination.pages;
  seen.push(`${pages}`);

  const feeds = [
    await getSiteFeedJsonFeed(),
    await getCategoryFeedJsonFeed({ path: { slug: 'libya' } }),
    await getCommentsFeedJsonFeed({ path: { slug } }),
  ];
  for (const feed of feeds) {
    const document: JsonFeed | undefined = feed.data;
    seen.push(`${document?.title} ${document?.items.length}`);
  }

  const others = [
    await getOpenApiDocument(),
    await getApiPage(),
    await getHomePage({ query: { page: 2 } }),
    await getArticlePage({ path: { slug } }),
    await getCategoryPage({ path: { slug: 'libya' }, query: { page: 1 } }),
    await getSearchPage({ query: { q: 'تركيا', page: 1 } }),
    await getRobotsTxt(),
    await getSitemap(),
    await getChildSitemap({ path: { name: 'articles-1.xml' } }),
    await getNewsSitemap(),
    await getSiteFeedRss(),
    await getSiteFeedAtom(),
    await getCategoryFeedRss({ path: { slug: 'libya' } }),
    await getCategoryFeedAtom({ path: { slug: 'libya' } }),
    await getCommentsFeedRss({ path: { slug } }),
    await getCommentsFeedAtom({ path: { slug } }),
    await postCommentForm({ path: { slug }, body: { name: 'سالم', email: 'salem@example.com', body: 'شكراً.' } }),
    await toggleAgreement({ path: { id: 1 }, query: { sort: 'most-agreed' } }),
    await getReportForm({ path: { id: 1 } }),
    await reportComment({ path: { id: 1 } }),
    await getProblemType({ path: { name: 'too-fast' } }),
  ];
  for (const answer of others) seen.push(String(answer.response?.status));
  return seen;
}
