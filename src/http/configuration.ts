/**
 * The configuration check at run time: a Worker whose vars or secrets are wrong answers every request with a 500
 * that names the wrong variables (problem+json, or the Arabic error page for readers) and logs what is wrong,
 * rather than behaving differently from what its operator configured. The check itself runs once per isolate
 * (src/config.ts remembers its outcome).
 */
import type { MiddlewareHandler } from 'hono';
import { ConfigError, readConfig } from '../config.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { logError } from '../log.ts';

/** Problem type of a misconfigured site (documented in README.md). */
const MISCONFIGURED = 'misconfigured';

/**
 * Refuses to serve while the configuration is wrong.
 * @example app.use(requireValidConfig())
 */
export function requireValidConfig(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      readConfig(c.env);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      logError('misconfigured', error, { status: 500 });
      const names = [...new Set(error.errors.map((line) => line.slice(0, line.indexOf(':'))))];
      throw new ProblemError(500, `The site is misconfigured: ${names.join(', ')}. The Worker's log says what is wrong.`, {
        type: MISCONFIGURED,
      });
    }
    await next();
  };
}
