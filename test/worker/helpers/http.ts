// Requests to the Worker under test, through its real fetch handler inside workerd.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import type { Bindings } from '../../../src/env.ts';
import worker from '../../../src/index.ts';
import { assertContract } from './contract.ts';

/** The site origin the tests run against (SITE_URL in vitest.config.ts). */
export const ORIGIN = 'https://minbar.test';

/**
 * Fetches a path (or absolute URL) from the Worker; redirects are returned, not followed. Every response is checked
 * against the OpenAPI document first (helpers/contract.ts): a response the document does not describe fails the test.
 */
export async function request(path: string, init: RequestInit = {}): Promise<Response> {
  const req = new Request(path.startsWith('http') ? path : `${ORIGIN}${path}`, { redirect: 'manual', ...init });
  return assertContract(req, await exports.default.fetch(req.clone()));
}

/** The seed article's slug and its percent-encoded path. */
export const SEED_SLUG = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا';
export const SEED_PATH = `/articles/${encodeURIComponent(SEED_SLUG)}`;

/** The admin token configured for tests (vitest.config.ts). */
export const ADMIN_TOKEN = 'test-admin-token';

/** Fetches from the Worker with some bindings changed (e.g. a secret unset), through its exported fetch handler. */
export async function requestWithEnv(path: string, overrides: Partial<Bindings>, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }) as Request<
    unknown,
    IncomingRequestCfProperties
  >;
  const response = await worker.fetch(request.clone() as typeof request, { ...env, ...overrides }, ctx);
  await waitOnExecutionContext(ctx);
  return assertContract(request, response);
}
