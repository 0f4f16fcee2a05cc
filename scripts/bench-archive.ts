/**
 * `npm run bench:archive [-- N]` (N defaults to 100,000; not part of CI): does a request cost the same with N articles
 * as with one, and does publishing scale?
 *
 * Generates N articles from the seed (scripts/bench-archive/generate.ts), publishes them with the real publisher to a
 * throwaway local state (wall time, peak memory), republishes after changing one (wall time), and publishes the seed
 * alone to a second state, and the smallest archive that fills every capped list (FULL articles: a full front page,
 * feeds, newest sitemap chunk, news sitemap and search window) to a third. Then runs the deploy bundle in three workerd
 * processes through Miniflare, one per state, with the response memory off (RESPONSE_CACHE_SECONDS=0), and measures
 * each route with wrk on each, one right after the other: req/s, p50/p99 and workerd CPU µs per request, and the CPU
 * ratios N / 1 and N / FULL (what grows from 1 to FULL is a page filling up; from FULL to N, the archive). Prints a
 * table and writes bench/archive.json. Needs wrk (apt-get install wrk) and a few GB of disk in the temp directory at
 * 100,000. BENCH_PORT (default 8912) is the first of the three ports it serves on.
 */
import { readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare, type V4MiniflareOptions } from 'miniflare';
import { SITEMAP_CHUNK_SIZE } from '../src/domain/article.ts';
import { articlePath } from '../src/urls.ts';
import { archiveArticle, archiveSlug, generateArchive } from './bench-archive/generate.ts';
import { measureRun, type RunMeasure, workerdPids } from './bench-archive/processes.ts';
import { measureRoute, type RouteMeasure } from './bench-archive/wrk.ts';
import { OFFLINE_ENV, wranglerOrThrow } from './lib/wrangler.ts';
import { miniflareWorkerOptions } from './lib/wrangler-api.ts';

const N = Number(process.argv[2] ?? process.env.ARCHIVE_N ?? 100_000);
const TIMING = { warmup: Number(process.env.BENCH_WARMUP ?? 2), seconds: Number(process.env.BENCH_SECONDS ?? 5) };
const FIRST_PORT = Number(process.env.BENCH_PORT ?? 8912);
const PORTS = { one: FIRST_PORT, full: FIRST_PORT + 1, many: FIRST_PORT + 2 };
/** The smallest archive whose capped lists are all full: one whole sitemap chunk (more than every other cap). */
const FULL = SITEMAP_CHUNK_SIZE;
/** How the publisher runs (as `npm run publish` runs it): its heap held to what it needs (see package.json). */
const PUBLISH_NODE_FLAGS = ['--max-old-space-size=640'];
const OUT = 'bench';
const BUILD = join(OUT, 'build-archive');
const SEED_DIR = 'content/articles';
const PAGE_SIZE = 20;
/** CPU per request at N may be at most this many times that at 1 article. */
const CPU_RATIO_TARGET = 1.25;
const GiB = 1024 ** 3;

/** What the routes of one state point at. */
interface Shape {
  slug: string;
  category: string;
  categoryPages: number;
  sitePages: number;
  chunks: number;
  rareWord: string;
}

const ROUTES: Array<[name: string, path: (s: Shape) => string]> = [
  ['front page', () => '/'],
  ['front page, last page', (s) => `/?page=${s.sitePages}`],
  ['category page', (s) => `/categories/${s.category}`],
  ['category, last page', (s) => `/categories/${s.category}?page=${s.categoryPages}`],
  ['article list JSON', () => '/api/articles'],
  ['article list JSON, last page', (s) => `/api/articles?page=${s.sitePages}`],
  ['category list JSON, last page', (s) => `/api/articles?category=${s.category}&page=${s.categoryPages}`],
  ['article page', (s) => articlePath(s.slug)],
  ['article JSON', (s) => `/api${articlePath(s.slug)}`],
  ['site feed (RSS)', () => '/feed.xml'],
  ['category feed (Atom)', (s) => `/categories/${s.category}/feed.atom`],
  ['sitemap index', () => '/sitemap.xml'],
  ['pages sitemap', () => '/sitemaps/pages.xml'],
  ['newest article sitemap', (s) => `/sitemaps/articles-${s.chunks}.xml`],
  ['news sitemap', () => '/news-sitemap.xml'],
  ['search, a word in every article', () => `/api/search?q=${encodeURIComponent('حفتر')}`],
  ['search, a word in one article', (s) => `/api/search?q=${encodeURIComponent(s.rareWord)}`],
  ['search page', () => `/search?q=${encodeURIComponent('حفتر')}`],
];

const publishArgs = (content: string, state: string) => [
  ...PUBLISH_NODE_FLAGS,
  'scripts/publish.ts',
  '--local',
  '--persist-to',
  state,
  '--content',
  content,
];

async function publish(content: string, state: string): Promise<RunMeasure> {
  const run = await measureRun(publishArgs(content, state), OFFLINE_ENV);
  if (run.code !== 0) throw new Error(`publishing ${content} failed (exit ${run.code})`);
  return run;
}

