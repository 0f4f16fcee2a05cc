/**
 * wrk (Debian's package) for `npm run bench:archive`: one route under keep-alive load, parsed into requests, req/s and
 * latency percentiles, with the CPU time the serving workerd spent on it read from /proc around the timed run.
 */
import { spawnSync } from 'node:child_process';
import { cpuSeconds } from './processes.ts';

const CONNECTIONS = 16;

/** One measured run of one route. */
export interface RouteMeasure {
  requests: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** Non-2xx/3xx responses and socket errors (a route that answers errors measures nothing useful). */
  failures: number;
  cpuUsPerRequest: number;
}

const toMs = (value: string, unit: string): number => Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);

function runWrk(url: string, seconds: number) {
  const result = spawnSync('wrk', ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`wrk failed (apt-get install wrk): ${result.stderr}`);
  const out = result.stdout;
  const latency = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)`, 'm').exec(out);
    return m ? toMs(m[1] as string, m[2] as string) : Number.NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  return {
    requests: Number(/(\d+) requests in/.exec(out)?.[1] ?? 0),
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? 0),
    p50Ms: latency('50'),
    p99Ms: latency('99'),
    failures:
      Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0) +
      (socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0),
  };
}

/**
 * Warms `url` up, then measures it; `pid` is the workerd process serving it.
 * @example measureRoute('http://127.0.0.1:8913/', 4242, { warmup: 2, seconds: 5 })
 */
export function measureRoute(url: string, pid: number, timing: { warmup: number; seconds: number }): RouteMeasure {
  runWrk(url, timing.warmup);
  const before = cpuSeconds(pid);
  const run = runWrk(url, timing.seconds);
  const cpu = cpuSeconds(pid) - before;
  return { ...run, cpuUsPerRequest: run.requests > 0 ? (cpu * 1e6) / run.requests : Number.NaN };
}
