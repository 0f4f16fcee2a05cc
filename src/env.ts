/**
 * The one typed environment of the Worker: its bindings (see wrangler.jsonc) and request variables.
 */

/**
 * Bindings and vars declared in wrangler.jsonc, documented here. Their types come from the generated
 * worker-configuration.d.ts (`npm run types`, checked by `npm test`): a binding removed or renamed in the config and
 * still named here fails the type check. Secrets are not in the config, so their (optional) types are written here.
 */
export interface Bindings extends CloudflareBindings {
  /** Published articles: `v1:article:<slug>` documents and the feeds (written by `npm run publish`). */
  ARTICLES: CloudflareBindings['ARTICLES'];
  /** Reader comments and their moderation log, the article catalog and search index (schema in migrations/). */
  DB: CloudflareBindings['DB'];
  /** Absolute origin of the site, without a trailing slash; used for canonical and API URLs. */
  SITE_URL: CloudflareBindings['SITE_URL'];
  /** Identifies the deployed code; part of every ETag so a new template invalidates cached pages. */
  BUILD_ID: CloudflareBindings['BUILD_ID'];
  /** How new comments are held: `first` (default), `all` or `none`. */
  COMMENT_MODERATION: CloudflareBindings['COMMENT_MODERATION'];
  /** Words that hold a comment for moderation (comma or newline separated). */
  COMMENT_MODERATION_WORDS: CloudflareBindings['COMMENT_MODERATION_WORDS'];
  /** Words that send a comment to spam. */
  COMMENT_DISALLOWED_WORDS: CloudflareBindings['COMMENT_DISALLOWED_WORDS'];
  /** Comments with this many links or more are held. */
  COMMENT_MAX_LINKS: CloudflareBindings['COMMENT_MAX_LINKS'];
  /** Days after publication when comments close; "0" never. */
  COMMENTS_CLOSE_AFTER_DAYS: CloudflareBindings['COMMENTS_CLOSE_AFTER_DAYS'];
  /** Readers' reports that send an approved comment back to moderators (default 3). */
  COMMENT_REPORT_THRESHOLD?: string;
  /** Seconds a public response is served from the isolate's memory (0 turns it off); see src/http/response-cache.ts. */
  RESPONSE_CACHE_SECONDS: CloudflareBindings['RESPONSE_CACHE_SECONDS'];
  /** Limits new comments per client (IP hash). */
  COMMENT_LIMITER: CloudflareBindings['COMMENT_LIMITER'];
  /** Limits «أتفق» presses per client (IP hash). */
  REACTION_LIMITER: CloudflareBindings['REACTION_LIMITER'];
  /** Secret bearer token of the admin API; the admin API answers 503 while it is unset. */
  ADMIN_TOKEN?: string;
  /** The moderators' desk Worker (wrangler.desk.jsonc): /admin, /admin/* and sent reports are forwarded to it. */
  DESK: CloudflareBindings['DESK'];
  /** Cloudflare Access team domain (`<team>.cloudflareaccess.com`); with ACCESS_AUD, Access users may use the desk. */
  ACCESS_TEAM_DOMAIN?: string;
  /** Cloudflare Access application audience (AUD tag) the desk's JWTs must carry. */
  ACCESS_AUD?: string;
  /** Secret key of the IP hashes (HMAC-SHA-256 of the IPv4 address or IPv6 /64); comments are refused while it is unset. */
  IP_HASH_SECRET?: string;
  /** Secret key that signs cookies (the author's preview of a held comment); without it no preview is offered. */
  COOKIE_SIGNING_SECRET?: string;
  /** Comment events (ids only) for the digest and the webhook; consumed by the desk Worker's `queue` handler. */
  COMMENT_EVENTS: CloudflareBindings['COMMENT_EVENTS'];
  /**
   * Sends the moderators' digest (Email Routing: verified destinations, or an onboarded domain). The desk Worker's
   * binding (wrangler.desk.jsonc), which the generated types of wrangler.jsonc do not include; the digest's tests run
   * in the desk's project, on that config's real binding.
   */
  MODERATOR_MAIL?: SendEmail;
  /** Days before IP hashes and user agents are removed from comments (default 90). */
  RETENTION_CLIENT_DAYS: CloudflareBindings['RETENTION_CLIENT_DAYS'];
  /** Days before spam and trash are deleted for good (default 30). */
  TRASH_DAYS: CloudflareBindings['TRASH_DAYS'];
  /** Days before a comment still pending is moved to the trash (default 30). */
  PENDING_DAYS: CloudflareBindings['PENDING_DAYS'];
  /** Address readers write to for a copy or erasure of their data (shown under the comment form). */
  PRIVACY_EMAIL: CloudflareBindings['PRIVACY_EMAIL'];
  /** Comma-separated recipients of the moderators' digest (empty: no e-mail). A var of the desk (wrangler.desk.jsonc). */
  MODERATOR_EMAILS?: string;
  /** Sender address of the digest (desk). */
  NOTIFY_FROM?: string;
  /** Endpoint of the signed comment-event webhook (empty: none; desk). */
  WEBHOOK_URL?: string;
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
