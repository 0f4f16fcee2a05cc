// Runs before each test file: migrations and the published articles, both idempotent.
import { applyD1Migrations } from 'cloudflare:test';
import { env } from 'cloudflare:workers';

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await Promise.all(env.TEST_KV_ENTRIES.map(({ key, value, metadata }) => env.ARTICLES.put(key, value, { metadata })));
