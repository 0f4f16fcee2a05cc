// Requests to the Worker under test, through its real fetch handler inside workerd.
import { exports } from 'cloudflare:workers';

/** The site origin the tests run against (SITE_URL in vitest.config.ts). */
export const ORIGIN = 'https://minbar.test';

/** Fetches a path (or absolute URL) from the Worker; redirects are returned, not followed. */
export function request(path: string, init: RequestInit = {}): Promise<Response> {
  const url = path.startsWith('http') ? path : `${ORIGIN}${path}`;
  return exports.default.fetch(new Request(url, { redirect: 'manual', ...init }));
}

/** The seed article's slug and its percent-encoded path. */
export const SEED_SLUG = 'تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا';
export const SEED_PATH = `/articles/${encodeURIComponent(SEED_SLUG)}`;

/** The admin token configured for tests (vitest.config.ts). */
export const ADMIN_TOKEN = 'test-admin-token';
