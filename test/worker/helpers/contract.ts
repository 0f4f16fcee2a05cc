// The contract test: every response the worker suite receives (through helpers/http.ts) is checked against the
// OpenAPI document: its status is documented for the operation, its media type is one the document lists, a JSON
// body validates against the documented schema, and the headers the document describes are there when required,
// absent when not documented, and hold the documented values. A drift between the Worker and schemas/openapi.json
// fails the test that saw it.
import { type Schema, Validator } from '@cfworker/json-schema';
import openapi from '../../../schemas/openapi.json';
import { isPublicCrossOriginPath } from '../../../src/http/cors-policy.ts';

type Json = Record<string, unknown>;
interface ResponseObject {
  description: string;
  headers?: Record<string, Json>;
  content?: Record<string, { schema: Json }>;
}
interface PathEntry {
  template: string;
  pattern: RegExp;
  item: Record<string, { responses: Record<string, Json> }>;
}

const doc = openapi as unknown as { paths: Record<string, PathEntry['item']>; components: Json };

/** Resolves a local `$ref` (`#/components/...`). */
function resolve<T>(value: Json): T {
  let node = value;
  while (typeof node.$ref === 'string') {
    node = (node.$ref as string)
      .slice(2)
      .split('/')
      .reduce<Json>((parent, key) => parent[key.replaceAll('~1', '/').replaceAll('~0', '~')] as Json, doc as unknown as Json);
  }
  return node as T;
}

