/**
 * `npm run publish -- --local | --remote [--content DIR] [--persist-to DIR] [--dry-run] [--verify]`
 *
 * Publishes content/articles/*.md: each article to the ARTICLES KV namespace (one document), its catalog row and
 * search text to D1, and the feeds to KV. What is published is known from D1's manifest (each article's source file,
 * source hash and document hash; each other document's hash), never by listing or downloading KV, so a run reads and
 * hashes every file but renders and uploads only what changed. Every file is validated first and nothing is written
 * if any is invalid. Work streams through chunk files within wrangler's bulk limits, with progress and time left.
 * Order keeps readers safe: documents first, then the catalog, then deletions. Running it twice changes nothing.
 *
 * The first run after migration 0010 on an existing deployment finds the manifest empty and backfills it, using
 * KV's metadata hashes (one listing, that once) so unchanged documents are not uploaded again.
 * `--verify` renders every file and reads back every document whose hash looks current, repairing corrupt values.
 */
import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import type { ArticleDocument, Category } from '../src/domain/article.ts';
import { FEED_SIZE } from '../src/domain/article.ts';
import { ARTICLE_KEY_PREFIX, articleKey, FEED_KEY_PREFIX, feedKey, INDEX_KEY } from '../src/storage/article-keys.ts';
import {
  documentHashSql,
  moveArticleSql,
  REFRESH_CATALOG_SQL,
  removeArticleSql,
  removeDocumentSql,
  upsertArticleSql,
} from './lib/catalog-sql.ts';
import { progress } from './lib/progress.ts';
import {
  acrossFiles,
  buildArticle,
  buildFeeds,
  derivedEntries,
  feedHash,
  formatErrors,
  type KvEntry,
  kvEntry,
  type PublishError,
} from './lib/publication.ts';
import { localTarget, remoteTarget } from './lib/publish-target.ts';
import { searchIndexSql } from './lib/search-index.ts';
import { sourceCache } from './lib/source-cache.ts';
import { sourceHash } from './lib/source-hash.ts';

const USAGE = 'usage: npm run publish -- --local | --remote [--content DIR] [--persist-to DIR] [--dry-run] [--verify]';
/** Documents read back at once with --verify (`wrangler kv bulk get` takes 100). */
const VERIFY_BATCH = 100;
/** Documents per bulk put: within wrangler's 10,000 pairs and 100 MB, and light on memory. */
const BULK_PUT_DOCUMENTS = 2000;
/** Articles per batch of D1 statements (a row and its search text each, about 10 KB). */
const SQL_ARTICLES_PER_FILE = 2000;

