// `npm run deploy` must work the first time on a fresh account (resources are provisioned by `wrangler deploy`, so
// nothing that needs them may run before it) and on an existing one. `--dry-run` prints the exact commands, offline.
import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OFFLINE_ENV } from '../../scripts/lib/wrangler.ts';

const ROOT = resolve(import.meta.dirname, '../..');

function dryRun() {
  return spawnSync(process.execPath, ['scripts/deploy.ts', '--dry-run'], {
    cwd: ROOT,
    encoding: 'utf8',
    // No credentials: a dry run must not need them, nor the network.
    env: { ...OFFLINE_ENV, CLOUDFLARE_API_TOKEN: '', CLOUDFLARE_ACCOUNT_ID: '' },
  });
}

describe('npm run deploy -- --dry-run', () => {
  it('prints the exact wrangler commands, in the order that works on a fresh account, and runs none', () => {
    const revision = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const result = dryRun();
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toEqual([
      'npm run deploy would run, in this order:',
      'wrangler queues info minbar-comment-events-dlq || wrangler queues create minbar-comment-events-dlq',
      `wrangler deploy --var BUILD_ID:${revision}`,
      'wrangler d1 migrations apply DB --remote',
      'node scripts/publish.ts --remote',
    ]);
  });

  it('uploads (and so provisions) before anything reads or writes the remote KV or D1', () => {
    const lines = dryRun().stdout.split('\n');
    const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));
    expect(at(/^wrangler deploy /)).toBeGreaterThan(0);
    expect(at(/^wrangler deploy /)).toBeLessThan(at(/ d1 migrations apply DB --remote$/));
    expect(at(/ d1 migrations apply DB --remote$/)).toBeLessThan(at(/publish\.ts --remote$/));
  });
});
