/**
 * What every admin API request goes through, in the public Worker (routes/api/admin.ts) and in the desk Worker
 * (routes/api/admin-pins.ts, forwarded): the Bearer `ADMIN_TOKEN` (compared in constant time by Hono's bearerAuth;
 * 503 while none is configured, so the API is never open), `no-store`, and the moderator the audit log names.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { characterCount, cleanName } from '../text/arabic.ts';

/** Names the moderator in the audit log; optional, defaults to "admin". */
const MODERATOR_HEADER = 'X-Moderator';
const ACTOR_PREFIX = 'admin:';
/** The log's actor column holds 100 characters, prefix included. */
const MODERATOR_MAX = 100 - ACTOR_PREFIX.length;

/** The audit log's name for the caller: `admin:<X-Moderator>`, or `admin`; a name too long is a 400. */
export const actorOf = (c: Context<AppEnv>): string => {
  const name = cleanName(c.req.header(MODERATOR_HEADER) ?? '');
  if (characterCount(name) > MODERATOR_MAX)
    throw new ProblemError(400, `${MODERATOR_HEADER} must be at most ${MODERATOR_MAX} characters.`, {
      type: 'invalid-parameters',
      errors: { [MODERATOR_HEADER]: [`must be at most ${MODERATOR_MAX} characters`] },
    });
  return name ? `${ACTOR_PREFIX}${name}` : 'admin';
};

/** A Bearer credential as RFC 6750 writes it; anything else is answered 401 like a wrong token, never 400. */
const BEARER = /^Bearer +[A-Za-z0-9\-._~+/]+=*$/i;

/** Lets through only requests with the admin token; every answer is `no-store`. */
export const adminAuth = (): MiddlewareHandler<AppEnv> =>
  async function adminAuth(c, next) {
    const token = c.env.ADMIN_TOKEN;
    if (!token) throw new ProblemError(503, 'The admin API is disabled: set the ADMIN_TOKEN secret to enable it.');
    c.header('Cache-Control', 'no-store');
    const authorization = c.req.header('Authorization');
    if (authorization !== undefined && !BEARER.test(authorization))
      throw new ProblemError(401, 'Send Authorization: Bearer <ADMIN_TOKEN>.', {
        headers: { 'WWW-Authenticate': 'Bearer realm="minbar-admin", error="invalid_request"' },
      });
    return bearerAuth({ token, realm: 'minbar-admin' })(c as unknown as Context, next);
  };
