/**
 * The one module that uses wrangler's unstable and experimental JavaScript API (`unstable_*`, `experimental_*`).
 * Those change without a major version; keeping them here means a wrangler upgrade is checked in one file.
 * Everything else drives wrangler through its CLI (scripts/lib/wrangler.ts).
 */
import type { V4WorkerOptions } from 'miniflare';
import { experimental_readRawConfig, unstable_getMiniflareWorkerOptions, unstable_splitSqlQuery } from 'wrangler';

/** The project's wrangler configuration file, relative to the project root. */
export const WRANGLER_CONFIG = 'wrangler.jsonc';

/** The desk Worker's configuration file (the desk's pages, the comment-events consumer, the retention cron). */
export const DESK_WRANGLER_CONFIG = 'wrangler.desk.jsonc';

/**
 * The vars of the wrangler configuration as written (no defaults filled in, nothing from .dev.vars).
 * @example readConfigVars() // { SITE_URL: 'https://minbar.example.com', ... }
 */
export function readConfigVars(configPath = WRANGLER_CONFIG): Record<string, unknown> {
  return experimental_readRawConfig({ config: configPath }).rawConfig.vars ?? {};
}

/**
 * The dead-letter queues the configuration's queue consumers name (`wrangler deploy` does not create them).
 * @example readDeadLetterQueues() // ['minbar-comment-events-dlq']
 */
export function readDeadLetterQueues(configPath = DESK_WRANGLER_CONFIG): string[] {
  const consumers = experimental_readRawConfig({ config: configPath }).rawConfig.queues?.consumers ?? [];
  return consumers.flatMap((consumer: { dead_letter_queue?: string }) =>
    consumer.dead_letter_queue ? [consumer.dead_letter_queue] : [],
  );
}

/**
 * The Miniflare options (compatibility settings, KV, D1, rate limits, vars) wrangler derives from the configuration,
 * the same `wrangler dev` would run the Worker with.
 */
export function miniflareWorkerOptions(configPath = WRANGLER_CONFIG): V4WorkerOptions {
  return unstable_getMiniflareWorkerOptions(configPath).workerOptions as unknown as V4WorkerOptions;
}

/**
 * The statements of a SQL file as `wrangler d1` splits them (triggers' inner semicolons kept), e.g. a migration.
 * @example splitSql(readFileSync('migrations/0008_add_comment_sorts_and_reactions.sql', 'utf8')).length
 */
export const splitSql = (sql: string): string[] => unstable_splitSqlQuery(sql);
