/**
 * Three test projects: `worker` runs inside workerd with real local KV and D1 (the Workers Vitest integration),
 * `desk` runs the moderators' desk Worker the same way (behind the public Worker, as its DESK binding),
 * `node` runs the publisher and other Node-side scripts.
 * The worker project's KV is filled with exactly what `npm run publish` would write for content/ plus the
 * test fixtures, built by the publisher's own code (scripts/lib/seed.ts, shared with `npm start` and the benchmark).
 */
import { readFile } from 'node:fs/promises';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin';
import { defineConfig } from 'vitest/config';
import { REFRESH_CATALOG_SQL } from './scripts/lib/catalog-sql.ts';
import { publishedDocuments } from './scripts/lib/seed.ts';
import { importSql, planImport } from './scripts/lib/wordpress-import.ts';
import { parseWxr } from './scripts/lib/wxr.ts';

export default defineConfig(async () => {
  const seed = await publishedDocuments(['content/articles', 'test/fixtures/articles']);
  // What `npm run import:wordpress -- --include-pages` stores in D1 for the WordPress fixture (the importer's own code).
  const wordpress = await planImport(parseWxr(await readFile('test/fixtures/wordpress/export.xml', 'utf8')), {
    ipHashSecret: 'test-ip-hash-secret',
    includePages: true,
  });

  // What every test sees whatever .dev.vars or the config files say; both Workers' projects share it.
  const testBindings = {
    SITE_URL: 'https://minbar.test',
    BUILD_ID: 'test',
    // Most tests change KV and D1 behind the Worker's back; the memory cache has its own tests.
    RESPONSE_CACHE_SECONDS: '0',
    ADMIN_TOKEN: 'test-admin-token',
    IP_HASH_SECRET: 'test-ip-hash-secret',
    COOKIE_SIGNING_SECRET: 'test-cookie-signing-secret',
    // What `npm start` may have put in .dev.vars must not change what the tests see.
    MODERATOR_EMAILS: '',
    NOTIFY_FROM: '',
    WEBHOOK_SECRET: '',
    TEST_MIGRATIONS: await readD1Migrations('migrations'),
    TEST_KV_ENTRIES: seed.kvEntries,
    TEST_SEARCH_SQL: seed.searchSql,
    TEST_CATALOG_SQL: seed.catalogSql,
    TEST_CATALOG_REFRESH_SQL: REFRESH_CATALOG_SQL,
    TEST_WORDPRESS_SQL: importSql(wordpress.comments, wordpress.redirects, new Date().toISOString()),
  };

  return {
    test: {
      projects: [
        {
          plugins: [
            cloudflareTest({
              wrangler: { configPath: './wrangler.jsonc' },
              miniflare: {
                bindings: testBindings,
                // The desk Worker is tested in its own project; here DESK answers with what it was asked.
                serviceBindings: {
                  DESK: (request: Request) =>
                    new Response(`desk: ${request.method} ${new URL(request.url).pathname}`, {
                      // Marked, so the contract checks leave the stub's answers to the desk project's real ones.
                      headers: { 'Content-Type': 'text/html; charset=UTF-8', 'X-Desk-Stub': 'worker project' },
                    }),
                },
              },
            }),
          ],
          test: { name: 'worker', include: ['test/worker/**/*.test.{ts,tsx}'], setupFiles: ['test/worker/setup.ts'] },
        },
        {
          plugins: [
            cloudflareTest({
              // The desk's own config, entered through the public Worker (test/desk/site.ts) as the DESK binding does.
              main: './test/desk/site.ts',
              wrangler: { configPath: './wrangler.desk.jsonc' },
              miniflare: {
                bindings: testBindings,
                // The public Worker's limiters, which the desk's config does not have.
                ratelimits: {
                  COMMENT_LIMITER: { namespace_id: '1001', simple: { limit: 10, period: 60 } },
                  REACTION_LIMITER: { namespace_id: '1017', simple: { limit: 30, period: 60 } },
                },
              },
            }),
          ],
          test: { name: 'desk', include: ['test/desk/**/*.test.{ts,tsx}'], setupFiles: ['test/worker/setup.ts'] },
        },
        {
          test: { name: 'node', include: ['test/node/**/*.test.ts'], environment: 'node', testTimeout: 120_000 },
        },
      ],
    },
  };
});
