/** The load generator: wrk (Debian's package), its output parsed, and a trickle of posts run beside a measurement. */
import { spawn, spawnSync } from 'node:child_process';
import { CONNECTIONS, RUN_SECONDS, WARMUP_SECONDS } from './settings.ts';

/** Path of wrk, installed from Debian's packages when it is missing. */
export function ensureWrk(): string {
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

/** One wrk run: throughput, latency percentiles (ms) and failures. */
export interface WrkResult {
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx3xx: number;
}

const toMs = (value: string, unit: string): number => Number(value) * ({ us: 0.001, ms: 1, s: 1000 }[unit] ?? 1);

/** Reads wrk's `--latency` report. */
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

/** Drives `url` for `seconds` with CONNECTIONS connections and the Lua `script`. */
export function runWrk(wrk: string, url: string, seconds: number, script: string): WrkResult {
  const result = spawnSync(wrk, ['-t1', `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', '-s', script, url], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`wrk failed: ${result.stderr}`);
  return parseWrk(result.stdout);
}

/** Runs `work` while wrk posts a steady trickle of held comments beside it; returns the trickle's own result. */
export async function whileHeldCommentsArrive(
  wrk: string,
  base: URL,
  script: string,
  work: () => Promise<void>,
): Promise<WrkResult> {
  const seconds = WARMUP_SECONDS + RUN_SECONDS + 1;
  const child = spawn(wrk, ['-t1', '-c1', `-d${seconds}s`, '--latency', '-s', script, base.href], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const done = new Promise<void>((resolve) => child.on('close', () => resolve()));
  await work();
  await done;
  return parseWrk(out);
}
