/**
 * The test suites Stryker runs (`npm run test:mutation`), narrowed to the tests written against src/domain/,
 * src/text/ and src/services/, so that each of the hundreds of mutants costs seconds, not minutes.
 * MUTATION_SUITE chooses one (stryker.config.json sets nothing and gets `rules`; the services run sets `services`):
 * - `rules`, for src/domain/ and src/text/: the tests of the pure rules (test/worker/domain, test/worker/text) in
 *   workerd like every Worker test, without the setup that migrates D1 and fills KV; and the
 *   publisher's validation tests (dates and words of front matter) in Node.
 * - `services`, for src/services/: the service tests (test/worker/services) with that setup, those that touch no
 *   storage (mail, webhook) without it, and the API test of personal-data requests (services/personal-data.ts has
 *   no test of its own).
 *   The tests of the services the desk Worker runs (the comment-events consumer, the retention cron) live in
 *   test/desk and run in its project: they call the desk Worker's queue and scheduled handlers.
 * Two suites because a mutant in a module's top-level code (a word list, a plural form) runs every test related to
 * its file: the pure rules alone take seconds, the storage tests a minute.
 * The other page, API and feed tests reach these rules only through HTTP and are left out: the score is measured
 * without their help, which can only make it lower than the whole suite's.
 */
import type { TestProjectInlineConfiguration, UserConfig } from 'vitest/config';
import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

/** Service tests that touch neither D1 nor KV: they run with the rules, without the per-file setup. */
const STORAGE_FREE_SERVICE_TESTS = ['test/worker/services/mail.test.ts', 'test/worker/services/webhook.test.ts'];

/** Service tests in the desk project (the services the desk Worker hosts). */
const DESK_SERVICE_TESTS = ['test/desk/notify-moderators.test.ts', 'test/desk/retention.test.ts'];

export default defineConfig(async (env) => {
  const config = await (base as (e: typeof env) => Promise<UserConfig>)(env);
  const projects = (config.test?.projects ?? []) as TestProjectInlineConfiguration[];
  const named = (name: string) => projects.find((project) => project.test?.name === name) ?? {};
  const worker = named('worker');
  const node = named('node');
  const desk = named('desk');
  /** Worker tests without the D1 and KV setup. */
  const storageFree = (name: string, include: string[]): TestProjectInlineConfiguration => ({
    ...worker,
    // Isolated: with one shared worker a mutant of top-level code was never re-evaluated, so it always "survived".
    test: { ...worker.test, name, include, setupFiles: [] },
  });
  const suites: Record<string, TestProjectInlineConfiguration[]> = {
    rules: [
      storageFree('rules', ['test/worker/domain/**/*.test.ts', 'test/worker/text/**/*.test.ts']),
      { ...node, test: { ...node.test, include: ['test/node/publication.test.ts', 'test/node/front-matter-dates.test.ts'] } },
    ],
    services: [
      storageFree('storage-free services', STORAGE_FREE_SERVICE_TESTS),
      {
        ...worker,
        test: {
          ...worker.test,
          include: ['test/worker/services/**/*.test.ts', 'test/worker/api/personal-data.test.ts'],
          exclude: [...configDefaults.exclude, ...STORAGE_FREE_SERVICE_TESTS],
        },
      },
      { ...desk, test: { ...desk.test, include: DESK_SERVICE_TESTS } },
    ],
  };
  const suite = suites[process.env.MUTATION_SUITE ?? 'rules'];
  if (!suite) throw new Error(`MUTATION_SUITE: expected one of ${Object.keys(suites).join(', ')}`);
  return { ...config, test: { ...config.test, projects: suite } };
});
