/**
 * `npm run bench`: Minbar against the fastest possible Worker, side by side, in one run.
 *
 * Builds the Worker exactly as it deploys (`wrangler deploy --dry-run --minify`), runs that bundle in workerd through
 * Miniflare (the runtime wrangler dev uses, no dev proxy in the measured path) with KV and D1 seeded as `npm start`
 * seeds them, and a "ceiling" Worker that returns the article page's exact bytes from a constant. wrk (Debian's
 * package, installed when missing) drives each route with 32 keep-alive connections: a warm-up, then a timed run.
 * workerd's CPU time per request comes from /proc/<pid>/stat. Prints a table and writes bench/results.json.
 *
 * The parts live in scripts/bench/: settings, wrk (load), lua (wrk scripts), workerd (processes, CPU, one
 * measurement), workers (the two Workers and the comment seeding), report (targets, JSON, table).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { articlePath } from '../src/urls.ts';
import { luaScripts } from './bench/lua.ts';
import { benchResults, printTable } from './bench/report.ts';
import { BUILD, HELD_TRICKLE_ROUTE, OUT } from './bench/settings.ts';
import { measure, type RouteResult, startWorkerd } from './bench/workerd.ts';
import { ceilingOptions, minbarOptions, seedComments } from './bench/workers.ts';
import { ensureWrk, whileHeldCommentsArrive } from './bench/wrk.ts';
import { publishedDocuments, seedLocal } from './lib/seed.ts';
import { wranglerOrThrow } from './lib/wrangler.ts';
import { miniflareWorkerOptions } from './lib/wrangler-api.ts';

async function main() {
  const wrk = ensureWrk();
  await rm(BUILD, { recursive: true, force: true });
  await wranglerOrThrow(['deploy', '--dry-run', '--minify', '--outdir', BUILD]);
  const bundle = readFileSync(join(BUILD, 'index.js'));

  const state = await mkdtemp(join(tmpdir(), 'minbar-bench-'));
  const scratch = await mkdtemp(join(tmpdir(), 'minbar-bench-lua-'));
  try {
    // The same storage `npm start` serves: migrations, then content/ published to the local KV and search index.
    await seedLocal({ persistTo: state, quiet: true });
    const slug = (await publishedDocuments(['content/articles'])).publication.index.articles[0]?.slug ?? '';
    const options = minbarOptions(state);
    const compatibilityDate = String(miniflareWorkerOptions().compatibilityDate);
    const minbar = await startWorkerd(options);
    await seedComments(minbar.url, slug);
    // As wrk asks for it: no Accept-Encoding, so the ceiling serves the same identity-encoded bytes.
    const page = await fetch(new URL(articlePath(slug), minbar.url), { headers: { 'Accept-Encoding': 'identity' } });
    const html = await page.text();
    const etag = page.headers.get('ETag') ?? '';
    const headers = Object.fromEntries(
      [...page.headers].filter(([k]) => !['content-length', 'content-encoding', 'transfer-encoding', 'date', 'etag'].includes(k)),
    );
    const ceiling = await startWorkerd(ceilingOptions(html, headers, compatibilityDate));
    const lua = await luaScripts(scratch, etag, slug);

    // Each route is measured right after a run of the ceiling, and compared with that run: on a small shared
    // machine throughput drifts over minutes, and the paired ratio is what stays comparable.
    const routes: RouteResult[] = [];
    const paired = async (name: string, path: string, script: string) => {
      const reference = await measure(wrk, ceiling, 'ceiling (constant page)', '/', lua.plain);
      const route = await measure(wrk, minbar, name, path, script);
      routes.push(reference, { ...route, ceilingRps: reference.rps });
    };
    await paired('article page (HTML)', articlePath(slug), lua.plain);
    await paired('article JSON', `/api${articlePath(slug)}`, lua.plain);
    await paired('article list JSON', '/api/articles', lua.plain);
    await paired('comments JSON (200)', `/api${articlePath(slug)}/comments?limit=100`, lua.plain);
    await paired('conditional GET → 304', articlePath(slug), lua.conditional);
    // Reads while held comments arrive (5/s): nothing public changes, so the response memory must keep serving.
    const trickle = await whileHeldCommentsArrive(wrk, minbar.url, lua.trickle, () =>
      paired(HELD_TRICKLE_ROUTE, articlePath(slug), lua.plain),
    );
    routes.push({ ...(await measure(wrk, minbar, 'comment POST', '/', lua.post)), ceilingRps: routes.at(-2)?.rps ?? 0 });
    await ceiling.mf.dispose();
    await minbar.mf.dispose();

    // Startup: a new workerd process running the bundle, until the Worker first answers 200.
    const started = performance.now();
    const cold = new Miniflare(convertV4MiniflareOptions(options));
    const coldUrl = await cold.ready;
    let status = 0;
    while (status !== 200 && performance.now() - started < 30_000)
      // robots.txt needs no storage, so the first 200 measures the process and the bundle, not a storage read.
      status = (await fetch(new URL('/robots.txt', coldUrl))).status;
    const startupMs = performance.now() - started;
    await cold.dispose();

    const results = benchResults({
      routes,
      trickle,
      startupMs,
      bundle,
      html,
      sizes: {
        gzip: gzipSync(html, { level: 6 }).length,
        brotli: brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
        bundleGzip: gzipSync(bundle, { level: 9 }).length,
      },
      wrkVersion: spawnSync(wrk, ['-v'], { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? '',
    });
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  }
}

await main();
