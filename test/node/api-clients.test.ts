// Proof with third-party tools that the OpenAPI document is usable by strangers: Redocly's linter accepts it, and the
// clients that openapi-typescript (+ openapi-fetch) and @hey-api/openapi-ts generate from it compile against
// consumer programs that call every public operation the natural way (test/api-clients/). Those tools live in
// their own package there: openapi-typescript needs TypeScript 5, Minbar uses TypeScript 7.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const DIR = 'test/api-clients';
const DOCUMENT = '../../schemas/openapi.json';
const bin = (name: string) => `node_modules/.bin/${name}`;

type Operation = { operationId: string; security?: unknown[] };
const doc = JSON.parse(readFileSync('schemas/openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, Operation>>;
};
const publicOperations = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter(([, op]) => op.security?.length === 0)
    .map(([method, op]) => ({ method, path, id: op.operationId })),
);

beforeAll(async () => {
  // A fresh clone (CI) has no tools here yet: install them from the folder's lockfile.
  if (!existsSync(`${DIR}/node_modules/.bin/openapi-ts`))
    await run('npm', ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: DIR });
  await rm(`${DIR}/generated`, { recursive: true, force: true });
}, 180_000);

describe('schemas/openapi.json, as outside tools see it', () => {
  it('passes redocly lint with no error', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ['node_modules/@redocly/cli/bin/cli.js', 'lint', 'schemas/openapi.json'],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      },
    ).catch((error: { stdout: string; stderr: string }) => error);
    const output = `${stdout}\n${stderr}`;
    expect(output, output).toMatch(/Your API description is valid/);
    expect(output).not.toMatch(/\d+ errors?\b/);
  });

  it('generates openapi-fetch and hey-api clients that compile against a consumer calling every public operation', async () => {
    await Promise.all([
      run(bin('openapi-typescript'), [DOCUMENT, '-o', 'generated/openapi-typescript.ts'], { cwd: DIR }),
      run(bin('openapi-ts'), ['-i', DOCUMENT, '-o', 'generated/hey-api'], { cwd: DIR }),
    ]);
    const compiled = await run(bin('tsc'), ['-p', 'tsconfig.json'], { cwd: DIR }).catch((error: { stdout: string }) => error);
    expect(compiled.stdout).toBe('');

    const openapiFetch = readFileSync(`${DIR}/consumer-openapi-fetch.ts`, 'utf8');
    const heyApi = readFileSync(`${DIR}/consumer-hey-api.ts`, 'utf8');
    const missing = publicOperations.filter(
      ({ method, path, id }) =>
        !openapiFetch.includes(`minbar.${method.toUpperCase()}('${path}'`) || !new RegExp(`await ${id}\\(`).test(heyApi),
    );
    expect(missing).toEqual([]);
    expect(publicOperations.length).toBeGreaterThanOrEqual(25);
  });
});
