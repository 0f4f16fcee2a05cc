// One rule for what readers see: a comment is public only while it and every ancestor are approved.
// Every read path follows it: lists, counts, the page heading, single reads, feeds, search, and replies.
import { describe, expect, it } from 'vitest';
import { newReader, postComment, seedComment, setStatus } from '../helpers/comments.ts';
import { textsOf } from '../helpers/html.ts';
import { request } from '../helpers/http.ts';
import { expectProblem } from '../helpers/schemas.ts';

const SLUG = 'benghazi-port';
const API = `/api/articles/${SLUG}`;

type Thread = { id: number; replies: Thread[] };

/** What each read path shows of the article's comments. */
async function whatReadersSee(word: string) {
  const list = (await (await request(`${API}/comments`)).json()) as { data: Thread[]; meta: { total: number } };
  const flat = (threads: Thread[]): number[] => threads.flatMap((t) => [t.id, ...flat(t.replies)]);
  const article = (await (await request(API)).json()) as { comments: { count: number } };
  const page = await (await request(`/articles/${SLUG}`)).text();
  const feeds = await Promise.all(
    ['xml', 'atom', 'json'].map(async (f) => (await request(`/articles/${SLUG}/comments/feed.${f}`)).text()),
  );
  const search = (await (await request(`/api/search?q=${encodeURIComponent(word)}`)).json()) as { data: unknown[] };
  return {
    listed: flat(list.data),
    total: list.meta.total,
    count: article.comments.count,
    heading: (await textsOf(page, '#comments-title'))[0],
    feeds: feeds.map((f) => f.includes(word)),
    searchHits: search.data.length,
  };
}

describe('comments under an unapproved parent', () => {
  it('disappear from every read path, and come back when the parent is approved again', async () => {
    const word = `كلمة${crypto.randomUUID().slice(0, 6).replace(/\d/g, '')}`;
    const before = await whatReadersSee(word);
    const parent = await seedComment({ slug: SLUG, body: 'الأصل' });
    const reply = await seedComment({ slug: SLUG, body: `رد فيه ${word}`, parentId: parent, depth: 2 });
    const shown = await whatReadersSee(word);
    expect(shown.listed).toEqual([...before.listed, parent, reply]);
    expect([shown.total, shown.count]).toEqual([before.total + 2, before.count + 2]);
    expect(shown.feeds).toEqual([true, true, true]);
    expect(shown.searchHits).toBe(1);
    expect((await request(`${API}/comments/${reply}`)).status).toBe(200);

    await setStatus(parent, 'pending');
    const hidden = await whatReadersSee(word);
    expect(hidden).toEqual(before);
    await expectProblem(await request(`${API}/comments/${reply}`), 404);
    const reader = newReader();
    const answer = await postComment(
      `/articles/${SLUG}`,
      { name: 'a', email: reader.email, body: 'رد', parent_id: reply },
      reader,
    );
    expect((await expectProblem(answer, 403)).type).toBe('https://minbar.test/problems/invalid-parent');

    await setStatus(parent, 'approved');
    expect(await whatReadersSee(word)).toEqual(shown);
  });
});
