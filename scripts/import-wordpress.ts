/**
 * `npm run import:wordpress -- <export.xml> --local | --remote [--dry-run] [--include-pages] [--content DIR]
 *  [--persist-to DIR]`
 *
 * Imports a WordPress export (WXR): published posts become content/articles/<slug>.md, their comments go to D1
 * (threads, statuses and dates kept, IPs hashed with IP_HASH_SECRET), and the old URLs go to the legacy URL map the
 * Worker redirects from. It does not publish: `npm run publish` does that, after you have looked at the files.
 * Running it twice adds nothing; an existing article file is never overwritten.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { buildPublication, formatErrors, readContentDir, type SourceFile } from './lib/publication.ts';
import { type ImportPlan, importSql, planImport } from './lib/wordpress-import.ts';
import { wrangler, wranglerOrThrow } from './lib/wrangler.ts';
import { parseWxr, WxrError } from './lib/wxr.ts';

const USAGE =
  'usage: npm run import:wordpress -- <export.xml> --local | --remote [--dry-run] [--include-pages] [--content DIR] [--persist-to DIR]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    local: { type: 'boolean', default: false },
    remote: { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    'include-pages': { type: 'boolean', default: false },
    content: { type: 'string', default: 'content/articles' },
    'persist-to': { type: 'string' },
  },
});

const stop = (message: string, code = 1): never => {
  console.error(`import: ${message}`);
  process.exit(code);
};

const [file] = positionals;
if (!file || positionals.length > 1) stop(`name one export file\n${USAGE}`, 2);
if (values.local === values.remote) stop(`choose exactly one of --local or --remote\n${USAGE}`, 2);
const dryRun = values['dry-run'];
const target = values.local ? ['--local', ...(values['persist-to'] ? ['--persist-to', values['persist-to']] : [])] : ['--remote'];

/** IP_HASH_SECRET from the environment, or locally from .dev.vars (the secret the local Worker uses). */
async function ipHashSecret(): Promise<string> {
  if (process.env.IP_HASH_SECRET) return process.env.IP_HASH_SECRET;
  if (values.local && existsSync('.dev.vars')) {
    const secret = parseEnv(await readFile('.dev.vars', 'utf8')).IP_HASH_SECRET;
    if (secret && secret !== 'generate') return secret;
  }
  return stop(
    values.local
      ? 'IP_HASH_SECRET is needed to hash commenters’ IPs: run `npm start` once (it writes .dev.vars) or set it in the environment.'
      : 'set IP_HASH_SECRET in the environment to the secret the deployed Worker uses (IPs are stored only as its hashes).',
  );
}

// Everything that can refuse the file happens before anything is written.
let xml = '';
try {
  xml = await readFile(file as string, 'utf8');
} catch (error) {
  stop(`cannot read ${file}: ${(error as Error).message}`);
}
let plan: ImportPlan;
try {
  plan = await planImport(parseWxr(xml), { ipHashSecret: await ipHashSecret(), includePages: values['include-pages'] });
} catch (error) {
  if (error instanceof WxrError) stop(`${file} was not imported, nothing was written: ${error.message}`);
  throw error;
}

// Every new file must be one the publisher accepts, next to the articles already there.
const existing = existsSync(values.content) ? await readContentDir(values.content) : [];
const existingByPath = new Map(existing.map((f) => [f.path, f.source]));
const candidates: SourceFile[] = plan.articles.map((a) => ({ path: join(values.content, `${a.slug}.md`), source: a.source }));
const fresh = candidates.filter((f) => !existingByPath.has(f.path));
const freshPaths = new Set(fresh.map((f) => f.path));
const refusals = buildPublication([...existing, ...fresh]).errors.filter((e) => freshPaths.has(e.file));
const refused = new Set(refusals.map((e) => e.file));
if (refused.size > 0)
  plan.notes.push(`the publisher would refuse these files, so they were not written:\n${formatErrors(refusals)}`);
const refusedSlugs = new Set(plan.articles.filter((a) => refused.has(join(values.content, `${a.slug}.md`))).map((a) => a.slug));
const added = fresh.filter((f) => !refused.has(f.path));
const unchanged = candidates.filter((f) => existingByPath.get(f.path) === f.source);
const differing = candidates.filter((f) => existingByPath.has(f.path) && existingByPath.get(f.path) !== f.source);
for (const f of differing) plan.notes.push(`${f.path} already exists and differs from the export: left as it is`);

