/**
 * `npm run bench`: Minbar against the fastest possible Worker, side by side, in one run.
 *
 * Builds the Worker exactly as it deploys (`wrangler deploy --dry-run --minify`), runs that bundle in workerd through
 * Miniflare (the runtime wrangler dev uses, no dev proxy in the measured path) with KV and D1 seeded from content/,
 * and a "ceiling" Worker that returns the article page's exact bytes from a constant. wrk (Debian's package, installed
 * when missing) drives each route with 32 keep-alive connections: a warm-up, then a timed run. workerd's CPU time per
 * request comes from /proc/<pid>/stat. Prints a table and writes bench/results.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { convertV4MiniflareOptions, Miniflare, type V4MiniflareOptions, type V4WorkerOptions } from 'miniflare';
import { unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler';
import { articlePath } from '../src/urls.ts';
import { buildPublication, formatErrors, readContentDir, toKvEntries } from './lib/publication.ts';
import { wranglerOrThrow } from './lib/wrangler.ts';

const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 2);
const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const CONNECTIONS = 32;
const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const OUT = 'bench';
const BENCH_ADMIN_TOKEN = 'bench-admin-token';
const BUILD = join(OUT, 'build');

// ---------- the load generator ----------

function ensureWrk(): string {
  const found = spawnSync('which', ['wrk'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  console.log('bench: installing wrk from Debian packages');
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'wrk'], {
    stdio: 'ignore',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  const path = spawnSync('which', ['wrk'], { encoding: 'utf8' }).stdout.trim();
  if (install.status !== 0 || !path) throw new Error('bench needs wrk: apt-get install wrk');
  return path;
}

interface WrkResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx3xx: number;
}

const toMs = (value: string, unit: string): number => Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);

function parseWrk(output: string): WrkResult {
  const latency = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(output);
    return m ? toMs(m[1] as string, m[2] as string) : Number.NaN;
  };
  const requests = Number(/(\d+) requests in/.exec(output)?.[1] ?? 0);
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(output);
  return {
    requests,
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(output)?.[1] ?? 0),
    p50: latency('50'),
    p99: latency('99'),
    errors: errors ? errors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0,
    non2xx3xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(output)?.[1] ?? 0),
  };
}

function runWrk(wrk: string, url: string, seconds: number, script: string): WrkResult {
  const result = spawnSync(wrk, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', script, url], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  return parseWrk(result.stdout);
}

// ---------- workerd processes and their CPU time ----------

function workerdPids(): Set<number> {
  const pids = new Set<number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === 'workerd') pids.add(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

function cpuTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]); // utime + stime (fields 14 and 15 of /proc/<pid>/stat)
}

type MiniflareOptions = V4MiniflareOptions;

async function startWorkerd(options: MiniflareOptions): Promise<{ mf: Miniflare; url: URL; pid: number }> {
  const before = workerdPids();
  const mf = new Miniflare(convertV4MiniflareOptions(options));
  const url = await mf.ready;
  const pid = [...workerdPids()].find((p) => !before.has(p));
  if (!pid) throw new Error('could not find the workerd process');
  return { mf, url, pid };
}

// ---------- the two Workers ----------

async function seedMinbar(mf: Miniflare): Promise<void> {
  const { publication, errors } = buildPublication(await readContentDir('content/articles'));
  if (!publication) throw new Error(formatErrors(errors));
  const entries = toKvEntries(publication);
  const kv = await mf.getKVNamespace('ARTICLES');
  for (const entry of [...entries.articles, ...entries.derived])
    await kv.put(entry.key, entry.value, { metadata: entry.metadata });
  const db = await mf.getD1Database('DB');
  for (const file of readdirSync('migrations')
    .filter((f) => f.endsWith('.sql'))
    .sort())
    for (const statement of unstable_splitSqlQuery(readFileSync(join('migrations', file), 'utf8')))
      await db.prepare(statement).run();
}

/** 200 approved comments on the seed article (150 threads, 50 replies), posted and approved through the API. */
async function seedComments(base: URL, slug: string): Promise<void> {
  const admin = { Authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
  let n = 0;
  const post = async (parentId?: number): Promise<number> => {
    n += 1;
    const body = `تعليق رقم ${n} على المقال، فيه رأي القارئ في العلاقات الليبية التركية وما ينتظرها.`;
    const response = await fetch(new URL(`/api${articlePath(slug)}/comments`, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `172.16.${n >> 8}.${n & 255}` },
      body: JSON.stringify({
        name: `قارئ ${n}`,
        email: `reader${n}@example.com`,
        body,
        ...(parentId ? { parent_id: parentId } : {}),
      }),
    });
    if (response.status !== 202) throw new Error(`seeding comment ${n}: ${response.status} ${await response.text()}`);
    const queue = (await (
      await fetch(new URL('/api/admin/comments?status=pending&limit=1', base), { headers: admin })
    ).json()) as { data: Array<{ id: number }> };
    const id = queue.data[0]?.id ?? 0;
    await fetch(new URL(`/api/admin/comments/${id}`, base), {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ status: 'approved' }),
    });
    return id;
  };
  const roots: number[] = [];
  for (let i = 0; i < 150; i++) roots.push(await post());
  for (let i = 0; i < 50; i++) await post(roots[i * 3]);
}

