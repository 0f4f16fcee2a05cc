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
  /** How new comments are held: `first` (default), `all` or `none`. */
  COMMENT_MODERATION: string;
  /** Words that hold a comment for moderation (comma or newline separated). */
  COMMENT_MODERATION_WORDS: string;
  /** Words that send a comment to spam. */
  COMMENT_DISALLOWED_WORDS: string;
  /** Comments with this many links or more are held. */
  COMMENT_MAX_LINKS: string;
  /** Days after publication when comments close; "0" never. */
  COMMENTS_CLOSE_AFTER_DAYS: string;
  /** Seconds a public response is served from the isolate's memory (0 turns it off); see src/http/response-cache.ts. */
  RESPONSE_CACHE_SECONDS: string;
  /** Limits new comments per client (IP hash). */
  COMMENT_LIMITER: RateLimit;
  /** Limits «أتفق» presses per client (IP hash). */
  REACTION_LIMITER: RateLimit;
  /** Secret bearer token of the admin API; the admin API answers 503 while it is unset. */
  ADMIN_TOKEN?: string;
  /** Secret key of the IP hashes (HMAC-SHA-256 of the IPv4 address or IPv6 /64); comments are refused while it is unset. */
  IP_HASH_SECRET?: string;
  /** Secret key that signs cookies (the author's preview of a held comment); without it no preview is offered. */
  COOKIE_SIGNING_SECRET?: string;
  /** Comment events (ids only) for the digest and the webhook; consumed by this Worker's `queue` handler. */
  COMMENT_EVENTS: Queue;
  /** Sends the moderators' digest (Email Routing: verified destinations, or an onboarded domain). */
  MODERATOR_MAIL: SendEmail;
  /** Days before IP hashes and user agents are removed from comments (default 90). */
  RETENTION_CLIENT_DAYS: string;
  /** Days before spam and trash are deleted for good (default 30). */
  TRASH_DAYS: string;
  /** Days before a comment still pending is moved to the trash (default 30). */
  PENDING_DAYS: string;
  /** Address readers write to for a copy or erasure of their data (shown under the comment form). */
  PRIVACY_EMAIL: string;
  /** Comma-separated recipients of the moderators' digest (empty: no e-mail). */
  MODERATOR_EMAILS: string;
  /** Sender address of the digest. */
  NOTIFY_FROM: string;
  /** Endpoint of the signed comment-event webhook (empty: none). */
  WEBHOOK_URL: string;
  /** Secret HMAC key of the webhook signatures. */
  WEBHOOK_SECRET?: string;
}

/** Values middleware hands to handlers. */
interface Variables {
  /** sha256 source expression of the page stylesheet, for the Content-Security-Policy. */
  styleHash: string;
  /** D1 session of this request: reads see the writes the client made before (bookmark from header or cookie). */
  db: D1DatabaseSession;
}

/** The `Env` type every Hono app and handler of Minbar is typed with. */
export interface AppEnv {
  Bindings: Bindings;
  Variables: Variables;
}
