/** workerd processes started through Miniflare, and the CPU time each spends on a measured run. */
import { readdirSync, readFileSync } from 'node:fs';
import { convertV4MiniflareOptions, Miniflare, type V4MiniflareOptions } from 'miniflare';
import { CLOCK_TICKS, RUN_SECONDS, WARMUP_SECONDS } from './settings.ts';
import { runWrk, type WrkResult } from './wrk.ts';

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

/** Whether `pid` is a child, grandchild, … of this Node process. */
function descendsFromUs(pid: number): boolean {
  for (let p = pid, hops = 0; p > 1 && hops < 10; hops += 1) {
    if (p === process.pid) return true;
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}

/** A running workerd: its Miniflare handle, its URL and its process id. */
export interface Workerd {
  mf: Miniflare;
  url: URL;
  pid: number;
}

/** Starts a workerd process for `options` and finds its pid. */
export async function startWorkerd(options: V4MiniflareOptions): Promise<Workerd> {
  const before = workerdPids();
  const mf = new Miniflare(convertV4MiniflareOptions(options));
  const url = await mf.ready;
  // Other workerd processes may start at the same time on a shared machine: only ours descend from this process.
  const pid = [...workerdPids()].find((p) => !before.has(p) && descendsFromUs(p));
  if (!pid) throw new Error('could not find the workerd process');
  return { mf, url, pid };
}

/** One measured route. */
export interface RouteResult extends WrkResult {
  name: string;
  path: string;
  cpuUsPerRequest: number;
  /** Requests/s of the ceiling run just before this one (absent on ceiling runs). */
  ceilingRps?: number;
}

/** A warm-up, then a timed run of `path` on `target`, with workerd's CPU time per request over the timed run. */
export async function measure(
  wrk: string,
  target: Pick<Workerd, 'url' | 'pid'>,
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
