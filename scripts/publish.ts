/**
 * `npm run publish -- --local | --remote [--content DIR] [--persist-to DIR] [--dry-run] [--verify]`
 *
 * Publishes content/articles/*.md to the ARTICLES KV namespace. Every file is validated first and nothing is
 * written if any is invalid. Then only what changed is written (articles first, the index after them, removals
 * last, so a reader never meets an index entry whose article is missing). Running it twice changes nothing.
 * `--verify` also reads back every document whose hash looks current and repairs those whose value is corrupt.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ARTICLE_KEY_PREFIX, articleKey, INDEX_KEY } from '../src/storage/article-keys.ts';
import { buildPublication, formatErrors, planPublish, readContentDir, toKvEntries } from './lib/publication.ts';
import { planSearch, searchIndexSql } from './lib/search-index.ts';
import { entriesToVerify, findCorrupt, repairPlan } from './lib/verify.ts';
import { wranglerOrThrow } from './lib/wrangler.ts';

const USAGE = 'usage: npm run publish -- --local | --remote [--content DIR] [--persist-to DIR] [--dry-run] [--verify]';
/** Keys per `wrangler kv bulk get` (the API's limit). */
const BULK_GET_KEYS = 100;

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

const target = values.local ? ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])] : ['--remote'];
const kv = (...args: string[]) => wranglerOrThrow(['kv', ...args, '--binding', 'ARTICLES', ...target]);

const { publication, errors, warnings = [] } = buildPublication(await readContentDir(values.content));
if (!publication) {
  console.error(`publish: nothing was published; fix these ${errors.length} problem(s) first:\n${formatErrors(errors)}`);
  process.exit(1);
}
if (warnings.length > 0) console.warn(`publish: ${warnings.length} warning(s), publishing anyway:\n${formatErrors(warnings)}`);

const listed = JSON.parse((await kv('key', 'list', '--prefix', 'v1:')).stdout) as Array<{
  name: string;
  metadata?: { hash?: string };
}>;
const current = new Map(listed.map((key) => [key.name, key.metadata?.hash]));
let verifiedCount = 0;

/** Reads back every document whose hash looks current and returns the keys whose value is not what we would write. */
async function corruptKeys(): Promise<string[]> {
  const candidates = entriesToVerify([...entries.articles, ...entries.derived], current);
  verifiedCount = candidates.length;
  const stored = new Map<string, string | null>();
  const dir = await mkdtemp(join(tmpdir(), 'minbar-verify-'));
  try {
    for (let i = 0; i < candidates.length; i += BULK_GET_KEYS) {
      const file = join(dir, 'keys.json');
      await writeFile(file, JSON.stringify(candidates.slice(i, i + BULK_GET_KEYS).map((e) => e.key)));
      const got = JSON.parse((await kv('bulk', 'get', file)).stdout) as Record<string, { value: string | null }>;
      for (const [key, { value }] of Object.entries(got)) stored.set(key, value);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  return findCorrupt(candidates, stored);
}
const entries = toKvEntries(publication);
const plan = repairPlan(planPublish(current, publication), values.verify ? await corruptKeys() : []);
const changedSlugs = new Set([
  ...plan.added,
  ...plan.changed,
  ...plan.corrupt.filter((k) => k.startsWith(ARTICLE_KEY_PREFIX)).map((k) => k.slice(ARTICLE_KEY_PREFIX.length)),
]);

for (const slug of plan.added) console.log(`+ added    ${slug}`);
for (const slug of plan.changed) console.log(`~ changed  ${slug}`);
for (const slug of plan.removed) console.log(`- removed  ${slug}`);
for (const key of plan.corrupt) console.log(`! corrupt  ${key} (the stored value does not match its hash; rewritten)`);
const where = values.local ? 'local' : 'remote';
console.log(
  `${values['dry-run'] ? 'would publish' : 'published'} to ${where} KV: ${plan.added.length} added, ${plan.changed.length} changed, ` +
    `${plan.removed.length} removed, ${plan.unchanged.length} unchanged`,
);
if (values.verify) console.log(`verified ${verifiedCount} stored document(s): ${plan.corrupt.length} corrupt`);
const nothingToDo =
  changedSlugs.size === 0 && plan.removed.length === 0 && plan.derivedChanged.length === 0 && plan.derivedRemoved.length === 0;

// The search index lives in D1 (its schema is applied first, idempotently) and keeps its own record of article
// versions, so it catches up even when KV did not change (a database created after the articles were published).
const d1 = (...args: string[]) => wranglerOrThrow(['d1', 'execute', 'DB', ...target, ...args]);
await wranglerOrThrow(['d1', 'migrations', 'apply', 'DB', ...target]);
const indexedRows = JSON.parse((await d1('--json', '--command', 'SELECT slug, hash FROM search_articles')).stdout) as Array<{
  results?: Array<{ slug: string; hash: string }>;
}>;
const searchPlan = planSearch(new Map((indexedRows[0]?.results ?? []).map((r) => [r.slug, r.hash])), publication.articles);
console.log(`search index: ${searchPlan.index.length} to index, ${searchPlan.remove.length} to remove`);
if (values['dry-run']) process.exit(0);
if (searchPlan.index.length > 0 || searchPlan.remove.length > 0) {
  const dir = await mkdtemp(join(tmpdir(), 'minbar-search-'));
  try {
    const file = join(dir, 'search.sql');
    await writeFile(file, searchIndexSql(searchPlan));
    await d1('--file', file, ...(values.remote ? ['--yes'] : []));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
if (nothingToDo) process.exit(0);

const dir = await mkdtemp(join(tmpdir(), 'minbar-publish-'));
try {
  const put = async (name: string, batch: unknown[]) => {
    if (batch.length === 0) return;
    const file = join(dir, name);
    await writeFile(file, JSON.stringify(batch));
    await kv('bulk', 'put', file);
  };
  await put(
    'articles.json',
    entries.articles.filter((e) => changedSlugs.has(e.key.slice(ARTICLE_KEY_PREFIX.length))),
  );
  // The index and feeds only after every article they name is in place; removals last.
  const derivedChanged = new Set(plan.derivedChanged);
  await put(
    'derived.json',
    entries.derived.filter((e) => derivedChanged.has(e.key)),
  );
  const removedKeys = [...plan.removed.map(articleKey), ...plan.derivedRemoved];
  if (removedKeys.length > 0) {
    const file = join(dir, 'removed.json');
    await writeFile(file, JSON.stringify(removedKeys));
    await kv('bulk', 'delete', file, '--force');
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(`index ${INDEX_KEY} holds ${publication.index.articles.length} article(s); ${publication.feeds.size} feed(s)`);