/** The deploy bundle in workerd, on the state a publish wrote, with the response memory off. */
async function serve(state: string, port: number): Promise<{ mf: Miniflare; url: URL; pid: number }> {
  const worker = miniflareWorkerOptions();
  const before = workerdPids();
  const options: V4MiniflareOptions = {
    host: '127.0.0.1',
    port,
    workers: [
      {
        name: 'minbar',
        modules: true,
        scriptPath: join(BUILD, 'index.js'),
        compatibilityDate: String(worker.compatibilityDate),
        compatibilityFlags: worker.compatibilityFlags,
        kvNamespaces: worker.kvNamespaces,
        d1Databases: worker.d1Databases,
        ratelimits: worker.ratelimits,
        bindings: {
          ...worker.bindings,
          SITE_URL: `http://127.0.0.1:${port}`,
          BUILD_ID: 'bench-archive',
          RESPONSE_CACHE_SECONDS: '0',
          IP_HASH_SECRET: 'bench-ip-hash-secret',
          COOKIE_SIGNING_SECRET: 'bench-cookie-signing-secret',
        },
      },
    ],
  };
  // Where `--persist-to` puts wrangler's local KV and D1 (as `wrangler kv` and `wrangler d1 execute` open them).
  const mf = new Miniflare({ ...convertV4MiniflareOptions(options), resourcePersistencePath: join(state, 'v3') });
  const url = await mf.ready;
  const pid = [...workerdPids()].find((p) => !before.has(p));
  if (!pid) throw new Error('could not find the workerd process');
  return { mf, url, pid };
}

const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);

async function main() {
  if (!Number.isInteger(N) || N < 1) throw new Error(`N must be a whole number of articles (got ${process.argv[2]})`);
  const scratch = await mkdtemp(join(tmpdir(), 'minbar-archive-'));
  const content = join(scratch, 'articles');
  const fullContent = join(scratch, 'articles-full');
  const states = { one: join(scratch, 'state-one'), full: join(scratch, 'state-full'), many: join(scratch, 'state-many') };
  await mkdir(content);
  await mkdir(fullContent);
  const servers: Array<{ mf: Miniflare }> = [];
  try {
    // The bundle first: what is measured is the code as it was when the run started, however long publishing takes.
    await rm(BUILD, { recursive: true, force: true });
    await wranglerOrThrow(['deploy', '--dry-run', '--minify', '--outdir', BUILD]);
    const seedFile = join(SEED_DIR, readdirSync(SEED_DIR).find((f) => f.endsWith('.md')) ?? '');
    const now = Date.now();
    console.log(`bench:archive: generating ${N} articles in ${content}`);
    const { body, largest } = await generateArchive(content, N, seedFile, now);

    console.log(`bench:archive: first publish of ${N} articles`);
    const first = await publish(content, states.many);
    const changed = Math.ceil(N / 2);
    await writeFile(join(content, `${archiveSlug(changed)}.md`), archiveArticle(changed, N, body, now, ' (معدّل)'));
    console.log('bench:archive: republish after changing one article');
    const again = await publish(content, states.many);
    console.log('bench:archive: publishing the seed alone (the 1-article state)');
    await publish(SEED_DIR, states.one);
    console.log(`bench:archive: publishing ${FULL} articles (the full-lists state)`);
    const full = await generateArchive(fullContent, FULL, seedFile, now);
    await publish(fullContent, states.full);

    const one = await serve(states.one, PORTS.one);
    servers.push(one);
    const fullServer = await serve(states.full, PORTS.full);
    servers.push(fullServer);
    const many = await serve(states.many, PORTS.many);
    servers.push(many);

    const seedSlug = (
      JSON.parse(await (await fetch(new URL('/api/articles', one.url))).text()) as { data: Array<{ slug: string }> }
    ).data[0]?.slug as string;
    /** What the routes of a generated archive of `n` point at (article `middle` is the one looked up). */
    const generatedShape = (n: number, biggest: { slug: string; count: number }, middle: number): Shape => ({
      slug: archiveSlug(middle),
      category: biggest.slug,
      categoryPages: Math.ceil(biggest.count / PAGE_SIZE),
      sitePages: Math.ceil(n / PAGE_SIZE),
      chunks: Math.ceil(n / SITEMAP_CHUNK_SIZE),
      rareWord: `مرجع${middle}`,
    });
    const states3 = ['one', 'full', 'many'] as const;
    const servers3 = { one, full: fullServer, many };
    const shapes: Record<(typeof states3)[number], Shape> = {
      one: { slug: seedSlug, category: 'libya', categoryPages: 1, sitePages: 1, chunks: 1, rareWord: 'حفتر' },
      full: generatedShape(FULL, full.largest, Math.ceil(FULL / 2)),
      many: generatedShape(N, largest, changed),
    };
    const routes = [];
    for (const [name, path] of ROUTES) {
      const measured = {} as Record<(typeof states3)[number], RouteMeasure & { path: string }>;
      for (const key of states3) {
        const server = servers3[key];
        const routePath = path(shapes[key]);
        measured[key] = { path: routePath, ...measureRoute(new URL(routePath, server.url).href, server.pid, TIMING) };
      }
      const ratio = measured.many.cpuUsPerRequest / measured.one.cpuUsPerRequest;
      const ratioFull = measured.many.cpuUsPerRequest / measured.full.cpuUsPerRequest;
      routes.push({
        name,
        at_1: measured.one,
        at_full: measured.full,
        at_n: measured.many,
        cpu_ratio: Number(ratio.toFixed(2)),
        cpu_ratio_full: Number(ratioFull.toFixed(2)),
        met: ratio <= CPU_RATIO_TARGET,
      });
      console.log(
        `bench:archive: ${name}: ${measured.one.cpuUsPerRequest.toFixed(0)} µs at 1, ${measured.full.cpuUsPerRequest.toFixed(0)} µs at ${FULL}, ${measured.many.cpuUsPerRequest.toFixed(0)} µs at ${N} (× ${ratio.toFixed(2)} of 1, × ${ratioFull.toFixed(2)} of ${FULL})`,
      );
    }

    const results = {
      date: new Date().toISOString(),
      articles: N,
      full_lists_articles: FULL,
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
      settings: { wrk: `-t1 -c16, ${TIMING.seconds} s after ${TIMING.warmup} s warm-up`, response_cache_seconds: 0 },
      publish: {
        first: {
          seconds: Math.round(first.seconds),
          peak_tree_mb: mb(first.peakTreeBytes),
          peak_process_mb: mb(first.peakProcessBytes),
        },
        republish_one_changed: {
          seconds: Number(again.seconds.toFixed(1)),
          peak_tree_mb: mb(again.peakTreeBytes),
          peak_process_mb: mb(again.peakProcessBytes),
        },
      },
      routes,
      targets: [
        { name: `CPU per request at ${N} ≤ ${CPU_RATIO_TARGET} × at 1, every route`, met: routes.every((r) => r.met) },
        { name: 'first publish ≤ 20 min', value_s: Math.round(first.seconds), met: first.seconds <= 20 * 60 },
        {
          name: 'first publish peak memory ≤ 1 GiB (largest process)',
          value_mb: mb(first.peakProcessBytes),
          met: first.peakProcessBytes <= GiB,
        },
        { name: 'republish one changed ≤ 15 s', value_s: Number(again.seconds.toFixed(1)), met: again.seconds <= 15 },
      ],
    };
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, 'archive.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
  } finally {
    for (const server of servers) await server.mf.dispose();
    await rm(scratch, { recursive: true, force: true });
  }
}

