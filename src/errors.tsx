/**
 * The one error path of the app. Expected failures are thrown as ProblemError (or any HTTPException);
 * onError and notFound turn them into RFC 9457 problem+json for API clients or the Arabic HTML error page for readers.
 */
import type { Context, ErrorHandler, NotFoundHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv } from './env.ts';
import { negotiate } from './http/negotiate.ts';
import { logError } from './log.ts';
import { STORAGE_RETRY_AFTER_SECONDS, StorageUnavailableError } from './storage/unavailable.ts';
import { absoluteUrl } from './urls.ts';
import { ErrorPage } from './views/error-page.tsx';

/** Media type of every API error body. */
const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Problem type names (documented in README.md); the `type` member is `<SITE_URL>/problems/<name>`. */
const DEFAULT_TYPES: Record<number, { name: string; title: string }> = {
  400: { name: 'bad-request', title: 'Bad Request' },
  401: { name: 'unauthorized', title: 'Unauthorized' },
  403: { name: 'forbidden', title: 'Forbidden' },
  404: { name: 'not-found', title: 'Not Found' },
  405: { name: 'method-not-allowed', title: 'Method Not Allowed' },
  406: { name: 'not-acceptable', title: 'Not Acceptable' },
  409: { name: 'conflict', title: 'Conflict' },
  413: { name: 'payload-too-large', title: 'Content Too Large' },
  415: { name: 'unsupported-media-type', title: 'Unsupported Media Type' },
  422: { name: 'validation-failed', title: 'Unprocessable Content' },
  429: { name: 'too-many-requests', title: 'Too Many Requests' },
  500: { name: 'internal-error', title: 'Internal Server Error' },
  503: { name: 'unavailable', title: 'Service Unavailable' },
};

/** Options of a ProblemError beyond status and detail. */
export interface ProblemOptions {
  /** Problem type name when more specific than the status's default, e.g. `invalid-parameters`. */
  type?: string;
  /** Field errors, keyed by field name. */
  errors?: Record<string, string[]>;
  /** Extra response headers (Allow, Retry-After, …). */
  headers?: Record<string, string>;
}

/**
 * An expected failure, answered with its status and a specific detail.
 * @example throw new ProblemError(404, 'No article is published at this slug.')
 */
export class ProblemError extends HTTPException {
  readonly options: ProblemOptions;
  constructor(status: ContentfulStatusCode, detail: string, options: ProblemOptions = {}) {
    super(status, { message: detail });
    this.options = options;
  }
}

/** JSON for clients of the API and of negotiated routes that asked for JSON; HTML for everyone else. */
function wantsJson(c: Context): boolean {
  if (c.req.path.startsWith('/api/')) return true;
  return negotiate(c, ['text/html', 'application/json']) === 'application/json';
}

/** Renders a ProblemError in the representation the client wants. */
export function problemResponse(c: Context<AppEnv>, problem: ProblemError): Response | Promise<Response> {
  const status = problem.status as ContentfulStatusCode;
  const known = DEFAULT_TYPES[status] ?? { name: 'error', title: 'Error' };
  const headers: Record<string, string> = { 'Cache-Control': 'no-store', ...problem.options.headers };
  // No error is ever cacheable or carries a validator, whatever the handler set before it failed: a cached error,
  // or a 304 that confirms one, would outlive the failure.
  for (const name of ['ETag', 'Last-Modified', 'CDN-Cache-Control']) c.header(name, undefined);
  if (wantsJson(c)) {
    const body = {
      // SITE_URL is unset only on a misconfigured site (src/http/configuration.ts): the request's origin stands in.
      type: absoluteUrl(c.env.SITE_URL ?? new URL(c.req.url).origin, `/problems/${problem.options.type ?? known.name}`),
      title: known.title,
      status,
      detail: problem.message,
      // A URI reference: the path as the URL parser serializes it (percent-encoded), never decoded Arabic or spaces.
      instance: new URL(c.req.url).pathname,
      ...(problem.options.errors ? { errors: problem.options.errors } : {}),
    };
    return c.body(JSON.stringify(body), status, { ...headers, 'Content-Type': PROBLEM_CONTENT_TYPE });
  }
  return c.html(<ErrorPage status={status} />, status, headers);
}

/** The root error handler: expected failures keep their status; anything else is a 500 that reveals nothing. */
export const onError: ErrorHandler<AppEnv> = (error, c) => {
  if (error instanceof ProblemError) return problemResponse(c, error);
  if (error instanceof HTTPException && error.status < 500) {
    // Keep what the failing middleware said in headers (bearerAuth's WWW-Authenticate challenge).
    const challenge = error.getResponse().headers.get('WWW-Authenticate');
    const detail =
      error.message || (error.status === 401 ? 'A valid Bearer token is required.' : 'The request could not be processed.');
    const options = challenge ? { headers: { 'WWW-Authenticate': challenge } } : {};
    return problemResponse(c, new ProblemError(error.status as ContentfulStatusCode, detail, options));
  }
  if (error instanceof StorageUnavailableError) {
    logError('storage unavailable', error, { status: 503 });
    return problemResponse(
      c,
      new ProblemError(503, 'Stored data needed for this request cannot be read right now; please try again shortly.', {
        headers: { 'Retry-After': String(STORAGE_RETRY_AFTER_SECONDS) },
      }),
    );
  }
  logError('unhandled error', error, { status: 500 });
  return problemResponse(c, new ProblemError(500, 'Something went wrong on our side. It has been logged; please try again.'));
};

/** The root not-found handler, decided once by path (a sub-app's notFound does not survive app.route()). */
export const notFound: NotFoundHandler<AppEnv> = (c) =>
  problemResponse(c, new ProblemError(404, `Nothing is published at ${c.req.path}.`));
