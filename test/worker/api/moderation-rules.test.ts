// Who is a known author, and how word lists and duplicates see through invisible and look-alike characters.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { findComments, newReader, postComment, seedComment } from '../helpers/comments.ts';
import { requestWithEnv } from '../helpers/http.ts';
import { expectProblem } from '../helpers/schemas.ts';

const ARTICLE = '/articles/ankara-energy';

describe('known author (COMMENT_MODERATION=first)', () => {
  it('approves at once only the same name and email (email in any case, name as folded)', async () => {
    const regular = newReader('سالِم');
    await seedComment({ slug: 'ankara-energy', body: `قديم ${crypto.randomUUID()}`, reader: regular });
    const post = async (name: string, email: string, body: string) => {
      const response = await postComment(ARTICLE, { name, email, body }, newReader());
      // Age it, so the next post from this email is not refused by flood control.
      await env.DB.prepare("UPDATE comments SET created_at = '2020-01-01T00:00:00.000Z' WHERE body = ?1").bind(body).run();
      return response;
    };
    // Someone who knows a regular's address cannot publish under another name.
    expect((await post('منتحل', regular.email, `أ ${crypto.randomUUID()}`)).status).toBe(202);
    expect((await post('سالم', regular.email.toUpperCase(), `ب ${crypto.randomUUID()}`)).status).toBe(201);
    expect((await post('سالِم', regular.email, `ج ${crypto.randomUUID()}`)).status).toBe(201);
  });
});

/** Posts with word lists set, as a fresh reader; returns the stored status. */
async function statusWithWords(body: string, name = 'قارئ'): Promise<string | undefined> {
  const reader = newReader(name);
  const marker = crypto.randomUUID();
  const response = await requestWithEnv(
    `/api${ARTICLE}/comments`,
    { COMMENT_MODERATION: 'none', COMMENT_DISALLOWED_WORDS: 'قمار,casino', COMMENT_MODERATION_WORDS: 'مراهنة' },
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip },
      body: JSON.stringify({ name: reader.name, email: reader.email, body: `${body} ${marker}` }),
    },
  );
  expect(response.status).toBeLessThan(300);
  return (await findComments(marker))[0]?.status;
}

describe('word lists', () => {
  it.each([
    ['a zero-width space', 'موقع ق\u200Bمار'],
    ['a soft hyphen', 'موقع ق\u00ADمار'],
    ['a word joiner', 'موقع قم\u2060ار'],
    ['presentation forms', 'موقع ﻗﻤﺎﺭ'],
    ['fullwidth letters', 'ＣＡＳＩＮＯ online'],
  ])('see through %s', async (_, body) => {
    expect(await statusWithWords(body)).toBe('spam');
  });

  it('hold a moderation word hidden the same way, in the name too', async () => {
    expect(await statusWithWords('تعليق عادي', 'مرا\u200Bهنة')).toBe('pending');
    expect(await statusWithWords('تعليق عادي')).toBe('approved');
  });
});

describe('duplicates', () => {
  it('are the same comment whatever invisible or compatibility characters were added', async () => {
    const reader = newReader();
    const body = `تعليق مكرر ${crypto.randomUUID()}`;
    expect((await postComment(ARTICLE, { name: reader.name, email: reader.email, body }, reader)).status).toBe(202);
    const again = { ...reader, ip: newReader().ip };
    await env.DB.prepare("UPDATE comments SET created_at = '2020-01-01T00:00:00.000Z' WHERE body = ?1").bind(body).run();
    const sneaky = body.replace('مكرر', 'مك\u200Bرر\u00AD');
    const problem = await expectProblem(
      await postComment(ARTICLE, { name: reader.name, email: reader.email, body: sneaky }, again),
      409,
    );
    expect(problem.type).toBe('https://minbar.test/problems/duplicate-comment');
  });
});

describe('names and bodies of invisible characters only', () => {
  it.each([
    ['name', { name: '\u200B\u2060\u00AD', body: 'نص' }, 'الرجاء كتابة اسمك.'],
    ['name', { name: '\u200E\u200F\u061C', body: 'نص' }, 'الرجاء كتابة اسمك.'],
    ['body', { name: 'سالم', body: '\u200B \u2060\n\u200D' }, 'الرجاء كتابة تعليقك.'],
  ])('are a 422 with an Arabic message for %s', async (field, fields, message) => {
    const reader = newReader();
    const problem = await expectProblem(await postComment(ARTICLE, { ...fields, email: reader.email }, reader), 422);
    expect(problem.errors).toEqual({ [field]: [message] });
  });

  it('removes LRM, RLM and ALM from names like the other bidi controls', async () => {
    const reader = newReader('هدى');
    await seedComment({ slug: 'ankara-energy', body: `سابق ${crypto.randomUUID()}`, reader });
    const response = await postComment(
      ARTICLE,
      { name: '\u200Fهدى\u200E\u061C', email: reader.email, body: `جديد ${crypto.randomUUID()}` },
      reader,
    );
    expect(((await response.json()) as { author: { name: string } }).author.name).toBe('هدى');
  });
});