function printTable(r: {
  articles: number;
  full_lists_articles: number;
  publish: { first: Record<string, number>; republish_one_changed: Record<string, number> };
  routes: Array<{
    name: string;
    at_1: RouteMeasure;
    at_full: RouteMeasure;
    at_n: RouteMeasure;
    cpu_ratio: number;
    cpu_ratio_full: number;
    met: boolean;
  }>;
  targets: Array<{ name: string; met: boolean }>;
}) {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  const { first, republish_one_changed: again } = r.publish;
  console.log(
    `\npublish ${r.articles}: ${first.seconds} s, peak ${first.peak_process_mb} MB (largest process), ${first.peak_tree_mb} MB (whole tree)`,
  );
  console.log(`republish after changing one: ${again.seconds} s, peak ${again.peak_process_mb} MB (largest process)`);
  console.log(`\nF = ${r.full_lists_articles} articles, the smallest archive whose capped lists are all full`);
  console.log(
    `${pad('route', 34)}${pad('req/s 1', 9)}${pad(`req/s N`, 9)}${pad('p50 1', 8)}${pad('p50 N', 8)}${pad('p99 1', 8)}${pad('p99 N', 8)}${pad('CPU µs 1', 10)}${pad('CPU µs F', 10)}${pad('CPU µs N', 10)}${pad('N/1', 7)}${pad('N/F', 7)}fail`,
  );
  for (const x of r.routes)
    console.log(
      `${pad(x.name, 34)}${pad(num(x.at_1.rps), 9)}${pad(num(x.at_n.rps), 9)}${pad(num(x.at_1.p50Ms, 1), 8)}${pad(num(x.at_n.p50Ms, 1), 8)}${pad(num(x.at_1.p99Ms, 1), 8)}${pad(num(x.at_n.p99Ms, 1), 8)}${pad(num(x.at_1.cpuUsPerRequest), 10)}${pad(num(x.at_full.cpuUsPerRequest), 10)}${pad(num(x.at_n.cpuUsPerRequest), 10)}${pad(x.cpu_ratio.toFixed(2), 7)}${pad(x.cpu_ratio_full.toFixed(2), 7)}${x.at_1.failures + x.at_full.failures + x.at_n.failures}`,
    );
  console.log('\ntargets:');
  for (const t of r.targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name}`);
  console.log('\nresults in bench/archive.json');
}

await main();
