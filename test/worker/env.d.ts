// Test-only bindings (see vitest.config.ts) on top of the Worker's own (worker-configuration.d.ts).
declare namespace Cloudflare {
  interface Env {
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[];
    TEST_KV_ENTRIES: Array<{ key: string; value: string; metadata: { hash: string } }>;
    TEST_SEARCH_SQL: string;
    /** The article catalog rows (D1) the publisher writes for the same articles. */
    TEST_CATALOG_SQL: string;
    /** What the publisher runs after changing catalog rows: positions, list sizes, sitemap chunks. */
    TEST_CATALOG_REFRESH_SQL: string;
    /** The WordPress fixture's comments and legacy URLs, as the importer writes them; applied by the tests that need them. */
    TEST_WORDPRESS_SQL: string;
  }
}
