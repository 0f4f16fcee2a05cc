/**
 * The site's configuration: every var of wrangler.jsonc and every secret, with the one schema that checks them.
 * The Worker checks it once per isolate (src/http/configuration.ts answers 500 naming the variable while it is
 * wrong); `npm start` and `npm run deploy` check it before they start anything (scripts/lib/config.ts). A wrong
 * value is an error that names the variable, never a silent fallback.
 *
 * Adding a variable is one line in CONFIG_SHAPE (and its line in wrangler.jsonc or .dev.vars.example).
 */
import * as z from 'zod/mini';
import { readNotificationSettings, readRetentionSettings } from './domain/background-settings.ts';
import { MODERATION_MODES } from './domain/comment.ts';

/** Shortest secret accepted: a typed password is not a key. */
const MIN_SECRET_LENGTH = 16;

/** A whole number of 0 or more written in plain digits ("0", "30"), as a number; at most `max`. */
const wholeNumber = (fallback: number, max = Number.MAX_SAFE_INTEGER) =>
  z._default(
    z.pipe(
      z.string().check(
        z.regex(/^\d+$/, {
          error: (issue) => `must be a whole number of 0 or more, written in digits (got "${issue.input}")`,
          abort: true,
        }),
        z.refine((value) => Number(value) <= max, `must be at most ${max}`),
      ),
      z.transform(Number),
    ),
    fallback,
  );

/** A comma-, Arabic comma- or newline-separated word list; the raw text (domain/comment.ts folds it). */
const wordList = () => z._default(z.string(), '');

/** One of `values`. */
const oneOf = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  z._default(z.enum(values, { error: (issue) => `must be one of ${values.join(', ')} (got "${issue.input}")` }), fallback);

/** An absolute http(s) origin: scheme and host (and port), no path and no trailing slash. */
const origin = () =>
  z.string({ error: 'must be set' }).check(
    z.refine((value) => {
      try {
        const url = new URL(value);
        return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
      } catch {
        return false;
      }
    }, 'must be an absolute http(s) origin with no path or trailing slash, such as https://minbar.example.com'),
  );

/** A short token safe inside an ETag: letters, digits, dot, underscore and hyphen. */
const token = (fallback: string) =>
  z._default(z.string().check(z.regex(/^[\w.-]{1,64}$/, 'must be 1 to 64 letters, digits, ".", "_" or "-"')), fallback);

/**
 * A secret: optional (the feature that needs it answers 503 while it is unset, and "" counts as unset), otherwise at
 * least MIN_SECRET_LENGTH characters.
 */
const secret = () =>
  z.optional(
    z.union([
      z.literal(''),
      z.string().check(z.minLength(MIN_SECRET_LENGTH, `must be at least ${MIN_SECRET_LENGTH} characters`)),
    ]),
  );

/** Every variable, one line each: the vars of wrangler.jsonc, then the secrets (`wrangler secret put`, .dev.vars). */
export const CONFIG_SHAPE = {
  SITE_URL: origin(),
  BUILD_ID: token('dev'),
  RESPONSE_CACHE_SECONDS: wholeNumber(5, 60),
  COMMENT_MODERATION: oneOf(MODERATION_MODES, 'first'),
  COMMENT_MODERATION_WORDS: wordList(),
  COMMENT_DISALLOWED_WORDS: wordList(),
  COMMENT_MAX_LINKS: wholeNumber(2),
  COMMENTS_CLOSE_AFTER_DAYS: wholeNumber(0),
  ADMIN_TOKEN: secret(),
  IP_HASH_SECRET: secret(),
  COOKIE_SIGNING_SECRET: secret(),
};

/**
 * Readers of settings that check their own vars (retention, notifications): each throws an Error that starts with
 * the variable's name. Listed here so that they are checked as early, and as loudly, as CONFIG_SHAPE.
 */
const SELF_CHECKING_READERS: ((vars: Record<string, string | undefined>) => unknown)[] = [
  readRetentionSettings,
  readNotificationSettings,
];

/** The schema of the whole configuration; other bindings (KV, D1, the rate limiter) pass through unchecked. */
const CONFIG_SCHEMA = z.looseObject(CONFIG_SHAPE).check(
  z.superRefine((vars, ctx) => {
    for (const read of SELF_CHECKING_READERS)
      try {
        read(vars as Record<string, string | undefined>);
      } catch (error) {
        const message = (error as Error).message;
        const name = /^[A-Z_]+/.exec(message)?.[0] ?? 'configuration';
        ctx.addIssue({ code: 'custom', path: [name], message: message.slice(name.length).replace(/^:?\s*/, '') });
      }
  }),
);

/** The configuration once checked, with numbers as numbers. */
export type Config = z.output<typeof CONFIG_SCHEMA>;

/** Names of the secrets: set with `wrangler secret put`, locally in .dev.vars; `npm start` requires them. */
export const SECRET_NAMES = (Object.keys(CONFIG_SHAPE) as (keyof typeof CONFIG_SHAPE)[]).filter(
  (name) => CONFIG_SHAPE[name] instanceof z.ZodMiniOptional,
);

/** The outcome of a check: the configuration, or one line per wrong variable (`NAME: what is wrong`). */
export type ConfigCheck = { ok: true; config: Config } | { ok: false; errors: string[] };

/**
 * Checks vars and secrets. Empty strings count as unset for secrets (wrangler passes `KEY=` through as "").
 * @example checkConfig({ SITE_URL: 'https://x.example', COMMENT_MAX_LINKS: '3 links' }).errors
 *   // ['COMMENT_MAX_LINKS: must be a whole number of 0 or more, written in digits (got "3 links")']
 */
export function checkConfig(vars: Record<string, unknown>): ConfigCheck {
  const result = z.safeParse(CONFIG_SCHEMA, vars);
  if (result.success) return { ok: true, config: result.data };
  return { ok: false, errors: result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`) };
}

/** A configuration that failed its check; the message names every wrong variable. */
export class ConfigError extends Error {
  readonly errors: string[];
  constructor(errors: string[]) {
    super(`Minbar is misconfigured:\n  ${errors.join('\n  ')}`);
    this.name = 'ConfigError';
    this.errors = errors;
  }
}

const checked = new WeakMap<object, ConfigCheck>();

/**
 * The Worker's configuration, checked once per env object (workerd hands every request of an isolate the same one).
 * Throws ConfigError naming each wrong variable.
 */
export function readConfig(env: object): Config {
  let result = checked.get(env);
  if (!result) {
    result = checkConfig(env as Record<string, unknown>);
    checked.set(env, result);
  }
  if (!result.ok) throw new ConfigError(result.errors);
  return result.config;
}
