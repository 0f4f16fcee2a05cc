/**
 * Seeding: what a fresh local site holds, in one place for the tests, `npm start` and `npm run bench`.
 *
 * A local site (`npm start`, the benchmark) is seeded by the commands an editor runs: the D1 migrations, then
 * `npm run publish -- --local`. The Worker tests cannot run commands inside workerd (each test file gets fresh
 * storage), so they get the same documents from `publishedDocuments()`, the publisher's own code, and
 * test/worker/setup.ts writes them.
 */

import { catalogSql } from './catalog-sql.ts';
import { buildPublication, formatErrors, type KvEntry, type Publication, readContentDir, toKvEntries } from './publication.ts';
import { planSearch, searchIndexSql } from './search-index.ts';
import { runNode, wranglerOrThrow } from './wrangler.ts';

/** Where local KV and D1 live: wrangler's default (.wrangler/state) or `--persist-to DIR`. */
export interface LocalSeedOptions {
  persistTo?: string;
  /** Print wrangler's and the publisher's output only when a step fails (the benchmark prints its table alone). */
  quiet?: boolean;
}

/**
 * Migrates the local D1 database and publishes content/ to the local KV and search index, exactly as
 * `npm run publish -- --local` does; idempotent.
 * @example await seedLocal({ persistTo: '.wrangler/bench-state' })
 */
export async function seedLocal(options: LocalSeedOptions = {}): Promise<void> {
  const persist = options.persistTo ? ['--persist-to', options.persistTo] : [];
  await wranglerOrThrow(['d1', 'migrations', 'apply', 'DB', '--local', ...persist], { inherit: !options.quiet });
  const publish = await runNode(['scripts/publish.ts', '--local', ...persist], { inherit: !options.quiet });
  if (publish.code !== 0)
    throw new Error(`publishing content/ to the local KV failed (exit ${publish.code})\n${publish.stderr}${publish.stdout}`);
}

/** What `npm run publish` writes into empty storage for the articles of `dirs`. */
export interface PublishedDocuments {
  publication: Publication;
  /** Every KV document: the articles, then the feeds and other derived documents. */
  kvEntries: KvEntry[];
  /** The search index rows of every article (SQL for D1). */
  searchSql: string;
  /** The article catalog's rows (SQL for D1), positions and list sizes included. */
  catalogSql: string;
}

/**
 * The documents `npm run publish` would write for the articles in `dirs` into empty storage; throws when they do
 * not publish.
 * @example (await publishedDocuments(['content/articles'])).kvEntries.length
 */
export async function publishedDocuments(dirs: string[]): Promise<PublishedDocuments> {
  const files = (await Promise.all(dirs.map((dir) => readContentDir(dir)))).flat();
  const { publication, errors } = buildPublication(files);
  if (!publication) throw new Error(`the articles do not publish:\n${formatErrors(errors)}`);
  const entries = toKvEntries(publication);
  return {
    publication,
    kvEntries: [...entries.articles, ...entries.derived],
    searchSql: searchIndexSql(planSearch(new Map(), publication.articles)),
    catalogSql: catalogSql(publication.articles),
  };
}
