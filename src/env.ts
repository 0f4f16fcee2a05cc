/**
 * The one typed environment of the Worker: its bindings (see wrangler.toml) and request variables.
 */

/**
 * Bindings and vars declared in wrangler.toml (generated into worker-configuration.d.ts by `npm run types`),
 * documented here; re-declaring them makes tsc fail if the two ever disagree.
 */
export interface Bindings extends CloudflareBindings {
  /** Published articles: `v1:article:<slug>` documents and the `v1:index` document (written by `npm run publish`). */
  ARTICLES: KVNamespace;
  /** Reader comments and their moderation log (schema in migrations/). */
  DB: D1Database;
  /** Absolute origin of the site, without a trailing slash; used for canonical and API URLs. */
  SITE_URL: string;
  /** Identifies the deployed code; part of every ETag so a new template invalidates cached pages. */
  BUILD_ID: string;
}

/** Values middleware hands to handlers. */
export interface Variables {
  /** sha256 source expression of the page stylesheet, for the Content-Security-Policy. */
  styleHash: string;
}

/** The `Env` type every Hono app and handler of Minbar is typed with. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
