/**
 * `npm start`: everything a newcomer needs for a local site at http://localhost:8787, with no account and no network.
 * Creates .dev.vars (fresh secrets, printed once), applies local D1 migrations, publishes content/ to local KV,
 * then runs `wrangler dev`. Every step is idempotent, so running it again is harmless.
 *
 * `PORT=8788 npm start` serves on another port; `npm start -- --persist-to DIR` keeps local KV and D1 in DIR
 * instead of .wrangler/state (the end-to-end suite starts a throwaway site that way).
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { assertConfig } from './lib/config.ts';
import { seedLocal } from './lib/seed.ts';
import { OFFLINE_ENV, WRANGLER_BIN } from './lib/wrangler.ts';

const PORT = process.env.PORT ?? '8787';
const { values } = parseArgs({ options: { 'persist-to': { type: 'string' } } });
const persist = values['persist-to'] ? ['--persist-to', values['persist-to']] : [];
// SITE_URL follows the port, so canonical URLs and the form's origin check match what the browser uses.
// A fresh BUILD_ID per start keeps browsers from revalidating pages rendered by an older template to 304.
const vars = { SITE_URL: `http://localhost:${PORT}`, BUILD_ID: `dev-${Date.now().toString(36)}` };

{
  // A .dev.vars from before a variable was added to the example gets it appended (a secret freshly generated);
  // nothing already there changes.
  const generated: string[] = [];
  const example = await readFile('.dev.vars.example', 'utf8');
  const existing = existsSync('.dev.vars') ? await readFile('.dev.vars', 'utf8') : null;
  const line = (name: string, value: string) => {
    if (value !== 'generate') return `${name}=${value}`;
    const secret = `${name}=${randomBytes(32).toString('base64url')}`;
    generated.push(secret);
    return secret;
  };
  if (existing === null) {
    await writeFile(
      '.dev.vars',
      example.replace(/^([A-Z_]+)=(.*)$/gm, (_, name: string, value: string) => line(name, value)),
      { mode: 0o600 },
    );
  } else {
    const missing = [...example.matchAll(/^([A-Z_]+)=(.*)$/gm)]
      .filter((m) => !new RegExp(`^${m[1]}=`, 'm').test(existing))
      .map((m) => line(m[1] as string, m[2] as string));
    if (missing.length > 0)
      await writeFile('.dev.vars', `${existing.replace(/\n?$/, '\n')}${missing.join('\n')}\n`, { mode: 0o600 });
  }
  if (generated.length > 0)
    console.log(`Wrote fresh secrets to .dev.vars (shown once, kept only in that file):\n  ${generated.join('\n  ')}\n`);
}

assertConfig({ overrides: vars, devVarsFile: '.dev.vars', requireSecrets: true });

try {
  await seedLocal(values['persist-to'] ? { persistTo: values['persist-to'] } : {});
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}

const dev = spawn(
  process.execPath,
  [
    ...[WRANGLER_BIN, 'dev', '--port', PORT, ...persist],
    ...Object.entries(vars).flatMap(([name, value]) => ['--var', `${name}:${value}`]),
  ],
  { stdio: 'inherit', env: OFFLINE_ENV },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => dev.kill(signal));
dev.on('close', (code) => process.exit(code ?? 0));
