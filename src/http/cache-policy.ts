/**
 * How long public responses may be cached, in one place: the Cache-Control the Worker sends, and the staleness the
 * README and the OpenAPI document promise, are all computed from these numbers.
 */

/** Seconds a public response is fresh in a browser or shared cache. */
const FRESH_SECONDS = 60;
/** Seconds a cache may go on serving it, stale, while it revalidates in the background. */
const STALE_SECONDS = 30;
/** The oldest a public response can be when a reader sees it (the README and the OpenAPI document state it). */
export const MAX_STALENESS_SECONDS = FRESH_SECONDS + STALE_SECONDS;

/** Cache-Control of public pages and API responses: fresh for a minute, then served stale while revalidating. */
export const PUBLIC_CACHE_CONTROL = `public, max-age=${FRESH_SECONDS}, stale-while-revalidate=${STALE_SECONDS}`;
