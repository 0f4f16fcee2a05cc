/**
 * `npm run test:e2e`: the real site (started the way `npm start` starts it) driven in Debian's Chromium.
 * One file at a time: a browser, workerd and Lighthouse already fill the two cores of the machine.
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'e2e',
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
