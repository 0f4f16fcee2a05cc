// Limits are the documented characters, whatever encoding the comment travels in.
import { describe, expect, it } from 'vitest';
import { COMMENT_MAX_BYTES } from '../../src/validation/comment.ts';
import { findComments, newReader, postComment, postForm, seedComment } from './helpers/comments.ts';
import { textsOf } from './helpers/html.ts';
import { request } from './helpers/http.ts';

const ARTICLE = '/articles/ankara-energy';

describe('comment size limits', () => {
  it('take a 52,000-letter Arabic comment from the form (6 bytes a letter once form-encoded)', async () => {
    const reader = newReader();
    const body = `${crypto.randomUUID()} ${'ب'.repeat(52_000)}`;
    const response = await postForm(ARTICLE, { name: 'سالم', email: reader.email, body }, reader.ip);
    expect(response.status).toBe(303);
    expect((await findComments(body.slice(0, 36)))[0]?.body).toBe(body);
  });

  it('take 65,525 characters of 4-byte emoji in JSON written as \\u escapes (12 bytes a character)', async () => {
    const reader = newReader();
    const json = JSON.stringify({ name: 'سالم', email: reader.email, body: crypto.randomUUID() }).replace(
      /"body":"[^"]+"/,
      `"body":"${'\\ud83d\\ude00'.repeat(65_525)}"`,
    );
    expect(json.length).toBeGreaterThan(700_000);
    const response = await request(`/api${ARTICLE}/comments`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
      body: json,
    });
    expect(response.status).toBe(202);
  });

  it('answer a form post that is still too large with the page, saying the limit in characters', async () => {
    const reader = newReader();
    const response = await postForm(
      ARTICLE,
      { name: 'a', email: reader.email, body: 'ب'.repeat(COMMENT_MAX_BYTES / 6 + 10) },
      reader.ip,
    );
    expect(response.status).toBe(413);
    expect(await textsOf(await response.text(), '.form-alert')).toEqual(['التعليق أطول من 65525 حرفاً.']);
  });

  it('count a website as typed: a 60-letter Arabic Wikipedia link fits, and is kept readable', async () => {
    const reader = newReader('ريم');
    await seedComment({ slug: 'ankara-energy', body: `سابق ${crypto.randomUUID()}`, reader });
    const url = `https://ar.wikipedia.org/wiki/${'ليبيا_'.repeat(5)}${'ب'.repeat(30)}`;
    const response = await postComment(
      ARTICLE,
      { name: reader.name, email: reader.email, url, body: `رابط ${crypto.randomUUID()}` },
      reader,
    );
    expect(response.status).toBe(201);
    expect(((await response.json()) as { author: { url: string } }).author.url).toBe(url);
  });
});
