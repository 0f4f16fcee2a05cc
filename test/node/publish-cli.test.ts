// `npm run publish` end to end: the real script, the real wrangler, a throwaway local KV.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wranglerOrThrow } from '../../scripts/lib/wrangler.ts';
import { runScript, type ScriptResult } from './helpers/run-script.ts';

const SEED_FILE = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا.md';
let dir = '';
let content = '';
let state = '';

function publish(...args: string[]): Promise<ScriptResult> {
  return runScript('scripts/publish.ts', ['--local', '--content', content, '--persist-to', state, ...args]);
}

/** Article slugs the D1 search index holds. */
async function indexedSlugs(): Promise<string[]> {
  const { stdout } = await wranglerOrThrow([
    ...['d1', 'execute', 'DB', '--local', '--persist-to', state, '--json'],
    ...['--command', "SELECT ref FROM search_index WHERE kind = 'article' ORDER BY ref"],
  ]);
  return (JSON.parse(stdout) as Array<{ results: Array<{ ref: string }> }>)[0]?.results.map((r) => r.ref) ?? [];
}

async function storedKeys(): Promise<string[]> {
  const { stdout } = await wranglerOrThrow(['kv', 'key', 'list', '--binding', 'ARTICLES', '--local', '--persist-to', state]);
  return (JSON.parse(stdout) as Array<{ name: string }>).map((k) => k.name).sort();
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minbar-publish-test-'));
  content = join(dir, 'articles');
  state = join(dir, 'state');
  await mkdir(content);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('npm run publish', () => {
  it('publishes nothing when one file is invalid, and says which file, field and why', async () => {
    await copyFile(join('content/articles', SEED_FILE), join(content, SEED_FILE));
    await writeFile(
      join(content, 'broken.md'),
      '---\ntitle: x\ndek: y\ncategory: { slug: libya, name: ليبيا }\npublished: someday\n---\n\nنص.\n',
    );
    const { code, out } = await publish();
    expect(code).toBe(1);
    expect(out).toContain('nothing was published');
    expect(out).toContain(`${join(content, 'broken.md')}: published: must be a date`);
    expect(await storedKeys()).toEqual([]);
  });

  it('publishes every article and the index, then is idempotent', async () => {
    await rm(join(content, 'broken.md'));
    const first = await publish();
    expect(first.code).toBe(0);
    expect(first.out).toContain('1 added, 0 changed, 0 removed, 0 unchanged');
    expect(await storedKeys()).toEqual([
      'v1:article:تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا',
      'v1:feed:all',
      'v1:feed:category:libya',
      'v1:index',
    ]);
    expect(await indexedSlugs()).toEqual(['تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا']);
    const second = await publish();
    expect(second.out).toContain('0 added, 0 changed, 0 removed, 1 unchanged');
    expect(second.out).toContain('search index: 0 to index, 0 to remove');
  });

  it('reports changed and removed articles, and unpublishes a deleted file', async () => {
    await writeFile(
      join(content, 'new-one.md'),
      '---\ntitle: خبر\ndek: موجز\ncategory: { slug: libya, name: ليبيا }\npublished: 2026-11-29\n---\n\nنص.\n',
    );
    expect((await publish()).out).toContain('1 added, 0 changed, 0 removed, 1 unchanged');
    await writeFile(
      join(content, 'new-one.md'),
      '---\ntitle: خبر معدّل\ndek: موجز\ncategory: { slug: libya, name: ليبيا }\npublished: 2026-11-29\n---\n\nنص.\n',
    );
    const changed = await publish();
    expect(changed.out).toContain('~ changed  new-one');
    expect(changed.out).toContain('0 added, 1 changed, 0 removed, 1 unchanged');
    await rm(join(content, 'new-one.md'));
    const removed = await publish();
    expect(removed.out).toContain('- removed  new-one');
    expect(removed.out).toContain('search index: 0 to index, 1 to remove');
    expect(await indexedSlugs()).toEqual(['تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا']);
    expect(await storedKeys()).toEqual([
      'v1:article:تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا',
      'v1:feed:all',
      'v1:feed:category:libya',
      'v1:index',
    ]);
  });

  it('refuses to guess the target', async () => {
    const { code, out } = await runScript('scripts/publish.ts', []);
    expect(code).toBe(2);
    expect(out).toContain('choose exactly one of --local or --remote');
  });
});
