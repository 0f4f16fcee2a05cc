/**
 * Measuring processes for `npm run bench:archive` through /proc: the workerd processes this run started, their CPU
 * time, and the peak resident memory of a process tree (the publisher, the wrangler runs it starts, their workerd).
 */
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const CLOCK_TICKS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
const PAGE_BYTES = Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;

/** Fields of /proc/<pid>/stat after the command name (field 3 is index 0). */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

const allPids = (): number[] =>
  readdirSync('/proc')
    .filter((e) => /^\d+$/.test(e))
    .map(Number);

/** CPU seconds (user + system) a process has used. */
export function cpuSeconds(pid: number): number {
  const fields = statFields(pid);
  return fields ? (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS : 0;
}

/** Every process below `root` (children, grandchildren, …), `root` included. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const pid of allPids()) {
    const parent = Number(statFields(pid)?.[1]);
    children.set(parent, [...(children.get(parent) ?? []), pid]);
  }
  const tree: number[] = [];
  const walk = (pid: number) => {
    tree.push(pid);
    for (const child of children.get(pid) ?? []) walk(child);
  };
  walk(root);
  return tree;
}

/** The workerd processes below this one. */
export const workerdPids = (): Set<number> =>
  new Set(
    processTree(process.pid).filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/comm`, 'utf8').trim() === 'workerd';
      } catch {
        return false;
      }
    }),
  );

/** Resident bytes of a process, 0 when it is gone. */
const rss = (pid: number): number => Number(statFields(pid)?.[21] ?? 0) * PAGE_BYTES;

/** Wall time, exit code and peak memory of a command (sum over its process tree, and its largest process). */
export interface RunMeasure {
  code: number;
  seconds: number;
  peakTreeBytes: number;
  peakProcessBytes: number;
}

/**
 * Runs `node <args>` with its output passed through, sampling its process tree's memory twice a second.
 * @example await measureRun(['scripts/publish.ts', '--local'])
 */
export function measureRun(args: string[], env: NodeJS.ProcessEnv): Promise<RunMeasure> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
    let peakTreeBytes = 0;
    let peakProcessBytes = 0;
    const sample = () => {
      if (!child.pid) return;
      const sizes = processTree(child.pid).map(rss);
      peakTreeBytes = Math.max(
        peakTreeBytes,
        sizes.reduce((a, b) => a + b, 0),
      );
      peakProcessBytes = Math.max(peakProcessBytes, ...sizes);
    };
    const timer = setInterval(sample, 500);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(timer);
      resolve({ code: code ?? 1, seconds: (performance.now() - started) / 1000, peakTreeBytes, peakProcessBytes });
    });
  });
}
