/**
 * The test suite as Stryker runs it (`npm run test:mutation`), narrowed to the tests written against
 * src/domain/, src/text/ and src/services/, so that each of the hundreds of mutants costs seconds, not minutes:
 * - `rules`: the tests of the pure rules (test/worker/domain, test/worker/text), in workerd like every Worker test,
 *   without the setup that migrates D1 and fills KV (they touch neither);
 * - `worker`: the service tests (test/worker/services), with that setup, and the HTTP tests that specify a rule module
 *   no other test reaches: old WordPress URLs (domain/legacy-urls.ts), comment sorts and page size
 *   (domain/comment-sort.ts, domain/comment-page.ts), personal-data requests (services/personal-data.ts);
 * - `node`: the publisher's validation tests (dates and words of front matter).
 * The other page, API and feed tests reach these rules only through HTTP and are left out: the score is measured
 * without their help, which can only make it lower than the whole suite's.
 */
import type { TestProjectInlineConfiguration, UserConfig } from 'vitest/config';
import { defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

export default defineConfig(async (env) => {
  const config = await (base as (e: typeof env) => Promise<UserConfig>)(env);
  const projects = (config.test?.projects ?? []) as TestProjectInlineConfiguration[];
  const named = (name: string) => projects.find((project) => project.test?.name === name) ?? {};
  const worker = named('worker');
  const node = named('node');
  return {
    ...config,
    test: {
      ...config.test,
      projects: [
        {
          ...worker,
          test: {
            ...worker.test,
            name: 'rules',
            include: ['test/worker/domain/**/*.test.ts', 'test/worker/text/**/*.test.ts'],
            setupFiles: [],
            isolate: false,
          },
        },
        {
          ...worker,
          test: {
            ...worker.test,
            include: [
              'test/worker/services/**/*.test.ts',
              // The HTTP tests that are the specification of a rule module nothing else tests on its own.
              'test/worker/legacy-redirects.test.ts',
              'test/worker/comment-sorts.test.ts',
              'test/worker/comment-page-size.test.ts',
              'test/worker/api/personal-data.test.ts',
            ],
          },
        },
        { ...node, test: { ...node.test, include: ['test/node/publication.test.ts', 'test/node/front-matter-dates.test.ts'] } },
      ],
    },
  };
});
