// The W3C Nu HTML Checker (vnu.jar from npm, run with the machine's Java): no errors, no warnings.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { artifactPath } from './artifacts.ts';
import { freshIp, SEED_PATH, url } from './browser.ts';

const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');

async function fetchHtml(path: string, init: RequestInit = {}): Promise<string> {
  const response = await fetch(url(path), init);
  expect(response.headers.get('Content-Type')).toContain('text/html');
  return response.text();
}

const PAGES: Array<[string, () => Promise<string>]> = [
  ['front', () => fetchHtml('/')],
  ['article', () => fetchHtml(SEED_PATH)],
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
];

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
