// The desk project's entry: the public Worker with the desk Worker behind its DESK binding, as `wrangler dev` with
// both configs and production connect them (a service binding). Every test request goes in at the public Worker.
import desk from '../../src/desk/index.ts';
import type { Bindings } from '../../src/env.ts';
import site from '../../src/index.ts';

/** The bindings of both Workers with DESK calling the desk Worker in this same isolate. */
function withDesk(env: Bindings, ctx: ExecutionContext): Bindings {
  const binding = {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => desk.fetch(new Request(input, init), env, ctx),
  } as Fetcher;
  return { ...env, DESK: binding };
}

export default {
  fetch: (request, env, ctx) => site.fetch(request, withDesk(env, ctx), ctx),
} satisfies ExportedHandler<Bindings>;
