/**
 * Verifying what KV holds against what the publisher would write. KV metadata carries each document's hash, and a
 * publish skips documents whose hash is unchanged; a value damaged in place (truncated, edited by hand, `{}`) keeps
 * its metadata, so only reading the value itself finds it. `npm run publish -- --verify` reads every document whose
 * hash looks current and rewrites those whose value is not exactly what this publication writes.
 */
import { ARTICLE_KEY_PREFIX } from '../../src/storage/article-keys.ts';
import type { KvEntry, PublishPlan } from './publication.ts';

/** A publish plan that also rewrites corrupt documents. */
export interface VerifiedPlan extends PublishPlan {
  /** Keys whose stored value did not match its hash, rewritten by this publish. */
  corrupt: string[];
}

/**
 * Entries whose metadata hash in KV is current (a plain publish would leave them alone): the ones to read back.
 * @example entriesToVerify([...entries.articles, ...entries.derived], current)
 */
export const entriesToVerify = (entries: KvEntry[], current: Map<string, string | undefined>): KvEntry[] =>
  entries.filter((e) => current.get(e.key) === e.metadata.hash);

/** Keys whose stored value (null when it is gone) is not the value the publication writes. */
export const findCorrupt = (entries: KvEntry[], stored: Map<string, string | null>): string[] =>
  entries.filter((e) => stored.get(e.key) !== e.value).map((e) => e.key);

/** The plan with corrupt documents moved from "unchanged" to what is written. */
export function repairPlan(plan: PublishPlan, corrupt: string[]): VerifiedPlan {
  const articles = new Set(
    corrupt.filter((k) => k.startsWith(ARTICLE_KEY_PREFIX)).map((k) => k.slice(ARTICLE_KEY_PREFIX.length)),
  );
  const derived = corrupt.filter((k) => !k.startsWith(ARTICLE_KEY_PREFIX));
  return {
    ...plan,
    unchanged: plan.unchanged.filter((slug) => !articles.has(slug)),
    derivedChanged: [...new Set([...plan.derivedChanged, ...derived])],
    corrupt,
  };
}