const { values } = parseArgs({
  options: {
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    content: { type: 'string', default: 'content/articles' },
    'persist-to': { type: 'string' },
    'dry-run': { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
  },
});

if (values.local === values.remote) {
  console.error(`publish: choose exactly one of --local or --remote\n${USAGE}`);
  process.exit(2);
}

const target = values.local ? await localTarget(values['persist-to']) : await remoteTarget();

// ---------- what is published ----------

/** One article of the manifest, as D1 has it. */
interface ManifestRow {
  slug: string;
  source_path: string;
  source_hash: string;
  hash: string;
  category_slug: string;
  category_name: string;
  published_at: string;
}

await target.migrate();
const [manifestRows = [], documentRows = []] = (await target.query(
  'SELECT slug, source_path, source_hash, hash, category_slug, category_name, published_at FROM articles',
  'SELECT key, hash FROM published_documents',
)) as [ManifestRow[], Array<{ key: string; hash: string }>];
const bySource = new Map(manifestRows.map((row) => [row.source_path, row]));
/** slug → document hash of every article published now. */
const published = new Map(manifestRows.map((row) => [row.slug, row.hash]));
/** KV key → hash of every other document published now. */
const documents = new Map(documentRows.map((row) => [row.key, row.hash]));
/** Before the first run of this publisher, the articles in search (slug → hash), else empty: search follows the catalog. */
let searchHashes = new Map<string, string>();
const backfill = manifestRows.length === 0;
if (backfill) {
  for (const { name, metadata } of await target.kvList('v1:')) {
    if (name.startsWith(ARTICLE_KEY_PREFIX)) published.set(name.slice(ARTICLE_KEY_PREFIX.length), metadata?.hash ?? '');
    else documents.set(name, metadata?.hash ?? '');
  }
  const [indexed = []] = (await target.query('SELECT slug, hash FROM search_articles')) as [
    Array<{ slug: string; hash: string }>,
  ];
  searchHashes = new Map(indexed.map((r) => [r.slug, r.hash]));
}

// ---------- chunk files, written while files are read, uploaded only when all are valid ----------

const dir = await mkdtemp(join(tmpdir(), 'minbar-publish-'));
/** Ends the run: the local state closed, the chunk files gone. */
async function finish(code: number): Promise<never> {
  await target.close();
  await rm(dir, { recursive: true, force: true });
  process.exit(code);
}

/** Appends items to numbered files of at most `perFile` items; `flush` closes the last one. */
function chunkFiles<T>(name: string, perFile: number, serialize: (items: T[]) => string) {
  const files: Array<{ path: string; count: number }> = [];
  let items: T[] = [];
  const flush = async () => {
    if (items.length === 0) return;
    const path = join(dir, `${name}-${files.length}`);
    files.push({ path, count: items.length });
    const text = serialize(items);
    items = [];
    await writeFile(path, text);
  };
  return {
    files,
    flush,
    async add(item: T) {
      items.push(item);
      if (items.length >= perFile) await flush();
    },
  };
}

const kvPuts = chunkFiles<KvEntry>('put.json', BULK_PUT_DOCUMENTS, (entries) => JSON.stringify(entries));
const sqlArticles = chunkFiles<string>('articles.sql', SQL_ARTICLES_PER_FILE, (lines) => lines.join('\n'));

// ---------- reading every file: rendered only when its source (or the renderer) changed ----------

/** What the feeds and the cross-file rules need of every article, however it was found. */
interface Listed {
  slug: string;
  path: string;
  /** Publication time in ms, for sorting (parsed once, not at every comparison). */
  published_ms: number;
  category: Category;
  /** The article document's hash: feeds are compared by their articles' hashes before any is rendered again. */
  hash: string;
}

const names = (await readdir(values.content)).filter((name) => name.endsWith('.md')).sort();
const errors: PublishError[] = [];
const warnings: PublishError[] = [];
const check = acrossFiles();
const listed: Listed[] = [];
const counts = { added: 0, changed: 0, unchanged: 0, corrupt: 0, verified: 0, indexed: 0, rendered: 0, read: 0 };
/** Documents whose hash looks current, waiting to be read back (with --verify). */
let toVerify: KvEntry[] = [];
const corrupt: string[] = [];

/** Reads back documents whose hash looks current; a value that is not what we would write is rewritten. */
async function verifyStored(entries: KvEntry[]): Promise<KvEntry[]> {
  const got = await target.kvGet(entries.map((e) => e.key));
  counts.verified += entries.length;
  const bad = entries.filter((e) => got.get(e.key) !== e.value);
  corrupt.push(...bad.map((e) => e.key));
  return bad;
}

/** Articles named one a line; past this, a count (a first publish of 100,000 is not 100,000 lines). */
const LINES_SHOWN = 200;
let said = 0;
const say = (line: string) => {
  said += 1;
  if (said <= LINES_SHOWN) console.log(line);
};

const reading = progress('read and render', names.length);
/** Files read at once: reading ahead keeps the disk busy while the previous batch is hashed and rendered. */
const READ_AHEAD = 64;
// Beside the local state it describes (or in .wrangler for the remote one); --verify reads every file regardless.
const cache = await sourceCache(
  values.local
    ? join(values['persist-to'] ?? '.wrangler/state', 'publish-sources.json')
    : '.wrangler/publish-sources-remote.json',
  values.content,
);
/** Each file's path and source hash; its text only when it was read (a file unchanged on disk is not). */
async function* sources() {
  for (let i = 0; i < names.length; i += READ_AHEAD) {
    const batch = names.slice(i, i + READ_AHEAD);
    yield* await Promise.all(
      batch.map(async (name) => {
        const path = join(values.content, name);
        const stats = await stat(path);
        const known = values.verify ? undefined : cache.hashOf(name, stats);
        if (known) return { path, hash: known, text: undefined };
        const text = await readFile(path, 'utf8');
        counts.read += 1;
        const hash = sourceHash(text);
        cache.remember(name, stats, hash);
        return { path, hash, text };
      }),
    );
  }
}

for await (const { path, hash, text } of sources()) {
  const row = bySource.get(path);
  reading.advance();
  if (!values.verify && row && row.source_hash === hash && published.get(row.slug) === row.hash) {
    const category = { slug: row.category_slug, name: row.category_name };
    errors.push(...check(path, row.slug, category));
    listed.push({ slug: row.slug, path, published_ms: Date.parse(row.published_at), category, hash: row.hash });
    counts.unchanged += 1;
    continue;
  }
  const source = text ?? (await readFile(path, 'utf8'));
  const built = buildArticle({ path, source });
  counts.rendered += 1;
  errors.push(...built.errors);
  warnings.push(...(built.warnings ?? []));
  const article = built.article;
  if (!article) continue;
  errors.push(...check(path, article.slug, article.category));
  const { slug, category, hash: documentHash } = article;
  listed.push({ slug, path, published_ms: Date.parse(article.published_at), category, hash: documentHash });
  if (errors.length > 0) continue; // Nothing will be written: stop preparing writes, keep finding errors.
  const before = published.get(article.slug);
  const entry = kvEntry(articleKey(article.slug), article);
  const kind = before === undefined ? 'added' : before === article.hash ? 'unchanged' : 'changed';
  if (kind === 'unchanged' && values.verify) {
    toVerify.push(entry);
    if (toVerify.length >= VERIFY_BATCH) {
      for (const bad of await verifyStored(toVerify)) await kvPuts.add(bad);
      toVerify = [];
    }
  }
  if (kind !== 'unchanged') {
    say(kind === 'added' ? `+ added    ${article.slug}` : `~ changed  ${article.slug}`);
    await kvPuts.add(entry);
  }
  counts[kind] += 1;
  const sourceRecord = { path, hash };
  // A row is rewritten when the article changed, or (first run) when the manifest does not have it yet.
  const sql = [
    kind !== 'unchanged' || backfill ? upsertArticleSql(article, sourceRecord) : moveArticleSql(article.slug, sourceRecord),
  ];
  if (kind !== 'unchanged' || (backfill && searchHashes.get(article.slug) !== article.hash)) {
    // An article new to the catalog is not in search either (the first run after 0010 asks search itself).
    const fresh = kind === 'added' && !searchHashes.has(article.slug);
    sql.push(searchIndexSql({ index: [article], remove: [], fresh }));
    counts.indexed += 1;
  }
  await sqlArticles.add(sql.join('\n'));
}
reading.done();
await cache.save();
console.log(`read ${counts.read} of ${names.length} file(s); the others are unchanged on disk since the last run`);
console.log(`rendered ${counts.rendered} of ${names.length} file(s); the others are unchanged since the last publish`);
if (toVerify.length > 0) for (const bad of await verifyStored(toVerify)) await kvPuts.add(bad);
for (const key of corrupt) {
  console.log(`! corrupt  ${key} (the stored value does not match its hash; rewritten)`);
  counts.unchanged -= 1;
}

if (errors.length > 0) {
  console.error(`publish: nothing was published; fix these ${errors.length} problem(s) first:\n${formatErrors(errors)}`);
  await finish(1);
}
if (warnings.length > 0) console.warn(`publish: ${warnings.length} warning(s), publishing anyway:\n${formatErrors(warnings)}`);

// ---------- what the publication removes, and the feeds ----------

const slugs = new Set(listed.map((a) => a.slug));
const removed = [...published.keys()].filter((slug) => !slugs.has(slug));
for (const slug of removed) say(`- removed  ${slug}`);
if (said > LINES_SHOWN) console.log(`… and ${said - LINES_SHOWN} more added, changed or removed`);

/**
 * The feeds: the site's and each category's newest FEED_SIZE articles. A feed's hash follows from its articles'
 * hashes, so only feeds whose hash changed (or all, with --verify) have their articles rendered again (at most a few
 * hundred files; republishing one article renders the two feeds it is in).
 */
async function feedEntries(): Promise<{ entries: KvEntry[]; keys: string[] }> {
  const newest = [...listed].sort((a, b) => b.published_ms - a.published_ms || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const lists = new Map<string, { category: Category | null; items: Listed[] }>([[feedKey(), { category: null, items: [] }]]);
  for (const a of newest) {
    const site = lists.get(feedKey()) as { items: Listed[] };
    if (site.items.length < FEED_SIZE) site.items.push(a);
    const key = feedKey(a.category.slug);
    const list = lists.get(key) ?? { category: a.category, items: [] };
    lists.set(key, list);
    if (list.items.length < FEED_SIZE) list.items.push(a);
  }
  const stale = [...lists].filter(
    ([key, list]) =>
      values.verify ||
      documents.get(key) !==
        feedHash(
          list.category && { slug: list.category.slug, name: list.category.name },
          list.items.map((a) => a.hash),
        ),
  );
  const needed = new Set(stale.flatMap(([, list]) => list.items));
  const wanted = newest.filter((a) => needed.has(a));
  const rendered = await Promise.all(
    wanted.map(async (a) => buildArticle({ path: a.path, source: await readFile(a.path, 'utf8') }).article as ArticleDocument),
  );
  // Built from the stale feeds' articles only, so only those feeds are complete; the others are current already.
  const staleKeys = new Set(stale.map(([key]) => key));
  const feeds = new Map([...buildFeeds(rendered)].filter(([key]) => staleKeys.has(key)));
  console.log(`feeds: ${stale.length} of ${lists.size} rendered again; the others list the same articles as before`);
  return { entries: derivedEntries(feeds), keys: [...lists.keys()] };
}
const feeds = await feedEntries();
const derived = feeds.entries;
const derivedChanged = derived.filter((e) => documents.get(e.key) !== e.metadata.hash);
const derivedCurrent = derived.filter((e) => documents.get(e.key) === e.metadata.hash);
const derivedKeys = new Set([...feeds.keys, ...derived.map((e) => e.key)]);
const derivedRemoved = [...documents.keys()].filter(
  (key) => key === INDEX_KEY || (key.startsWith(FEED_KEY_PREFIX) && !derivedKeys.has(key)),
);
const derivedRepaired = values.verify && derivedCurrent.length > 0 ? await verifyStored(derivedCurrent) : [];
for (const entry of derivedRepaired) console.log(`! corrupt  ${entry.key} (the stored value does not match its hash; rewritten)`);

const where = values.local ? 'local' : 'remote';
console.log(
  `${values['dry-run'] ? 'would publish' : 'published'} to ${where} KV: ${counts.added} added, ${counts.changed} changed, ` +
    `${removed.length} removed, ${counts.unchanged} unchanged`,
);
if (values.verify) console.log(`verified ${counts.verified} stored document(s): ${corrupt.length} corrupt`);
console.log(`search index: ${counts.indexed} to index, ${removed.length} to remove`);
if (values['dry-run']) await finish(0);

// ---------- writing: documents, then the catalog, then deletions ----------

for (const entry of [...derivedChanged, ...derivedRepaired]) await kvPuts.add(entry);
await kvPuts.flush();
await sqlArticles.flush();
const changedAnything =
  kvPuts.files.length > 0 || sqlArticles.files.length > 0 || removed.length > 0 || derivedRemoved.length > 0;
if (!changedAnything) await finish(0);

const uploading = progress(
  'upload documents to KV',
  kvPuts.files.reduce((n, f) => n + f.count, 0),
);
for (const file of kvPuts.files) {
  await target.kvPut(JSON.parse(await readFile(file.path, 'utf8')) as KvEntry[]);
  uploading.advance(file.count);
}
uploading.done();

const cataloguing = progress(
  'write catalog and search rows to D1',
  sqlArticles.files.reduce((n, f) => n + f.count, 0),
);
for (const file of sqlArticles.files) {
  await target.execute(await readFile(file.path, 'utf8'));
  cataloguing.advance(file.count);
}
cataloguing.done();

// Removed articles leave the catalog and search before their documents go; then every derived row is recomputed.
await target.execute(
  [
    ...removed.flatMap((slug) => [removeArticleSql(slug), searchIndexSql({ index: [], remove: [slug] })]),
    REFRESH_CATALOG_SQL,
    ...derivedChanged.map((e) => documentHashSql(e.key, e.metadata.hash)),
    ...derivedRemoved.map(removeDocumentSql),
  ].join('\n'),
);
const deleted = [...removed.map(articleKey), ...derivedRemoved];
for (let i = 0; i < deleted.length; i += BULK_PUT_DOCUMENTS) await target.kvDelete(deleted.slice(i, i + BULK_PUT_DOCUMENTS));
console.log(`catalog holds ${listed.length} article(s); ${feeds.keys.length} feed(s)`);
await finish(0);
