/**
 * The configuration check of `npm start` and `npm run deploy`: the vars of wrangler.jsonc and of the desk's
 * wrangler.desk.jsonc (with what the script passes with --var, and locally .dev.vars) through the Workers' own schema
 * (src/config.ts), before anything starts or is uploaded. A wrong value stops the script with one line per variable.
 */
import { existsSync, readFileSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { checkConfig, SECRET_NAMES } from '../../src/config.ts';
import { DESK_WRANGLER_CONFIG, readConfigVars, WRANGLER_CONFIG } from './wrangler-api.ts';

/** Where the vars come from, besides wrangler.jsonc. */
export interface ConfigSources {
  /** Values the script passes to wrangler with --var. */
  overrides?: Record<string, string>;
  /** A .dev.vars file (local secrets and overrides), read when it exists. */
  devVarsFile?: string;
  /** Every secret must be set (locally, where .dev.vars holds them). */
  requireSecrets?: boolean;
}

/**
 * The problems of the configuration the script is about to use, one line each (`NAME: what is wrong`); empty when
 * it is right.
 * @example configProblems({ overrides: { BUILD_ID: 'abc123' } }) // []
 */
export function configProblems(sources: ConfigSources = {}, configPath = WRANGLER_CONFIG): string[] {
  const devVars =
    sources.devVarsFile && existsSync(sources.devVarsFile) ? parseEnv(readFileSync(sources.devVarsFile, 'utf8')) : {};
  const vars = { ...readConfigVars(configPath), ...devVars, ...sources.overrides };
  const result = checkConfig(vars);
  const problems = result.ok ? [] : result.errors;
  if (sources.requireSecrets)
    for (const name of SECRET_NAMES)
      if (!vars[name]) problems.push(`${name}: must be set (in ${sources.devVarsFile ?? '.dev.vars'})`);
  return problems;
}

/**
 * Stops the script (exit 1) with every problem of both Workers' configurations, naming each variable (and the desk's
 * file for a problem only the desk's configuration has).
 */
export function assertConfig(sources: ConfigSources = {}): void {
  const publicProblems = configProblems(sources);
  const deskProblems = configProblems(sources, DESK_WRANGLER_CONFIG)
    .filter((problem) => !publicProblems.includes(problem))
    .map((problem) => `${DESK_WRANGLER_CONFIG}: ${problem}`);
  const problems = [...publicProblems, ...deskProblems];
  if (problems.length === 0) return;
  console.error(`The configuration is wrong; nothing was started or uploaded:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
