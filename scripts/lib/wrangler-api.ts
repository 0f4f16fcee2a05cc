/**
 * The one module that uses wrangler's unstable and experimental JavaScript API (`unstable_*`, `experimental_*`).
 * Those change without a major version; keeping them here means a wrangler upgrade is checked in one file.
 * Everything else drives wrangler through its CLI (scripts/lib/wrangler.ts).
 */
import type { V4WorkerOptions } from 'miniflare';
import { experimental_readRawConfig, unstable_getMiniflareWorkerOptions } from 'wrangler';

/** The project's wrangler configuration file, relative to the project root. */
export const WRANGLER_CONFIG = 'wrangler.jsonc';

/**
 * The vars of the wrangler configuration as written (no defaults filled in, nothing from .dev.vars).
 * @example readConfigVars() // { SITE_URL: 'https://minbar.example.com', ... }
 */
export function readConfigVars(configPath = WRANGLER_CONFIG): Record<string, unknown> {
  return experimental_readRawConfig({ config: configPath }).rawConfig.vars ?? {};
}

/**
 * The Miniflare options (compatibility settings, KV, D1, rate limits, vars) wrangler derives from the configuration,
 * the same `wrangler dev` would run the Worker with.
 */
export function miniflareWorkerOptions(configPath = WRANGLER_CONFIG): V4WorkerOptions {
  return unstable_getMiniflareWorkerOptions(configPath).workerOptions as unknown as V4WorkerOptions;
}
