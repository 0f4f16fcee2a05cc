// Lighthouse (mobile preset) on the article page, in Debian's Chromium.
import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { artifactPath } from './artifacts.ts';
import { approvedComment, CHROMIUM, SEED_PATH, url } from './browser.ts';

const LIGHTHOUSE_CLI = join(createRequire(import.meta.url).resolve('lighthouse/package.json'), '..', 'cli', 'index.js');
const TARGETS = { accessibility: 100, 'best-practices': 100, seo: 100, performance: 95 } as const;

// Audit the thread as readers see it: with comments, the sort links and the «أتفق» buttons.
beforeAll(async () => {
  await approvedComment({ name: 'قارئة', body: 'تعليق يظهر في الفحص' });
  await approvedComment({ name: 'قارئ', body: 'تعليق ثان يظهر في الفحص' });
});

describe('Lighthouse on the article page (mobile)', () => {
  it('scores Accessibility 100, Best Practices 100, SEO 100 and Performance at least 95', { timeout: 720_000 }, async () => {
    const report = await artifactPath('lighthouse-article.json');
    const flags =
      '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
    type Report = {
      categories: Record<string, { score: number | null }>;
      audits: Record<string, { score: number | null; title: string; scoreDisplayMode: string }>;
    };
    // One Lighthouse run on a shared 2-core machine can lose several performance points to a neighbour's load
    // (CI once scored 92 where an idle run scores 100). Lighthouse's own guidance for variance is to run it more
    // than once and keep the median run, so the page is judged by three runs' median performance score; the other
    // categories are the same in every run. A run that fails to record its trace (NO_NAVSTART, "Please run
    // Lighthouse again") or yields no performance score is repeated, up to six attempts in all.
    const runs: Report[] = [];
    for (let attempt = 1; attempt <= 6 && runs.length < 3; attempt++) {
      const run = await promisify(execFile)(
        process.execPath,
        [
          LIGHTHOUSE_CLI,
          url(SEED_PATH),
          '--output=json',
          `--output-path=${report}`,
          `--chrome-flags=${flags}`,
          '--only-categories=performance,accessibility,best-practices,seo',
          '--quiet',
        ],
        { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 110_000 },
      ).then(
        () => JSON.parse(readFileSync(report, 'utf8')) as Report,
        (error: Error) => {
          if (attempt === 6 || !/NO_NAVSTART|run Lighthouse again/i.test(error.message)) throw error;
          return undefined;
        },
      );
      if (run && (run.categories.performance?.score ?? null) !== null) runs.push(run);
    }
    expect(runs.length, 'Lighthouse produced three runs with a performance score').toBe(3);
    runs.sort((a, b) => (a.categories.performance?.score ?? 0) - (b.categories.performance?.score ?? 0));
    const result = runs[1] as Report;
    writeFileSync(report, JSON.stringify(result));
    console.log(
      `Lighthouse performance in three runs: ${runs.map((r) => Math.round((r.categories.performance?.score ?? 0) * 100)).join(', ')}`,
    );
    const { categories, audits } = result as Report;
    const scores = Object.fromEntries(Object.keys(TARGETS).map((k) => [k, Math.round((categories[k]?.score ?? 0) * 100)]));
    console.log(`Lighthouse scores: ${JSON.stringify(scores)} (report: ${report})`);
    const failing = Object.entries(audits)
      .filter(([, a]) => a.score !== null && a.score < 1 && a.scoreDisplayMode === 'binary')
      .map(([id, a]) => `${id}: ${a.title}`);
    for (const [category, target] of Object.entries(TARGETS))
      expect({ category, score: scores[category], failing }).toMatchObject({
        category,
        score: expect.toSatisfy((s: number) => s >= target),
      });
  });
});
