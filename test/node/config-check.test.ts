// `npm start` and `npm run deploy` refuse a wrong configuration before they start or upload anything.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configProblems } from '../../scripts/lib/config.ts';

const ROOT = resolve(import.meta.dirname, '../..');
let dir: string;
let config: string;
let deskConfig: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'minbar-config-'));
  config = await readFile(join(ROOT, 'wrangler.jsonc'), 'utf8');
  deskConfig = await readFile(join(ROOT, 'wrangler.desk.jsonc'), 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A wrangler.jsonc like the project's with one var changed, in the temporary folder. */
async function projectWith(
  name: string,
  value: string,
  devVars = 'ADMIN_TOKEN=a-long-enough-admin-token\nIP_HASH_SECRET=a-long-enough-ip-secret\n',
) {
  const change = (file: string) => file.replace(new RegExp(`^(\\s*)"${name}": ".*"`, 'm'), `$1"${name}": "${value}"`);
  await writeFile(join(dir, 'wrangler.jsonc'), change(config));
  await writeFile(join(dir, 'wrangler.desk.jsonc'), change(deskConfig));
  await writeFile(join(dir, '.dev.vars'), devVars);
  await writeFile(join(dir, '.dev.vars.example'), 'ADMIN_TOKEN=generate\n');
}

const run = (script: string) =>
  spawnSync(process.execPath, [join(ROOT, 'scripts', script)], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', CLOUDFLARE_API_TOKEN: '' },
  });

describe('the configuration check of the scripts', () => {
  it("accepts the project's own wrangler.jsonc and wrangler.desk.jsonc", () => {
    expect(configProblems({ overrides: { BUILD_ID: 'abc123' } }, join(ROOT, 'wrangler.jsonc'))).toEqual([]);
    expect(configProblems({ overrides: { BUILD_ID: 'abc123' } }, join(ROOT, 'wrangler.desk.jsonc'))).toEqual([]);
  });

  it("npm run deploy stops on a wrong var of the desk's configuration, naming the variable and the file", async () => {
    // The digest's recipients are the desk's: the desk Worker sends the digest.
    await projectWith('MODERATOR_EMAILS', 'desk at example.org');
    const result = run('deploy.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^\s*wrangler\.desk\.jsonc: MODERATOR_EMAILS: .*desk at example\.org/m);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/migrations|Uploading|wrangler d1/i);
  });

  it('npm run deploy stops before anything is uploaded, naming the variable', async () => {
    await projectWith('COMMENT_MAX_LINKS', '3 links');
    const result = run('deploy.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('COMMENT_MAX_LINKS: must be a whole number of 0 or more, written in digits (got "3 links")');
    expect(result.stderr).toContain('nothing was started or uploaded');
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/migrations|Uploading|wrangler d1/i);
  });

  it('npm start stops before anything starts, naming the variable', async () => {
    await projectWith('COMMENTS_CLOSE_AFTER_DAYS', '30 days');
    const result = run('start.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'COMMENTS_CLOSE_AFTER_DAYS: must be a whole number of 0 or more, written in digits (got "30 days")',
    );
  });

  it('npm start requires every secret in .dev.vars', async () => {
    await projectWith('COMMENT_MODERATION', 'first', 'ADMIN_TOKEN=a-long-enough-admin-token\n');
    const result = run('start.ts');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('IP_HASH_SECRET: must be set (in .dev.vars)');
    expect(result.stderr).not.toContain('ADMIN_TOKEN');
  });
});
