/** How `npm run bench` measures: durations, load, where results go. */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/** Seconds of warm-up before each timed run (BENCH_WARMUP overrides). */
export const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP ?? 2);
/** Seconds of each timed run (BENCH_SECONDS overrides). */
export const RUN_SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
/** Keep-alive connections wrk holds open. */
export const CONNECTIONS = 32;
/** Milliseconds between held comments in the trickle scenario (a steady 5 per second). */
export const TRICKLE_INTERVAL_MS = 200;
/** Clock ticks per second of /proc/<pid>/stat. */
export const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
/** Folder of bench/results.json (git-ignored). */
export const OUT = 'bench';
/** Where the deploy bundle is built. */
export const BUILD = join(OUT, 'build');
/** The read run measured while held comments arrive. */
export const HELD_TRICKLE_ROUTE = 'article page, held POSTs';
/** The admin token of the measured Worker (the comment seeding approves through the admin API). */
export const BENCH_ADMIN_TOKEN = 'bench-admin-token';
