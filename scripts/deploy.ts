/**
 * `npm run deploy`: remote D1 migrations, remote publish of content/, then `wrangler deploy`.
 * Needs `wrangler login` (or CLOUDFLARE_API_TOKEN) and the resource ids in wrangler.jsonc (see README, "Deploying").
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { assertConfig } from './lib/config.ts';
import { OFFLINE_ENV, wranglerOrThrow } from './lib/wrangler.ts';

const revision = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return `t${Date.now().toString(36)}`;
  }
})();

// Checked before anything is migrated, published or uploaded (production secrets live in Cloudflare, not here).
assertConfig({ overrides: { BUILD_ID: revision } });
await wranglerOrThrow(['d1', 'migrations', 'apply', 'DB', '--remote'], { inherit: true });
const publish = spawnSync(process.execPath, ['scripts/publish.ts', '--remote'], { stdio: 'inherit', env: OFFLINE_ENV });
if (publish.status !== 0) process.exit(publish.status ?? 1);
await wranglerOrThrow(['deploy', '--var', `BUILD_ID:${revision}`], { inherit: true });
