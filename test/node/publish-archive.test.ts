// `npm run publish` at scale and across versions, end to end: the real script, a throwaway local state, the real
// Worker (the deploy bundle in workerd) reading what it wrote. Articles are generated here; nothing large is committed.
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPublication, readContentDir, toKvEntries } from '../../scripts/lib/publication.ts';
import { localTarget } from '../../scripts/lib/publish-target.ts';
import { wranglerOrThrow } from '../../scripts/lib/wrangler.ts';
import { miniflareWorkerOptions, splitSql } from '../../scripts/lib/wrangler-api.ts';
import { articleKey } from '../../src/storage/article-keys.ts';
import { runScript } from './helpers/run-script.ts';

const SEED_FILE = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا.md';
const MANY = 60;
let dir = '';
let bundle = '';

const article = (i: number, title = `خبر رقم ${i}`) =>
  `---\ntitle: "${title}"\ndek: موجز ${i}\ncategory: { slug: ${i % 3 === 0 ? 'libya' : 'turkey'}, name: ${i % 3 === 0 ? 'ليبيا' : 'تركيا'} }\n` +
  `published: 2025-01-01T${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}:00+02:00\n---\n\nنص الخبر ${i}.\n`;

/** Waits until files just written are old enough for the publisher to remember them by their times. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 2100));

const publish = (content: string, state: string) =>
  runScript('scripts/publish.ts', ['--local', '--content', content, '--persist-to', state]);

/** The deploy bundle in workerd on `state`, as `npm start` would serve it; `fetch` a path, then dispose. */
async function serve(state: string) {
  const worker = miniflareWorkerOptions();
  const mf = new Miniflare({
    ...convertV4MiniflareOptions({
      workers: [
        {
          name: 'minbar',
          modules: true,
          scriptPath: join(bundle, 'index.js'),
          compatibilityDate: String(worker.compatibilityDate),
          compatibilityFlags: worker.compatibilityFlags,
          kvNamespaces: worker.kvNamespaces,
          d1Databases: worker.d1Databases,
          ratelimits: worker.ratelimits,
          bindings: { ...worker.bindings, SITE_URL: 'https://minbar.test', RESPONSE_CACHE_SECONDS: '0' },
        },
      ],
    }),
    resourcePersistencePath: join(state, 'v3'),
  });
  return { get: (path: string) => mf.dispatchFetch(`https://minbar.test${path}`), dispose: () => mf.dispose() };
}

/** Rows of a query on the local state the publisher wrote. */
async function rows<T>(state: string, sql: string): Promise<T[]> {
  const target = await localTarget(state);
  try {
    return ((await target.query(sql))[0] ?? []) as T[];
  } finally {
    await target.close();
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minbar-archive-test-'));
  // Inside the project: workerd refuses modules outside the directory it starts from.
  await mkdir('.wrangler', { recursive: true });
  bundle = await mkdtemp(join('.wrangler', 'publish-archive-test-'));
  await wranglerOrThrow(['deploy', '--dry-run', '--outdir', bundle]);
}, 300_000);
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(bundle, { recursive: true, force: true });
});

describe('npm run publish, incrementally, among many articles', () => {
  it('adds, changes and removes one article of 60, rendering only those, and the site follows', async () => {
    const content = join(dir, 'many');
    const state = join(dir, 'many-state');
    await mkdir(content);
    for (let i = 1; i <= MANY; i += 1) await writeFile(join(content, `a-${i}.md`), article(i));
    const first = await publish(content, state);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`${MANY} added, 0 changed, 0 removed, 0 unchanged`);

    await writeFile(join(content, `a-${MANY + 1}.md`), article(MANY + 1));
    await writeFile(join(content, 'a-30.md'), article(30, 'عنوان جديد للخبر ثلاثين'));
    await rm(join(content, 'a-7.md'));
    await settle();
    const next = await publish(content, state);
    expect(next.code).toBe(0);
    expect(next.out).toContain(`1 added, 1 changed, 1 removed, ${MANY - 2} unchanged`);
    expect(next.out).toContain(`rendered 2 of ${MANY} file(s)`);
    expect(next.out).toContain('search index: 2 to index, 1 to remove');

    const site = await serve(state);
    try {
      const list = (await (await site.get('/api/articles?per_page=100')).json()) as {
        data: Array<{ slug: string; title: string }>;
        meta: { pagination: { total: number } };
      };
      expect(list.meta.pagination.total).toBe(MANY);
      expect(list.data[0]?.slug).toBe(`a-${MANY + 1}`);
      expect(list.data.map((a) => a.slug)).not.toContain('a-7');
      expect(list.data.find((a) => a.slug === 'a-30')?.title).toBe('عنوان جديد للخبر ثلاثين');
      expect((await site.get('/articles/a-7')).status).toBe(404);
      expect((await site.get('/articles/a-30')).status).toBe(200);
      const feed = await (await site.get('/feed.xml')).text();
      expect(feed).toContain(`/articles/a-${MANY + 1}`);
      expect(await (await site.get('/sitemaps/articles-1.xml')).text()).not.toContain('/articles/a-7<');
      const search = (await (await site.get(`/api/search?q=${encodeURIComponent('ثلاثين')}`)).json()) as {
        data: Array<{ url: string }>;
      };
      expect(search.data.map((r) => r.url)).toEqual(['https://minbar.test/articles/a-30']);
    } finally {
      await site.dispose();
    }

    const again = await publish(content, state);
    expect(again.out).toContain(`0 added, 0 changed, 0 removed, ${MANY} unchanged`);
    // Unchanged on disk since the last run: not even read; and no feed lists anything new.
    expect(again.out).toContain(`read 0 of ${MANY} file(s)`);
    expect(again.out).toContain(`rendered 0 of ${MANY} file(s)`);
    expect(again.out).toContain('feeds: 0 of 3 rendered again');

    // An edit is seen by its times even when the size stays the same.
    const edited = (await readFile(join(content, 'a-30.md'), 'utf8')).replace('ثلاثين', 'ثلاثون');
    await writeFile(join(content, 'a-30.md'), edited);
    const edit = await publish(content, state);
    expect(edit.out).toContain(`0 added, 1 changed, 0 removed, ${MANY - 1} unchanged`);
    expect(edit.out).toContain(`read 1 of ${MANY} file(s)`);
  }, 600_000);
});