/** The fastest Worker that serves the page: its bytes encoded once, at startup, and returned as they are. */
const ceilingScript = (body: string, headers: Record<string, string>) =>
  `const BODY = new TextEncoder().encode(${JSON.stringify(body)});\nconst HEADERS = ${JSON.stringify(headers)};\nexport default { fetch() { return new Response(BODY, { headers: HEADERS }); } };\n`;

// ---------- Lua scripts for wrk ----------

async function luaScripts(dir: string, etag: string, slug: string) {
  const plain = join(dir, 'get.lua');
  await writeFile(plain, '-- plain GET\n');
  const conditional = join(dir, 'conditional.lua');
  await writeFile(conditional, `wrk.headers["If-None-Match"] = ${JSON.stringify(etag)}\n`);
  const post = join(dir, 'post.lua');
  await writeFile(
    post,
    `-- Every request is a distinct comment from a distinct client address and email, so neither flood control nor the
-- per-client rate limit applies (each wrk run starts from a random offset: warm-up and timed run never collide).
math.randomseed(os.time() + os.clock() * 1000000)
local n = math.random(0, 8000000)
local path = ${JSON.stringify(`/api${articlePath(slug)}/comments`)}
request = function()
  n = n + 1
  local id = math.random(1, 2000000000) .. "-" .. n
  local ip = "10." .. (math.floor(n / 65536) % 256) .. "." .. (math.floor(n / 256) % 256) .. "." .. (n % 256)
  local body = '{"name":"قارئ ' .. n .. '","email":"b' .. id .. '@example.com","body":"تعليق اختبار الأداء رقم ' .. id .. '"}'
  return wrk.format("POST", path, { ["Content-Type"] = "application/json", ["CF-Connecting-IP"] = ip }, body)
end
`,
  );
  return { plain, conditional, post };
}

// ---------- the run ----------

interface RouteResult extends WrkResult {
  name: string;
  path: string;
  cpuUsPerRequest: number;
  /** Requests/s of the ceiling run just before this one (absent on ceiling runs). */
  ceilingRps?: number;
}

async function measure(
  wrk: string,
  target: { url: URL; pid: number },
  name: string,
  path: string,
  script: string,
): Promise<RouteResult> {
  const url = new URL(path, target.url).href;
  runWrk(wrk, url, WARMUP_SECONDS, script);
  const ticks = cpuTicks(target.pid);
  const result = runWrk(wrk, url, RUN_SECONDS, script);
  const cpuSeconds = (cpuTicks(target.pid) - ticks) / CLOCK_TICKS;
  return { name, path, ...result, cpuUsPerRequest: result.requests > 0 ? (cpuSeconds * 1e6) / result.requests : Number.NaN };
}

