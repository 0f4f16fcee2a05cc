/**
 * The test suite as Stryker runs it (`npm run test:mutation`), narrowed to the tests written against
 * src/domain/, src/text/ and src/services/, so that each of the hundreds of mutants costs seconds, not minutes:
 * - `rules`: the tests of the pure rules (test/worker/domain, test/worker/text) and of the services that touch no
 *   storage (mail, webhook), in workerd like every Worker test, without the setup that migrates D1 and fills KV, in
 *   one shared worker;
 * - `worker`: the other service tests (test/worker/services), with that setup, and the API test of personal-data
 *   requests (services/personal-data.ts has no test of its own);
 * - `node`: the publisher's validation tests (dates and words of front matter).
 * The other page, API and feed tests reach these rules only through HTTP and are left out: the score is measured
 * without their help, which can only make it lower than the whole suite's.
 */
import type { TestProjectInlineConfiguration, UserConfig } from 'vitest/config';
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** Service tests that touch neither D1 nor KV: they run with the rules, without the per-file setup. */
const STORAGE_FREE_SERVICE_TESTS = ['test/worker/services/mail.test.ts', 'test/worker/services/webhook.test.ts'];

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
            include: ['test/worker/domain/**/*.test.ts', 'test/worker/text/**/*.test.ts', ...STORAGE_FREE_SERVICE_TESTS],
            setupFiles: [],
            isolate: false,
          },
        },
        {
          ...worker,
          test: {
            ...worker.test,
            // personal-data.ts has no test of its own: its API test is its specification.
            include: ['test/worker/services/**/*.test.ts', 'test/worker/api/personal-data.test.ts'],
            exclude: [...configDefaults.exclude, ...STORAGE_FREE_SERVICE_TESTS],
          },
        },
        { ...node, test: { ...node.test, include: ['test/node/publication.test.ts', 'test/node/front-matter-dates.test.ts'] } },
      ],
    },
  };
});
