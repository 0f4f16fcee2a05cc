// Requests to the site with its desk: the worker project's helpers, whose `request` goes through this project's
// entry (test/desk/site.ts), and `requestWithEnv` that changes bindings for both Workers.
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import type { Bindings } from '../../../src/env.ts';
import { assertContract } from '../../worker/helpers/contract.ts';
import { ORIGIN } from '../../worker/helpers/http.ts';
import site from '../site.ts';

export { ORIGIN, request, SEED_PATH, SEED_SLUG } from '../../worker/helpers/http.ts';

/** Fetches from the site with some bindings changed (e.g. Access configured), for the public Worker and the desk. */
export async function requestWithEnv(path: string, overrides: Partial<Bindings>, init: RequestInit = {}): Promise<Response> {
  const ctx = createExecutionContext();
  const request = new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }) as Request<
    unknown,
    IncomingRequestCfProperties
  >;
  const response = await site.fetch(request.clone() as typeof request, { ...env, ...overrides } as Bindings, ctx);
  await waitOnExecutionContext(ctx);
  return assertContract(request, response);
}
