// `npm test` starts with `npm run types:check`: the committed worker-configuration.d.ts must be what `wrangler types`
// generates from wrangler.jsonc, so a binding removed or renamed in the config fails the build.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFLINE_ENV, WRANGLER_BIN } from '../../scripts/lib/wrangler.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let config: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minbar-types-'));
  config = await readFile(join(ROOT, 'wrangler.jsonc'), 'utf8');
  // The same project seen from elsewhere: its config (changed per test), its generated types and its code.
  await copyFile(join(ROOT, 'worker-configuration.d.ts'), join(dir, 'worker-configuration.d.ts'));
  await symlink(join(ROOT, 'src'), join(dir, 'src'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** Runs the project's own `types:check` script (read from package.json) in the temporary project. */
async function typesCheck(wranglerConfig: string) {
  await writeFile(join(dir, 'wrangler.jsonc'), wranglerConfig);
  const scripts = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const command = (scripts['types:check'] ?? '').replace('npm run types --', scripts.types ?? '');
  return spawnSync('sh', ['-c', command.replace(/^wrangler /, `"${process.execPath}" "${WRANGLER_BIN}" `)], {
    cwd: dir,
    encoding: 'utf8',
    env: OFFLINE_ENV,
  });
}

describe('npm run types:check', () => {
  it("passes on the project's own wrangler.jsonc", async () => {
    const result = await typesCheck(config);
    expect(result.stdout).toContain('up to date');
    expect(result.status).toBe(0);
  });

  it('fails, saying what to run, when a binding the code uses is removed from wrangler.jsonc', async () => {
    const withoutLimiter = config.replace(/,\s*(\/\/[^\n]*\n\s*)?\{\s*"name": "REACTION_LIMITER",[\s\S]*?\}\s*\}/, '');
    expect(withoutLimiter).not.toContain('REACTION_LIMITER');
    const result = await typesCheck(withoutLimiter);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('worker-configuration.d.ts does not match wrangler.jsonc: run npm run types');
  });

  it('fails when a binding is renamed', async () => {
    const result = await typesCheck(config.replace('"binding": "ARTICLES"', '"binding": "POSTS"'));
    expect(result.status).toBe(1);
  });
});
