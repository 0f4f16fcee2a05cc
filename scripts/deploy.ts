/**
 * `npm run deploy [-- --dry-run]`: the configuration check, then the steps of scripts/lib/deploy-plan.ts in order
 * (dead-letter queue once, `wrangler deploy`, remote D1 migrations, remote publish of content/).
 * Needs `wrangler login` (or CLOUDFLARE_API_TOKEN) and nothing else: resources are provisioned by the first deploy
 * (see README, "Deploying"). `--dry-run` prints the exact commands and runs none of them.
 */
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { assertConfig } from './lib/config.ts';
import { deployPlan, formatPlan } from './lib/deploy-plan.ts';
import { runNode, WRANGLER_BIN } from './lib/wrangler.ts';
import { readDeadLetterQueues } from './lib/wrangler-api.ts';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });

const revision = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return `t${Date.now().toString(36)}`;
  }
})();

// Checked before anything is migrated, published or uploaded (production secrets live in Cloudflare, not here).
assertConfig({ overrides: { BUILD_ID: revision } });
const steps = deployPlan(revision, readDeadLetterQueues());

if (values['dry-run']) {
  console.log(`npm run deploy would run, in this order:\n${formatPlan(steps).join('\n')}`);
  process.exit(0);
}

/** Runs one command of the plan (`wrangler …` or `node …`) and returns its exit code. */
async function run(command: string[], inherit: boolean): Promise<number> {
  const [program, ...args] = command;
  const argv = program === 'wrangler' ? [WRANGLER_BIN, ...args] : args;
  return (await runNode(argv, { inherit })).code;
}

for (const step of steps) {
  if (step.unless && (await run(step.unless, false)) === 0) continue;
  console.log(`\ndeploy: ${step.why}: ${step.command.join(' ')}`);
  const code = await run(step.command, true);
  if (code !== 0) {
    console.error(`deploy: stopped; \`${step.command.join(' ')}\` failed (exit ${code}). Fix it and run npm run deploy again.`);
    process.exit(code);
  }
}
