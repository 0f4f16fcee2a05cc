// Runs before each test file: migrations, the published articles, their search and catalog rows, all idempotent.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await Promise.all(env.TEST_KV_ENTRIES.map(({ key, value, metadata }) => env.ARTICLES.put(key, value, { metadata })));
await env.DB.exec(env.TEST_SEARCH_SQL);
await env.DB.exec(env.TEST_CATALOG_SQL);
