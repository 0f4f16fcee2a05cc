// Every npm script first runs scripts/check-node.cjs: on a Node.js older than package.json's engines.node it stops with
// one sentence naming the version needed, instead of ERR_UNKNOWN_FILE_EXTENSION from a .ts script.
import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const GUARD = join(ROOT, 'scripts', 'check-node.cjs');
const SENTENCE = /^Minbar needs Node\.js 22\.18\.0 or newer, but this is Node\.js [\d.]+: install a newer one with `nvm install`/;

/** Runs the guard as if this Node were `version` (process.versions.node replaced before it loads). */
function guardAs(version: string) {
  const fake = `Object.defineProperty(process.versions, 'node', { value: ${JSON.stringify(version)} }); require(${JSON.stringify(GUARD)});`;
  return spawnSync(process.execPath, ['-e', fake], { encoding: 'utf8' });
}

describe('scripts/check-node.cjs', () => {
  it.each(['20.20.2', '22.12.0', '22.17.1', '18.19.0'])('stops Node %s with one sentence saying what to install', (version) => {
    const result = guardAs(version);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(SENTENCE);
    expect(result.stderr).toContain(`this is Node.js ${version}:`);
  });

  it.each(['22.18.0', '22.23.3', '23.0.0', '24.11.1'])('lets Node %s through silently', (version) => {
    const result = guardAs(version);
    expect(result.status).toBe(0);
    expect(`${result.stdout}${result.stderr}`).toBe('');
  });

  it('takes the minimum from package.json engines.node, which .ci/run checks too', async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
    expect(pkg.engines.node).toBe('>=22.18.0');
    expect(await readFile(join(ROOT, '.ci', 'run'), 'utf8')).toContain('node scripts/check-node.cjs');
  });
});

describe('npm scripts on an old Node', () => {
  let bin: string;
  let scripts: Record<string, string>;

  beforeAll(async () => {
    scripts = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    // A `node` first on PATH that reports 22.17.1 (the newest Node that cannot run the .ts scripts); npm runs on it too.
    bin = await mkdtemp(join(tmpdir(), 'minbar-old-node-'));
    await writeFile(join(bin, 'old.cjs'), "Object.defineProperty(process.versions, 'node', { value: '22.17.1' });\n");
    await writeFile(join(bin, 'node'), `#!/bin/sh\nexec "${process.execPath}" --require "${join(bin, 'old.cjs')}" "$@"\n`);
    await chmod(join(bin, 'node'), 0o755);
  });
  afterAll(() => rm(bin, { recursive: true, force: true }));

  it('every script has the guard as its pre hook', () => {
    const names = Object.keys(scripts).filter((name) => !/^(pre|post)/.test(name));
    expect(names).toEqual(expect.arrayContaining(['start', 'test', 'publish', 'deploy', 'bench']));
    for (const name of names) expect(scripts[`pre${name}`], name).toBe('node scripts/check-node.cjs');
  });

  it.each(['start', 'test', 'publish', 'deploy'])('npm run %s stops before doing anything', (name) => {
    const result = spawnSync('npm', ['run', name], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, npm_config_update_notifier: 'false' },
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^Minbar needs Node\.js 22\.18\.0 or newer, but this is Node\.js 22\.17\.1:/m);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(
      /ERR_UNKNOWN_FILE_EXTENSION|scripts\/(start|publish|deploy)\.ts|vitest/,
    );
  });
});