// Static paths first, so `/api/search` is never read as `/api/{something}`.
const PATHS: PathEntry[] = Object.entries(doc.paths)
  .map(([template, item]) => ({
    template,
    item,
    pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
  }))
  .sort((a, b) => (a.template.match(/\{/g)?.length ?? 0) - (b.template.match(/\{/g)?.length ?? 0));

/** Every header name some response of the document describes (lower case): these are checked on every response. */
const DESCRIBED_HEADERS = new Set(
  [
    ...Object.values(doc.paths).flatMap((item) => Object.values(item).flatMap((op) => Object.values(op.responses))),
    ...Object.values(doc.components.responses as Record<string, Json>),
  ].flatMap((response) => Object.keys(resolve<ResponseObject>(response).headers ?? {}).map((h) => h.toLowerCase())),
);

const validators = new Map<string, Validator>();
function validatorFor(schema: Json): Validator {
  const key = JSON.stringify(schema);
  let validator = validators.get(key);
  if (!validator) {
    // The schema is checked inside the document, so its `#/components/schemas/...` references resolve.
    validator = new Validator({ ...schema, components: doc.components } as Schema, '2020-12', false);
    validators.set(key, validator);
  }
  return validator;
}

/** The shared canonical redirect (301, or 308 keeping the method) documented for `path`, if `status` is one. */
function canonicalRedirect(path: string, status: number): { response: ResponseObject } | undefined {
  const name = status === 301 ? 'CanonicalRedirect' : status === 308 ? 'CanonicalRedirectKeepMethod' : undefined;
  if (!name) return undefined;
  const responses = doc.components.responses as Record<string, Json>;
  return { response: resolve(responses[`${name}${isPublicCrossOriginPath(path) ? 'Cors' : ''}`] as Json) };
}

/** The documented response for this request and status, or a reason it has none. */
function documentedResponse(request: Request, status: number): { response?: ResponseObject; problem?: string } {
  const url = new URL(request.url);
  // A canonical redirect is decided on the path as requested (its CORS headers too), before any operation.
  const redirect = canonicalRedirect(url.pathname, status);
  if (redirect) return redirect;
  const path = `/${url.pathname.split('/').filter(Boolean).join('/')}`;
  const entry = PATHS.find((p) => p.pattern.test(path));
  // A path outside the document (an unknown URL): its 404 and 301 are the shared ones.
  if (!entry) {
    const name = `${path.startsWith('/api/') ? 'Problem' : 'PageError'}${status}`;
    const shared = (doc.components.responses as Record<string, Json>)[name];
    const redirect = canonicalRedirect(path, status);
    if (redirect) return redirect;
    return shared ? { response: resolve(shared) } : { problem: `${status} for ${path}, which the document does not have` };
  }
  const method = request.method === 'HEAD' ? 'get' : request.method.toLowerCase();
  const operation = entry.item[method];
  if (!operation) {
    // Any method on a non-canonical path is first sent to the canonical one (301 for GET, 308 keeping the method).
    const redirect = canonicalRedirect(path, status);
    if (redirect) return redirect;
    // Any path: 405 to a method it does not serve, 400 first when the path cannot be decoded; under /api/ a 406 first
    // to an Accept without JSON, and on the admin API a 401 first without a valid token (both come before routing).
    const shared =
      status === 405 ||
      status === 400 ||
      (status === 406 && path.startsWith('/api/')) ||
      (status === 401 && path.startsWith('/api/admin/'));
    const name = `${path.startsWith('/api/') ? 'Problem' : 'PageError'}${status}`;
    if (shared) return { response: resolve((doc.components.responses as Record<string, Json>)[name] as Json) };
    return { problem: `${request.method} ${entry.template} answered ${status}, which is not documented for it` };
  }
  const response = operation.responses[String(status)];
  if (!response) return { problem: `${status} is not documented for ${request.method} ${entry.template}` };
  return { response: resolve(response) };
}

/**
 * Every way `response` differs from what the document says `request` gets; empty when it matches.
 * @example expect(await contractViolations(request, response)).toEqual([])
 */
export async function contractViolations(request: Request, response: Response): Promise<string[]> {
  if (request.method === 'OPTIONS') return []; // CORS preflights are the protocol's, not the API's
  // The moderators' desk is another Worker (src/desk/) whose HTML pages are for signed-in people, not part of this API.
  const { pathname } = new URL(request.url);
  if (pathname === '/admin' || pathname.startsWith('/admin/')) return [];
  // In the worker project DESK is a stub (vitest.config.ts): what it answers for a forwarded route (reached directly,
  // or through a path such as /api/admin/comments/../log) is checked in the desk project, against the real desk.
  if (response.headers.has('X-Desk-Stub')) return [];
  const { response: documented, problem } = documentedResponse(request, response.status);
  if (!documented) return [problem ?? 'undocumented'];
  const where = `${request.method} ${new URL(request.url).pathname} → ${response.status}`;
  const violations: string[] = [];

  const headers = Object.fromEntries(
    Object.entries(documented.headers ?? {}).map(([k, v]) => [k.toLowerCase(), resolve<Json>(v)]),
  );
  for (const [name, spec] of Object.entries(headers)) {
    const value = response.headers.get(name);
    if (value === null) {
      if (spec.required) violations.push(`${where}: required header ${name} is missing`);
      continue;
    }
    const schema = spec.schema as Json;
    if (schema.const !== undefined && value !== schema.const)
      violations.push(`${where}: header ${name} is "${value}", documented as "${String(schema.const)}"`);
    if (schema.type === 'integer' && !/^\d+$/.test(value))
      violations.push(`${where}: header ${name} "${value}" is not an integer`);
  }
  for (const name of response.headers.keys())
    if (DESCRIBED_HEADERS.has(name) && !(name in headers)) violations.push(`${where}: header ${name} is not documented here`);

  const hasBody = request.method !== 'HEAD' && ![204, 301, 303, 304, 308].includes(response.status);
  if (!hasBody) return violations;
  const media = (response.headers.get('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  const content = documented.content?.[media];
  if (!content) {
    violations.push(
      `${where}: ${media || 'no Content-Type'} is not documented (${Object.keys(documented.content ?? {}).join(', ')})`,
    );
    return violations;
  }
  if (!/[/+]json$/.test(media)) return violations;
  const text = await response.clone().text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...violations, `${where}: the ${media} body is not JSON`];
  }
  const { errors } = validatorFor(content.schema).validate(body);
  for (const error of errors.filter((e) => e.keyword !== '$ref' && e.keyword !== 'properties' && e.keyword !== 'items'))
    violations.push(`${where}: body ${error.instanceLocation}: ${error.error}`);
  return violations;
}

/** Throws, naming every difference, when `response` is not what the document promises for `request`. */
export async function assertContract(request: Request, response: Response): Promise<Response> {
  const violations = await contractViolations(request, response);
  if (violations.length > 0) throw new Error(`The response breaks schemas/openapi.json:\n${violations.join('\n')}`);
  return response;
}