describe('an existing deployment (a database at migration 0008, KV written by the previous publisher)', () => {
  it('migrates forward with one plain publish: catalog backfilled, nothing uploaded again, the old index gone', async () => {
    const content = join(dir, 'old');
    const state = join(dir, 'old-state');
    await mkdir(content);
    await copyFile(join('content/articles', SEED_FILE), join(content, SEED_FILE));
    await writeFile(join(content, 'a-1.md'), article(1));

    // What the previous publisher left: migrations up to 0008 (recorded as wrangler records them), every article
    // and feed in KV with its hash in the metadata, and the v1:index document that listed them all.
    const old = await localTarget(state);
    try {
      const applied = ['0001_create_comments.sql', '0002_create_search.sql', '0003_track_visibility_and_responses.sql'];
      applied.push(
        '0006_add_wordpress_import.sql',
        '0007_create_notification_state.sql',
        '0008_add_comment_sorts_and_reactions.sql',
      );
      await old.execute(
        'CREATE TABLE IF NOT EXISTS d1_migrations(id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL);',
      );
      for (const name of applied) {
        const sql = await readFile(join('migrations', name), 'utf8');
        await old.query(...splitSql(sql));
        await old.execute(`INSERT INTO d1_migrations (name) VALUES ('${name}');`);
      }
      const { publication } = buildPublication(await readContentDir(content));
      if (!publication) throw new Error('fixture does not publish');
      const entries = toKvEntries(publication);
      const index = { hash: 'old-index', articles: publication.articles.map(({ body_html: _, ...a }) => a) };
      await old.kvPut([
        ...entries.articles,
        ...entries.derived,
        { key: 'v1:index', value: JSON.stringify(index), metadata: { hash: 'old-index' } },
      ]);
    } finally {
      await old.close();
    }

    const migrated = await publish(content, state);
    expect(migrated.code).toBe(0);
    expect(migrated.out).toContain('0 added, 0 changed, 0 removed, 2 unchanged');
    const names = await rows<{ name: string }>(state, 'SELECT name FROM d1_migrations ORDER BY id');
    // Every migration since 0008 applied, the catalog's (0010) among them, up to the newest in migrations/.
    const newest = (await readdir('migrations'))
      .filter((f) => f.endsWith('.sql'))
      .sort()
      .at(-1);
    expect(names.map((n) => n.name)).toContain('0010_create_article_catalog.sql');
    expect(names.at(-1)?.name).toBe(newest);
    const target = await localTarget(state);
    try {
      expect((await target.kvList('v1:')).map((k) => k.name)).not.toContain('v1:index');
      expect((await target.kvGet([articleKey('a-1')])).get(articleKey('a-1'))).toContain('"slug":"a-1"');
    } finally {
      await target.close();
    }

    const site = await serve(state);
    try {
      for (const path of [
        '/',
        '/categories/libya',
        '/api/articles',
        '/sitemap.xml',
        '/sitemaps/articles-1.xml',
        '/feed.xml',
        '/articles/a-1',
      ])
        expect([path, (await site.get(path)).status]).toEqual([path, 200]);
      const list = (await (await site.get('/api/articles')).json()) as { meta: { pagination: { total: number } } };
      expect(list.meta.pagination.total).toBe(2);
    } finally {
      await site.dispose();
    }
    const second = await publish(content, state);
    expect(second.out).toContain('rendered 0 of 2 file(s)');
  }, 600_000);
});
