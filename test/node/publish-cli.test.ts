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

/** Each stored key's metadata. */
async function listedMetadata(): Promise<Map<string, unknown>> {
  const { stdout } = await wranglerOrThrow(['kv', 'key', 'list', '--binding', 'ARTICLES', '--local', '--persist-to', state]);
  return new Map((JSON.parse(stdout) as Array<{ name: string; metadata: unknown }>).map((k) => [k.name, k.metadata]));
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

  it('publishes every article, its catalog row and the feeds, then is idempotent', async () => {
    await rm(join(content, 'broken.md'));
    const first = await publish();
    expect(first.code).toBe(0);
    expect(first.out).toContain('1 added, 0 changed, 0 removed, 0 unchanged');
    expect(await storedKeys()).toEqual([
      'v1:article:تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا',
      'v1:feed:all',
      'v1:feed:category:libya',
      'v1:openapi',
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
      'v1:openapi',
    ]);
  });

  it('with --verify, finds a corrupt value whose hash is intact and repairs it', async () => {
    // Start from the seed article alone, published, whatever the tests before left behind.
    await rm(join(content, 'new-one.md'), { force: true });
    expect((await publish()).code).toBe(0);
    const key = 'v1:article:تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا';
    const kvArgs = ['--binding', 'ARTICLES', '--local', '--persist-to', state];
    const read = async (name: string) => (await wranglerOrThrow(['kv', 'key', 'get', name, ...kvArgs])).stdout;
    const good = await read(key);
    const { hash } = JSON.parse(good) as { hash: string };
    for (const [name, value] of [
      [key, '{}'],
      ['v1:feed:all', good.slice(0, 40)],
    ] as const) {
      const metadata = name === key ? { hash } : (await listedMetadata()).get(name);
      await wranglerOrThrow(['kv', 'key', 'put', name, value, '--metadata', JSON.stringify(metadata), ...kvArgs]);
    }
    // A plain publish trusts the hashes, as before: nothing looks changed.
    expect((await publish()).out).toContain('0 added, 0 changed, 0 removed, 1 unchanged');
    const verified = await publish('--verify');
    expect(verified.code).toBe(0);
    expect(verified.out).toContain(`! corrupt  ${key}`);
    expect(verified.out).toContain('! corrupt  v1:feed:all');
    expect(verified.out).toContain('verified 4 stored document(s): 2 corrupt');
    expect(verified.out).toContain('0 added, 0 changed, 0 removed, 0 unchanged');
    expect(await read(key)).toBe(good);
    expect(JSON.parse(await read('v1:feed:all'))).toMatchObject({ articles: [{ hash }] });
    const again = await publish('--verify');
    expect(again.out).toContain('verified 4 stored document(s): 0 corrupt');
    expect(again.out).toContain('0 added, 0 changed, 0 removed, 1 unchanged');
    // Some fifteen wrangler runs: minutes on a loaded two-core machine.
  }, 900_000);

  it('warns about an image narrower than 1200 px and publishes anyway', async () => {
    await writeFile(
      join(content, 'narrow.md'),
      '---\ntitle: خبر\ndek: موجز\ncategory: { slug: libya, name: ليبيا }\npublished: 2026-11-29\n' +
        'image: { url: "https://x.org/s.jpg", alt: صورة, width: 640, height: 360 }\n---\n\nنص.\n',
    );
    const { code, out } = await publish('--dry-run');
    await rm(join(content, 'narrow.md'));
    expect(code).toBe(0);
    expect(out).toContain('publish: 1 warning(s), publishing anyway:');
    expect(out).toContain(`${join(content, 'narrow.md')}: image: is 640 px wide`);
    expect(out).toContain('would publish to local KV: 1 added');
  });

  it('refuses to guess the target', async () => {
    const { code, out } = await runScript('scripts/publish.ts', []);
    expect(code).toBe(2);
    expect(out).toContain('choose exactly one of --local or --remote');
  });
});
