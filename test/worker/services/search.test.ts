// The search use case against the real index: what a reader gets for a query, page by page.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { SEARCH_PAGE_SIZE, search } from '../../../src/services/search.ts';
import { getSummaries } from '../../../src/storage/article-catalog.ts';
import { indexComment, SEARCH_CANDIDATES, searchIndex } from '../../../src/storage/search.ts';
import { ftsQuery } from '../../../src/text/search.ts';
import { articlePath } from '../../../src/urls.ts';

const SEED = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا';

/** A visible (approved, top-level) comment row with this id, so its search hit is one a reader may see. */
const visibleComment = (id: number, articleSlug: string, body: string) =>
  env.DB.prepare(
    `INSERT INTO comments (id, article_slug, parent_id, depth, author_name, author_email, author_url, body,
       body_fingerprint, status, created_at, updated_at, ip_hash, user_agent, visible)
     VALUES (?1, ?2, NULL, 1, 'قارئ', 'reader@example.com', NULL, ?3, ?4, 'approved', ?5, ?5, ?6, 'test', 1)`,
  ).bind(id, articleSlug, body, String(id).padStart(64, '0'), '2026-11-30T10:00:00.000Z', 'a'.repeat(64));

describe('search', () => {
  it('has no results, and one page, for a query without a searchable word', async () => {
    expect(await search(env.DB, '؟! ...', 3)).toEqual({
      results: null,
      total: 0,
      page: 3,
      pages: 1,
    });
  });

  it('has one empty page for a word found nowhere', async () => {
    expect(await search(env.DB, 'كلمةلاتوجدأبدا', 1)).toEqual({
      results: [],
      total: 0,
      page: 1,
      pages: 1,
    });
  });

  it('answers an article hit with its title, path, category, date and a marked snippet', async () => {
    const seed = (await getSummaries(env.DB, [SEED])).get(SEED);
    const outcome = await search(env.DB, 'حفتر', 1);
    const hit = outcome.results?.find((r) => r.path === articlePath(SEED));
    expect(hit).toMatchObject({
      kind: 'article',
      title: seed?.title,
      category: seed?.category,
      published_at: seed?.published_at,
    });
    expect(hit?.snippet.some((part) => part.match && part.text.includes('حفتر'))).toBe(true);
    expect(outcome).toMatchObject({ page: 1, total: outcome.results?.length, pages: 1 });
  });

  it('answers a comment hit as «تعليق على:» the article, linked to the comment, and leaves out unpublished articles', async () => {
    const word = `فريدة${crypto.randomUUID().replace(/[\d-]/g, '').slice(0, 6)}`;
    for (const [id, slug] of [
      [424242, SEED],
      [424243, 'gone-article'],
    ] as const)
      await env.DB.batch([
        visibleComment(id, slug, `تعليق فيه ${word}`),
        indexComment(env.DB, { id, articleSlug: slug, body: `تعليق فيه ${word}` }),
      ]);
    const seed = (await getSummaries(env.DB, [SEED])).get(SEED);
    const outcome = await search(env.DB, word, 1);
    expect(outcome.results?.map((r) => [r.kind, r.title, r.path])).toEqual([
      ['comment', `تعليق على: ${seed?.title}`, `${articlePath(SEED)}#comment-424242`],
    ]);
  });

  it(`pages results ${SEARCH_PAGE_SIZE} at a time and counts the pages`, async () => {
    const word = `صفحة${crypto.randomUUID().replace(/[\d-]/g, '').slice(0, 6)}`;
    await env.DB.batch(
      Array.from({ length: SEARCH_PAGE_SIZE + 3 }, (_, i) => [
        visibleComment(500_000 + i, SEED, `${word} رقم ${i}`),
        indexComment(env.DB, { id: 500_000 + i, articleSlug: SEED, body: `${word} رقم ${i}` }),
      ]).flat(),
    );
    const first = await search(env.DB, word, 1);
    const second = await search(env.DB, word, 2);
    expect([first.results?.length, first.total, first.pages]).toEqual([SEARCH_PAGE_SIZE, SEARCH_PAGE_SIZE + 3, 2]);
    expect([second.results?.length, second.page, second.pages]).toEqual([3, 2, 2]);
    const paths = new Set([...(first.results ?? []), ...(second.results ?? [])].map((r) => r.path));
    expect(paths.size).toBe(SEARCH_PAGE_SIZE + 3);
  });

  it(`ranks at most the ${SEARCH_CANDIDATES} newest matches, so a word found everywhere costs what a common one does`, async () => {
    const word = `كثير${crypto.randomUUID().replace(/[\d-]/g, '').slice(0, 6)}`;
    const count = SEARCH_CANDIDATES + 30;
    await env.DB.batch(
      Array.from({ length: count }, (_, i) => [
        visibleComment(600_000 + i, SEED, `${word} رقم ${i}`),
        indexComment(env.DB, { id: 600_000 + i, articleSlug: SEED, body: `${word} رقم ${i}` }),
      ]).flat(),
    );
    // Newer still, a longer word it starts: the word as typed fills the window, so its prefix is not expanded (FTS5
    // would merge the posting lists of every word it starts, whole, on each query).
    await env.DB.batch([
      visibleComment(600_000 + count, SEED, `${word}ية أخرى`),
      indexComment(env.DB, { id: 600_000 + count, articleSlug: SEED, body: `${word}ية أخرى` }),
    ]);
    const first = await search(env.DB, word, 1);
    expect([first.total, first.pages]).toEqual([SEARCH_CANDIDATES, SEARCH_CANDIDATES / SEARCH_PAGE_SIZE]);
    expect(first.results?.map((r) => r.path)).not.toContain(`${articlePath(SEED)}#comment-${600_000 + count}`);
    // The oldest matches are the ones left out.
    const all = await Promise.all(Array.from({ length: first.pages }, (_, i) => search(env.DB, word, i + 1)));
    const paths = all.flatMap((o) => o.results ?? []).map((r) => r.path);
    expect(paths).toContain(`${articlePath(SEED)}#comment-${600_000 + count - 1}`);
    expect(paths).not.toContain(`${articlePath(SEED)}#comment-600000`);
  });

  it('puts a title match before newer matches in the text, and newer before older among those', async () => {
    const word = `ترتيب${crypto.randomUUID().replace(/[\d-]/g, '').slice(0, 6)}`;
    const row = (ref: string, title: string, body: string) =>
      env.DB.prepare(
        "INSERT INTO search_index (title, body, kind, ref, article_slug, original) VALUES (?1, ?2, 'article', ?3, ?3, ?2)",
      ).bind(title, body, ref);
    await env.DB.batch([
      row('older-in-title', `${word} في العنوان`, 'نص'),
      row('old-in-text', 'عنوان', `نص فيه ${word}`),
      row('new-in-text', 'عنوان', `نص آخر فيه ${word}`),
    ]);
    const { hits, total } = await searchIndex(env.DB, ftsQuery(word) ?? '', 10, 0);
    expect([hits.map((h) => h.ref), total]).toEqual([['older-in-title', 'new-in-text', 'old-in-text'], 3]);
  });
});
