// The W3C Nu HTML Checker (vnu.jar from npm, run with the machine's Java): no errors, no warnings.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from './artifacts.ts';
import { approvedComment, freshIp, SEED_PATH, url } from './browser.ts';
import { deskCookie, heldComment } from './desk-helpers.ts';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

async function fetchHtml(path: string, init: RequestInit = {}): Promise<string> {
  const response = await fetch(url(path), init);
  expect(response.headers.get('Content-Type')).toContain('text/html');
  return response.text();
}

/** A desk page as the signed-in moderator sees it. */
const deskHtml = async (path: string | (() => Promise<string>)) =>
  fetchHtml(typeof path === 'string' ? path : await path(), { headers: { Cookie: await deskCookie() } });

/** The desk page of a held comment (posted for the purpose). */
const heldCommentPath = async () => {
  const body = await heldComment('تعليق لفحص الصفحة');
  const queue = await deskHtml(`/admin/comments?status=pending&q=${encodeURIComponent(body)}`);
  return `/admin/comments/${/id="row-(\d+)"/.exec(queue)?.[1]}`;
};

const PAGES: Array<[string, () => Promise<string>]> = [
  ['front', () => fetchHtml('/')],
  ['article', () => fetchHtml(SEED_PATH)],
  ['article-sorted', () => fetchHtml(`${SEED_PATH}?sort=most-replied`)],
  [
    'article-with-error',
    () =>
      fetchHtml(`${SEED_PATH}/comments`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: new URL(url('/')).origin,
          'CF-Connecting-IP': freshIp(),
        },
        body: new URLSearchParams({ name: ' ', email: 'not-an-email', url: 'ftp://x', body: 'نص' }).toString(),
      }),
  ],
  ['not-found', () => fetchHtml('/articles/no-such-article')],
  ['search', () => fetchHtml(`/search?q=${encodeURIComponent('أنقرة')}`)],
  ['api-index', () => fetchHtml('/api', { headers: { Accept: 'text/html' } })],
  ['problem type', () => fetchHtml('/problems/idempotency-in-progress')],
  ['desk-sign-in', () => fetchHtml('/admin')],
  ['desk-home', () => deskHtml('/admin')],
  [
    'desk-queue',
    async () => {
      await heldComment('تعليق في الطابور');
      return deskHtml('/admin/comments?status=pending');
    },
  ],
  ['desk-reported', () => deskHtml('/admin/comments?status=reported')],
  ['desk-comment', () => deskHtml(heldCommentPath)],
  ['desk-log', () => deskHtml('/admin/log')],
  ['desk-blocks', () => deskHtml('/admin/blocks')],
  ['desk-privacy', () => deskHtml('/admin/privacy')],
  [
    'report-form',
    async () => fetchHtml(`/comments/${await approvedComment({ name: 'كاتب', body: 'تعليق لفحص نموذج الإبلاغ' })}/report`),
  ],
];

// Audit the thread as readers see it: with comments, the sort links and the «أتفق» buttons.
beforeAll(async () => {
  await approvedComment({ name: 'قارئة', body: 'تعليق يظهر في الفحص' });
  await approvedComment({ name: 'قارئ', body: 'تعليق ثان يظهر في الفحص' });
});

describe('HTML validity (vnu --Werror)', () => {
  it.each(PAGES)('the %s page has no errors or warnings', async (name, load) => {
    const file = await artifactPath(`${name}.html`);
    await writeFile(file, await load());
    const result = await promisify(execFile)('java', ['-jar', VNU_JAR, '--Werror', '--format', 'json', '--stdout', file]).catch(
      (error: { stdout: string }) => ({ stdout: error.stdout }),
    );
    const messages = (
      JSON.parse(result.stdout || '{"messages":[]}') as {
        messages: Array<{ type: string; subType?: string; message: string; lastLine?: number; extract?: string }>;
      }
    ).messages;
    const problems = messages.filter((m) => m.type === 'error' || m.subType === 'warning');
    expect(problems.map((m) => `${m.type}${m.subType ? `/${m.subType}` : ''} line ${m.lastLine}: ${m.message}`)).toEqual([]);
  });
});
