// Starts a throwaway Minbar exactly as `npm start` does (migrations, publish, wrangler dev) on a free port,
// waits until it answers, and always stops it again. Lists the screenshots the run left for people to look at.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { ARTIFACTS_DIR } from './artifacts.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    adminToken: string;
    moderatorPassword: string;
  }
}

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

async function waitUntilUp(url: string, site: ChildProcess, seconds: number): Promise<void> {
  for (let i = 0; i < seconds * 4; i++) {
    if (site.exitCode !== null) throw new Error(`the site exited with code ${site.exitCode} before answering`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the site did not answer at ${url} within ${seconds} s`);
}

export default async function setup(project: TestProject) {
  const port = await freePort();
  const state = await mkdtemp(join(tmpdir(), 'minbar-e2e-'));
  const site = spawn(process.execPath, ['scripts/start.ts', '--persist-to', state], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  site.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  site.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  const stop = async () => {
    if (site.pid && site.exitCode === null) {
      try {
        process.kill(-site.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise((r) => setTimeout(r, 500));
      try {
        process.kill(-site.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    await rm(state, { recursive: true, force: true });
  };
  const baseUrl = `http://localhost:${port}`;
  try {
    await waitUntilUp(`${baseUrl}/`, site, 240);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n--- site output ---\n${log}`);
  }
  const vars = await readFile('.dev.vars', 'utf8');
  project.provide('baseUrl', baseUrl);
  project.provide('adminToken', /^ADMIN_TOKEN=(.+)$/m.exec(vars)?.[1] ?? '');
  project.provide('moderatorPassword', /^LOCAL_MODERATOR_PASSWORD=(.+)$/m.exec(vars)?.[1] ?? '');

  return async () => {
    await stop();
    const shots = await readdir(ARTIFACTS_DIR).catch(() => [] as string[]);
    if (shots.length > 0)
      console.log(`\ne2e artifacts (screenshots, Lighthouse report) in ${ARTIFACTS_DIR}/:\n  ${shots.sort().join('\n  ')}`);
  };
}
