// An outside developer's program against the client that openapi-typescript + openapi-fetch generate from Minbar's
// OpenAPI document. It only has to compile (test/node/api-clients.test.ts): numbers must be numbers, ids integers,
// the JSON Feed an object, and every public operation callable the natural way.
import createClient from 'openapi-fetch';
import type { components, paths } from './generated/openapi-typescript.ts';

type Article = components['schemas']['Article'];

export async function readMinbar(baseUrl: string): Promise<string[]> {
  const minbar = createClient<paths>({ baseUrl });
  const seen: string[] = [];
  const slug = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا';

  const list = await minbar.GET('/api/articles', { params: { query: { category: 'libya', page: 1, per_page: 10 } } });
  if (list.data) {
    const pages: number = list.data.meta.pagination.pages;
    const first: string | undefined = list.data.data[0]?.title;
    seen.push(`${pages} ${first}`);
  } else if (list.error) {
    const status: number = list.error.status;
    const fields: Record<string, string[]> | undefined = list.error.errors;
    seen.push(`${status} ${JSON.stringify(fields)}`);
  }

  const article = await minbar.GET('/api/articles/{slug}', {
    params: { path: { slug } },
    headers: { 'If-None-Match': '"etag"' },
  });
  const full: Article | undefined = article.data;
  const words: number | undefined = full?.word_count;
  const image: string | undefined = full?.image?.url;
  seen.push(`${words} ${image}`);

  const comments = await minbar.GET('/api/articles/{slug}/comments', {
    params: { path: { slug }, query: { sort: 'most-agreed', limit: 20 } },
  });
  // The cursor is opaque: handed back as it came, with the same sort.
  const next: string | null | undefined = comments.data?.meta.next_cursor;
  if (typeof next === 'string')
    await minbar.GET('/api/articles/{slug}/comments', {
      params: { path: { slug }, query: { sort: 'most-agreed', cursor: next, limit: 20 } },
    });
  const firstId: number | undefined = comments.data?.data[0]?.id;
  const replies: number | undefined = comments.data?.data[0]?.replies.length;
  seen.push(`${firstId} ${replies}`);

  const posted = await minbar.POST('/api/articles/{slug}/comments', {
    params: { path: { slug }, header: { 'Idempotency-Key': crypto.randomUUID() } },
    body: { name: 'سالم', email: 'salem@example.com', body: 'تحليل مفيد، شكراً.', parent_id: firstId ?? null },
  });
  const bookmark = posted.response.headers.get('X-D1-Bookmark') ?? undefined;
  if (posted.data && 'id' in posted.data) {
    const id: number = posted.data.id;
    const one = await minbar.GET('/api/articles/{slug}/comments/{id}', {
      params: { path: { slug, id }, header: bookmark ? { 'X-D1-Bookmark': bookmark } : {} },
    });
    seen.push(one.data?.author.name ?? '');
  } else if (posted.data) {
    const pending: 'pending' = posted.data.status;
    seen.push(pending);
  }

  const found = await minbar.GET('/api/search', { params: { query: { q: 'أنقرة', page: 2 } } });
  const total: number | undefined = found.data?.meta.pagination.total;
  const kind: 'article' | 'comment' | undefined = found.data?.data[0]?.kind;
  seen.push(`${total} ${kind}`);

  const document = await minbar.GET('/api/openapi.json');
  seen.push(typeof document.data);

  for (const feed of [
    await minbar.GET('/feed.json'),
    await minbar.GET('/categories/{slug}/feed.json', { params: { path: { slug: 'libya' } } }),
    await minbar.GET('/articles/{slug}/comments/feed.json', { params: { path: { slug } } }),
  ]) {
    const items: number | undefined = feed.data?.items.length;
    const published: string | undefined = feed.data?.items[0]?.date_published;
    seen.push(`${feed.data?.title} ${items} ${published}`);
  }

  const text = { parseAs: 'text' } as const;
  const pages = [
    await minbar.GET('/api', text),
    await minbar.GET('/', { params: { query: { page: 2 } }, ...text }),
    await minbar.GET('/articles/{slug}', { params: { path: { slug }, query: { replyto: '12' } }, ...text }),
    await minbar.GET('/categories/{slug}', { params: { path: { slug: 'libya' }, query: { page: 1 } }, ...text }),
    await minbar.GET('/search', { params: { query: { q: 'تركيا' } }, ...text }),
    await minbar.GET('/robots.txt', text),
    await minbar.GET('/sitemap.xml', text),
    await minbar.GET('/sitemaps/{name}', { params: { path: { name: 'articles-1.xml' } }, ...text }),
    await minbar.GET('/news-sitemap.xml', text),
    await minbar.GET('/feed.xml', text),
    await minbar.GET('/feed.atom', text),
    await minbar.GET('/categories/{slug}/feed.xml', { params: { path: { slug: 'libya' } }, ...text }),
    await minbar.GET('/categories/{slug}/feed.atom', { params: { path: { slug: 'libya' } }, ...text }),
    await minbar.GET('/articles/{slug}/comments/feed.xml', { params: { path: { slug } }, ...text }),
    await minbar.GET('/articles/{slug}/comments/feed.atom', { params: { path: { slug } }, ...text }),
    await minbar.GET('/problems/{name}', { params: { path: { name: 'too-fast' } }, ...text }),
    await minbar.POST('/comments/{id}/agree', { params: { path: { id: 1 }, query: { sort: 'most-agreed' } }, ...text }),
    await minbar.GET('/comments/{id}/report', { params: { path: { id: 1 } }, ...text }),
    await minbar.POST('/comments/{id}/report', { params: { path: { id: 1 } }, ...text }),
  ];
  for (const page of pages) seen.push(String(page.response.status));

  const form = await minbar.POST('/articles/{slug}/comments', {
    params: { path: { slug } },
    body: { name: 'سالم', email: 'salem@example.com', body: 'شكراً.' },
    bodySerializer: (body) => new URLSearchParams(Object.entries(body).map(([name, value]) => [name, String(value)])),
  });
  seen.push(form.response.headers.get('Location') ?? '');
  return seen;
}
