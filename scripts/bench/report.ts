/** The benchmark's results: the targets judged from the measured ratios, the JSON written, the table printed. */
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { CONNECTIONS, HELD_TRICKLE_ROUTE, RUN_SECONDS, WARMUP_SECONDS } from './settings.ts';
import type { RouteResult } from './workerd.ts';
import type { WrkResult } from './wrk.ts';

/** What one run measured, before judging. */
export interface Measurements {
  routes: RouteResult[];
  /** The wrk that posted held comments during HELD_TRICKLE_ROUTE. */
  trickle: WrkResult;
  startupMs: number;
  /** The deploy bundle, minified. */
  bundle: Buffer;
  /** The article page as served (identity encoding). */
  html: string;
  /** The compressed sizes of `html` and the bundle. */
  sizes: { gzip: number; brotli: number; bundleGzip: number };
  /** `wrk -v`'s first line. */
  wrkVersion: string;
}

/** One target, met or not. */
interface Target {
  name: string;
  value: number;
  target: string;
  met: boolean;
}

const pkgVersion = (name: string) =>
  (JSON.parse(readFileSync(join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;

const ratioOf = (r: RouteResult) => (r.ceilingRps ? r.rps / r.ceilingRps : 1);

/** The results document (bench/results.json): machine, tools, routes with their ratios, sizes and targets. */
export function benchResults(m: Measurements) {
  const { routes } = m;
  const ratio = (name: string) => {
    const route = routes.find((r) => r.name === name);
    return route ? ratioOf(route) : 0;
  };
  const p99 = (name: string) => routes.find((r) => r.name === name)?.p99 ?? Number.POSITIVE_INFINITY;
  const targets: Target[] = (
    [
      ['article page ≥ 0.8 × ceiling', ratio('article page (HTML)'), 0.8],
      ['article JSON ≥ 0.8 × ceiling', ratio('article JSON'), 0.8],
      ['article list JSON ≥ 0.8 × ceiling', ratio('article list JSON'), 0.8],
      ['304 path ≥ 0.9 × ceiling', ratio('conditional GET → 304'), 0.9],
      ['comments JSON (200) ≥ 0.5 × ceiling', ratio('comments JSON (200)'), 0.5],
    ] as const
  ).map(([name, value, min]) => ({ name, value: Number(value.toFixed(3)), target: `≥ ${min}`, met: value >= min }));
  for (const name of ['article page (HTML)', 'article JSON', 'article list JSON'])
    targets.push({ name: `${name} p99 < 50 ms`, value: p99(name), target: '< 50', met: p99(name) < 50 });
  const heldOverPlain = ratio(HELD_TRICKLE_ROUTE) / ratio('article page (HTML)');
  targets.push({
    name: 'article page while held comments arrive ≥ 0.8 × article page',
    value: Number(heldOverPlain.toFixed(3)),
    target: '≥ 0.8',
    met: heldOverPlain >= 0.8,
  });
  const { gzip, brotli, bundleGzip } = m.sizes;
  targets.push({ name: 'bundle ≤ 60 KiB gzip', value: bundleGzip, target: `≤ ${60 * 1024}`, met: bundleGzip <= 60 * 1024 });
  targets.push({
    name: 'article page ≤ 14 KiB compressed (gzip)',
    value: gzip,
    target: `≤ ${14 * 1024}`,
    met: gzip <= 14 * 1024,
  });

  return {
    date: new Date().toISOString(),
    machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? '', node: process.version },
    tools: {
      wrk: m.wrkVersion,
      wrangler: pkgVersion('wrangler'),
      miniflare: pkgVersion('miniflare'),
      workerd: pkgVersion('workerd'),
    },
    settings: { connections: CONNECTIONS, warmup_s: WARMUP_SECONDS, run_s: RUN_SECONDS, wrk_threads: 1 },
    routes: routes.map((r) => ({ ...r, ratio_to_ceiling: Number(ratioOf(r).toFixed(3)) })),
    bundle: { minified_bytes: m.bundle.length, gzip_bytes: bundleGzip },
    article_page: { raw_bytes: Buffer.byteLength(m.html), gzip_bytes: gzip, brotli_bytes: brotli },
    startup_ms: Math.round(m.startupMs),
    held_trickle: { posted: m.trickle.requests, non2xx: m.trickle.non2xx3xx, per_second: m.trickle.rps },
    targets,
  };
}

/** Prints the results as the table the README quotes. */
export function printTable(r: ReturnType<typeof benchResults>) {
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
  console.log(
    `held comments posted during "${HELD_TRICKLE_ROUTE}": ${r.held_trickle.posted} (${r.held_trickle.per_second.toFixed(1)}/s, ${r.held_trickle.non2xx} not 202)`,
  );
  console.log(`startup (new workerd process with the bundle to its first 200, GET /robots.txt): ${r.startup_ms} ms`);
  console.log('\ntargets:');
  for (const t of r.targets) console.log(`  ${t.met ? 'met    ' : 'NOT MET'}  ${t.name}: ${t.value} (${t.target})`);
  console.log(
    `\ntools: ${Object.entries(r.tools)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}; results in bench/results.json`,
  );
}
