/**
 * The order of `npm run deploy`, as data: what runs, in which order, and why that order works on a fresh account
 * as well as on one that already runs Minbar. `npm run deploy -- --dry-run` prints it; test/node/deploy-plan.test.ts
 * holds it fixed.
 *
 * 1. Dead-letter queues, created only when missing: a consumer's dead_letter_queue is not a binding, so wrangler's
 *    automatic provisioning does not create it.
 * 2. The desk Worker (wrangler.desk.jsonc) first, as the public Worker's DESK binding names it; it consumes the
 *    comment-events queue and carries the retention cron. Then `wrangler deploy` uploads the public Worker. On the first
 *    deploy each provisions what its bindings name without an id (the ARTICLES KV namespace, the `minbar` D1
 *    database, the comment-events queue); later deploys keep them linked.
 *    Nothing later could run before it on a fresh account: the D1 and KV commands find these resources through it.
 * 3. The remote D1 migrations. On a first deploy the Worker answers for these seconds without tables (comments are
 *    left out, the API says 503); on an existing account the new code meets the previous schema for those seconds.
 * 4. content/ published to the remote KV and search index. On a first deploy the site has no articles until then.
 */

/** One command of the plan. */
export interface DeployStep {
  /** What the step is for, printed with `--dry-run`. */
  why: string;
  /** The program and its arguments: `wrangler …` runs the project's wrangler, `node …` the project's Node. */
  command: string[];
  /** Run `command` only when this command fails (a resource that must exist once). */
  unless?: string[];
}

/**
 * The steps of `npm run deploy` for the git revision `revision`.
 * @example deployPlan('abc123', ['minbar-comment-events-dlq'])[2].command // ['wrangler', 'deploy', '--var', 'BUILD_ID:abc123']
 */
export function deployPlan(revision: string, deadLetterQueues: string[]): DeployStep[] {
  return [
    ...deadLetterQueues.map((queue) => ({
      why: `the dead-letter queue ${queue}, once`,
      command: ['wrangler', 'queues', 'create', queue],
      unless: ['wrangler', 'queues', 'info', queue],
    })),
    {
      // First: the public Worker's DESK service binding names it, so it must exist when that Worker is uploaded.
      why: "upload the moderators' desk Worker (wrangler.desk.jsonc): the desk, the comment-events consumer, the retention cron",
      command: ['wrangler', 'deploy', '-c', 'wrangler.desk.jsonc', '--var', `BUILD_ID:${revision}`],
    },
    {
      why: 'upload the public Worker; the first deploy provisions its KV namespace and D1 database',
      command: ['wrangler', 'deploy', '--var', `BUILD_ID:${revision}`],
    },
    { why: 'apply the D1 migrations not yet applied', command: ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--remote'] },
    { why: 'publish content/ to KV and the search index', command: ['node', 'scripts/publish.ts', '--remote'] },
  ];
}

/** The plan as shell lines, one per step (`unless || command` for a step that runs only when needed). */
export function formatPlan(steps: DeployStep[]): string[] {
  return steps.map((step) => (step.unless ? `${step.unless.join(' ')} || ${step.command.join(' ')}` : step.command.join(' ')));
}