// What D1 already holds from an earlier run (nothing yet on a database the import has never touched).
const d1 = (...args: string[]) => wranglerOrThrow(['d1', 'execute', 'DB', ...target, ...args]);
// A dry run must not even create the local database wrangler would make on first use.
const noLocalDatabase = values.local && !existsSync(join(values['persist-to'] ?? '.wrangler/state', 'v3', 'd1'));
/** Result rows of each statement of `sql`, in order, in one wrangler call. */
async function resultSets(sql: string): Promise<Array<Array<Record<string, unknown>>>> {
  if (dryRun && noLocalDatabase) return [];
  const result = await wrangler(['d1', 'execute', 'DB', ...target, '--json', '--command', sql]);
  if (result.code !== 0) {
    if (dryRun && /no such (table|column)/.test(result.stdout + result.stderr)) return [];
    throw new Error(`wrangler d1 execute failed\n${result.stderr || result.stdout}`);
  }
  return (JSON.parse(result.stdout) as Array<{ results?: Array<Record<string, unknown>> }>).map((set) => set.results ?? []);
}
if (!dryRun) await wranglerOrThrow(['d1', 'migrations', 'apply', 'DB', ...target]);
const [importedRows = [], keyRows = []] = await resultSets(
  'SELECT wordpress_id FROM wordpress_comments; SELECT key FROM legacy_urls',
);
const importedIds = new Set(importedRows.map((row) => row.wordpress_id as number));
const knownKeys = new Set(keyRows.map((row) => row.key as string));
const comments = plan.comments.filter((c) => !refusedSlugs.has(c.articleSlug));
const newComments = comments.filter((c) => !importedIds.has(c.wordpressId));
const newRedirects = plan.redirects.filter((r) => !knownKeys.has(r.key));

// The summary.
const byReason = (counts: Map<string, number>) =>
  counts.size === 0 ? 'none' : [...counts].map(([reason, n]) => `${n} ${reason}`).join(', ');
const byStatus = (list: typeof comments) => {
  const counts = new Map<string, number>();
  for (const c of list) counts.set(c.status, (counts.get(c.status) ?? 0) + 1);
  return byReason(counts);
};
const verb = dryRun ? 'would add' : 'added';
for (const f of added) console.log(`+ ${f.path}`);
console.log(
  `articles: ${added.length} ${verb}, ${unchanged.length} unchanged, ${differing.length} left as they are, ${refused.size} refused`,
);
console.log(`skipped items: ${byReason(plan.skippedItems)}`);
console.log(
  `comments: ${newComments.length} ${verb} (${byStatus(newComments)}), ${comments.length - newComments.length} already imported`,
);
console.log(`skipped comments: ${byReason(plan.skippedComments)}`);
console.log(`old URLs: ${newRedirects.length} ${verb}, ${plan.redirects.length - newRedirects.length} already mapped`);
if (plan.notes.length > 0) console.log(`needs a person's look:\n${plan.notes.map((n) => `  - ${n}`).join('\n')}`);
if (dryRun) {
  console.log('dry run: nothing was written');
  process.exit(0);
}

await mkdir(values.content, { recursive: true });
for (const f of added) await writeFile(f.path, f.source, { flag: 'wx' });
if (newComments.length > 0 || newRedirects.length > 0) {
  const dir = await mkdtemp(join(tmpdir(), 'minbar-import-'));
  try {
    const sqlFile = join(dir, 'import.sql');
    await writeFile(sqlFile, importSql(newComments, newRedirects, new Date().toISOString()));
    await d1('--file', sqlFile, ...(values.remote ? ['--yes'] : []));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
  // INSERT OR IGNORE skips a comment identical to one already on Minbar (same article, parent, email and text).
  const [stored = []] = await resultSets(
    `SELECT count(*) AS n FROM comments WHERE wordpress_id IN (${newComments.map((c) => c.wordpressId).join(', ') || 'NULL'})`,
  );
  const missing = newComments.length - Number(stored[0]?.n ?? 0);
  if (missing > 0) console.log(`  - ${missing} comment(s) duplicate comments already on Minbar and were not stored`);
}
console.log(`next: npm run publish -- ${values.local ? '--local' : '--remote'} (the import does not publish)`);
