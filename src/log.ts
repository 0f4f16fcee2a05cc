/**
 * The Worker's log: every line one JSON object, the shape Workers Logs indexes field by field.
 *
 * Each line has `event` (its level is the console method, which Workers Logs records as the line's level). A line
 * written while a request is handled also has `request_id` (the `cf-ray` header when Cloudflare sent one, else a
 * generated id), `method` and `route` (the matched route pattern, never the path or query, which can hold an email),
 * and for errors `status` and `duration_ms` since the request began. Queue and cron lines have no request. Errors are
 * reduced to name, message, cause and stack. As a last guard, anything that looks like an email or an IP address in a
 * logged string is replaced, so a careless message cannot leak one; callers log counts and ids, never secrets or
 * personal data.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';

/** Extra fields of a line: counts, ids, names; never secrets or personal data. */
export type LogFields = Record<string, unknown>;

interface RequestRecord {
  c: Context;
  /** Date.now() when the request reached the Worker. */
  start: number;
  requestId?: string;
}

const requests = new AsyncLocalStorage<RequestRecord>();

const EMAIL = /[^\s"'<>()@,;:]+@[^\s"'<>()@,;:]+\.[^\s"'<>()@,;:]+/g;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/g;
const IPV6 = /\b(?:[0-9a-f]{0,4}:){3,7}[0-9a-f]{0,4}\b/gi;

/** Replaces what looks like an email or IP address in a string; walks arrays and plain objects. */
function redact(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(EMAIL, '[email]').replace(IPV4, '[ip]').replace(IPV6, '[ip]');
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redact(v)]));
  return value;
}

/** An error as three strings (its cause's message too); anything thrown that is not an Error as its string. */
function describeError(error: unknown): LogFields {
  if (!(error instanceof Error)) return { message: String(error) };
  const cause = error.cause instanceof Error ? error.cause.message : error.cause === undefined ? undefined : String(error.cause);
  return { name: error.name, message: error.message, ...(cause === undefined ? {} : { cause }), stack: error.stack };
}

/** The request fields of a line written inside `logContext()`; nothing outside a request. */
function requestFields(): LogFields {
  const record = requests.getStore();
  if (!record) return {};
  const { c } = record;
  record.requestId ??= c.req.header('cf-ray') ?? crypto.randomUUID();
  // The route that handles the request (middleware is registered for every method), else the innermost match.
  const routes = matchedRoutes(c);
  const route = routes.filter((r) => r.method !== 'ALL').at(-1) ?? routes.at(-1);
  return { request_id: record.requestId, method: c.req.method, route: route?.path ?? c.req.routePath };
}

function write(level: 'info' | 'error', event: string, fields: LogFields): void {
  const line = JSON.stringify(redact({ event, ...requestFields(), ...fields }));
  if (level === 'error') console.error(line);
  else console.log(line);
}

/**
 * Middleware, registered first: lets every line written while this request is handled (also in `waitUntil`) name
 * its request and how long it has run.
 * @example app.use(logContext())
 */
export function logContext(): MiddlewareHandler {
  return (c, next) => requests.run({ c, start: Date.now() }, next);
}

/**
 * Logs something that happened.
 * @example logInfo('privacy.erase', { anonymised: 3, removed: 0 })
 */
export function logInfo(event: string, fields: LogFields = {}): void {
  write('info', event, fields);
}

/**
 * Logs a failure: the error, the status the request is answered with (when there is a request, and whether or not
 * the failure changes it), and how long the request had run.
 * @example logError('storage unavailable', error, { status: 503 })
 */
export function logError(event: string, error: unknown, fields: LogFields = {}): void {
  const start = requests.getStore()?.start;
  write('error', event, {
    ...fields,
    ...(start === undefined ? {} : { duration_ms: Date.now() - start }),
    error: describeError(error),
  });
}