const version = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' }).stdout.split('\n')[0]?.trim() ?? '';
const pkgVersion = (name: string) =>
  (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

async function main() {
  const wrk = ensureWrk();
  await rm(BUILD, { recursive: true, force: true });
  await wranglerOrThrow(['deploy', '--dry-run', '--minify', '--outdir', BUILD]);
  const bundle = readFileSync(join(BUILD, 'index.js'));

  const state = await mkdtemp(join(tmpdir(), 'minbar-bench-'));
  const workerOptions = unstable_getMiniflareWorkerOptions('wrangler.toml').workerOptions as unknown as V4WorkerOptions;
  const compatibilityDate = String(workerOptions.compatibilityDate);
  const minbarOptions: MiniflareOptions = {
    host: '127.0.0.1',
    port: 0,
    defaultPersistRoot: state,
    workers: [
      {
        // The bindings and compatibility settings wrangler derives from wrangler.toml, and the built bundle.
        compatibilityDate,
        compatibilityFlags: workerOptions.compatibilityFlags,
        kvNamespaces: workerOptions.kvNamespaces,
        d1Databases: workerOptions.d1Databases,
        ratelimits: workerOptions.ratelimits,
        name: 'minbar',
        modules: true,
        scriptPath: join(BUILD, 'index.js'),
        bindings: {
          ...workerOptions.bindings,
          BUILD_ID: 'bench',
          ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
          IP_HASH_SECRET: 'bench-ip-hash-secret',
          COOKIE_SIGNING_SECRET: 'bench-cookie-signing-secret',
        },
      },
    ],
  };

  const minbar = await startWorkerd(minbarOptions);
  const scratch = await mkdtemp(join(tmpdir(), 'minbar-bench-lua-'));
  try {
    await seedMinbar(minbar.mf);
    const index = await (await minbar.mf.getKVNamespace('ARTICLES')).get('v1:index', 'text');
    const slug = (JSON.parse(index ?? '{}') as { articles?: Array<{ slug: string }> }).articles?.[0]?.slug ?? '';
    await seedComments(minbar.url, slug);
    // As wrk asks for it: no Accept-Encoding, so the ceiling serves the same identity-encoded bytes.
    const page = await fetch(new URL(articlePath(slug), minbar.url), { headers: { 'Accept-Encoding': 'identity' } });
    const html = await page.text();
    const etag = page.headers.get('ETag') ?? '';
    const headers = Object.fromEntries(
      [...page.headers].filter(([k]) => !['content-length', 'content-encoding', 'transfer-encoding', 'date', 'etag'].includes(k)),
    );
    const ceiling = await startWorkerd({
      host: '127.0.0.1',
      port: 0,
      workers: [{ name: 'ceiling', modules: true, script: ceilingScript(html, headers), compatibilityDate }],
    });
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
    routes.push({ ...(await measure(wrk, minbar, 'comment POST', '/', lua.post)), ceilingRps: routes.at(-2)?.rps ?? 0 });
    await ceiling.mf.dispose();
    await minbar.mf.dispose();

    // Startup: a new workerd process running the bundle, until the Worker first answers 200.
    const started = performance.now();
    const cold = new Miniflare(convertV4MiniflareOptions(minbarOptions));
    const coldUrl = await cold.ready;
    let status = 0;
    while (status !== 200 && performance.now() - started < 30_000)
      status = (await fetch(new URL('/api/articles', coldUrl))).status;
    const startupMs = performance.now() - started;
    await cold.dispose();

    const ratioOf = (r: RouteResult) => (r.ceilingRps ? r.rps / r.ceilingRps : 1);
    const gzip = gzipSync(html, { level: 6 }).length;
    const brotli = brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    const bundleGzip = gzipSync(bundle, { level: 9 }).length;
    const ratio = (name: string) => {
      const route = routes.find((r) => r.name === name);
      return route ? ratioOf(route) : 0;
    };
    const p99 = (name: string) => routes.find((r) => r.name === name)?.p99 ?? Number.POSITIVE_INFINITY;
    const targets = [
      ['article page ≥ 0.8 × ceiling', ratio('article page (HTML)'), 0.8],
      ['article JSON ≥ 0.8 × ceiling', ratio('article JSON'), 0.8],
      ['article list JSON ≥ 0.8 × ceiling', ratio('article list JSON'), 0.8],
      ['304 path ≥ 0.9 × ceiling', ratio('conditional GET → 304'), 0.9],
      ['comments JSON (200) ≥ 0.5 × ceiling', ratio('comments JSON (200)'), 0.5],
    ].map(([name, value, min]) => ({
      name,
      value: Number((value as number).toFixed(3)),
      target: `≥ ${min}`,
      met: (value as number) >= (min as number),
    }));
    for (const name of ['article page (HTML)', 'article JSON', 'article list JSON'])
      targets.push({ name: `${name} p99 < 50 ms`, value: p99(name), target: '< 50', met: p99(name) < 50 });
    targets.push({ name: 'bundle ≤ 60 KiB gzip', value: bundleGzip, target: `≤ ${60 * 1024}`, met: bundleGzip <= 60 * 1024 });
    targets.push({
      name: 'article page ≤ 14 KiB compressed (gzip)',
      value: gzip,
      target: `≤ ${14 * 1024}`,
      met: gzip <= 14 * 1024,
    });

    const results = {
      date: new Date().toISOString(),
      machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
      tools: {
        wrk: version(wrk, ['-v']),
        wrangler: pkgVersion('wrangler'),
        miniflare: pkgVersion('miniflare'),
        workerd: pkgVersion('workerd'),
      },
      settings: { connections: CONNECTIONS, warmup_s: WARMUP_SECONDS, run_s: RUN_SECONDS, wrk_threads: 1 },
      routes: routes.map((r) => ({ ...r, ratio_to_ceiling: Number(ratioOf(r).toFixed(3)) })),
      bundle: { minified_bytes: bundle.length, gzip_bytes: bundleGzip },
      article_page: { raw_bytes: Buffer.byteLength(html), gzip_bytes: gzip, brotli_bytes: brotli },
      startup_ms: Math.round(startupMs),
      targets,
    };
    await mkdir(OUT, { recursive: true });
    await writeFile(join(OUT, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    printTable(results);
  } finally {
    await rm(scratch, { recursive: true, force: true });
    await rm(state, { recursive: true, force: true });
  }
}

function printTable(r: {
  machine: { cores: number; cpu: string };
  tools: Record<string, string>;
  routes: Array<RouteResult & { ratio_to_ceiling: number }>;
  bundle: Record<string, number>;
  article_page: Record<string, number>;
  startup_ms: number;
  targets: Array<{ name: unknown; value: number; target: string; met: boolean }>;
}) {
  const pad = (s: string | number, n: number) => String(s).padEnd(n);
  const num = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '-');
  console.log(
    `\nMinbar vs ceiling, ${r.machine.cores} cores (${r.machine.cpu}); wrk -t1 -c${CONNECTIONS}, ${RUN_SECONDS} s after ${WARMUP_SECONDS} s warm-up`,
  );
  console.log(
    `${pad('route', 26)}${pad('req/s', 10)}${pad('p50 ms', 9)}${pad('p99 ms', 9)}${pad('CPU µs/req', 12)}${pad('× ceiling', 10)}errors`,
  );
  for (const route of r.routes)
    console.log(
      `${pad(route.name, 26)}${pad(num(route.rps, 0), 10)}${pad(num(route.p50, 2), 9)}${pad(num(route.p99, 2), 9)}${pad(num(route.cpuUsPerRequest, 0), 12)}${pad(route.ratio_to_ceiling.toFixed(2), 10)}${route.errors + route.non2xx3xx}`,
    );
  console.log(`\nbundle: ${r.bundle.minified_bytes} B minified, ${r.bundle.gzip_bytes} B gzip`);
  console.log(
    `article page: ${r.article_page.raw_bytes} B raw, ${r.article_page.gzip_bytes} B gzip, ${r.article_page.brotli_bytes} B brotli`,
  );
  console.log(`startup (new workerd process with the bundle to its first 200, GET /api/articles): ${r.startup_ms} ms`);
  console.log('\ntargets:');
  for (const t of r.targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.value} (${t.target})`);
  console.log(
    `\ntools: ${Object.entries(r.tools)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; results in bench/results.json`,
  );
}

await main();
