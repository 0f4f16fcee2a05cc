/**
 * What the publisher remembers of the source files between runs, as git's index does: each file's size, modification
 * and change times with its source hash (source-hash.ts). A file whose size and times are as remembered is not read
 * again, so republishing 100,000 articles stats them instead of reading and hashing 450 MB. It is only a cache: when it
 * is missing, was written by another renderer version or for another content folder, every file is read; a file
 * written within the last seconds is never remembered (a second write in the same clock tick would go unnoticed).
 */
import type { Stats } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { sourceHash } from './source-hash.ts';

/** Files modified this recently are read again next time rather than trusted by their times. */
const SETTLE_MS = 2000;

/** What identifies a file's version without reading it (the change time moves even when a tool restores mtime). */
const statKey = (stats: Stats): string => `${stats.size}:${stats.mtimeMs}:${stats.ctimeMs}`;

interface CacheFile {
  renderer: string;
  content: string;
  files: Record<string, [stat: string, hash: string]>;
}

/**
 * The cache kept in `file` for the sources in `contentDir`.
 * @example const cache = await sourceCache('.wrangler/state/publish-sources.json', 'content/articles')
 */
export async function sourceCache(file: string, contentDir: string) {
  // The hash of an empty source stands for the renderer version: every hash changes with it.
  const renderer = sourceHash('');
  const content = resolve(contentDir);
  let known: CacheFile['files'] = {};
  try {
    const stored = JSON.parse(await readFile(file, 'utf8')) as CacheFile;
    if (stored.renderer === renderer && stored.content === content) known = stored.files;
  } catch {
    // No cache yet (or an unreadable one): every file is read.
  }
  const next: CacheFile['files'] = {};
  return {
    /** The remembered hash of `name` when its size and times are unchanged. */
    hashOf(name: string, stats: Stats): string | undefined {
      const entry = known[name];
      if (!entry || entry[0] !== statKey(stats)) return undefined;
      next[name] = entry;
      return entry[1];
    },
    /** Records the hash of a file just read. */
    remember(name: string, stats: Stats, hash: string) {
      if (Date.now() - stats.mtimeMs >= SETTLE_MS && Date.now() - stats.ctimeMs >= SETTLE_MS) next[name] = [statKey(stats), hash];
    },
    /** Writes what this run saw (files no longer there are forgotten). */
    async save() {
      await mkdir(dirname(file), { recursive: true });
      await writeFile(file, JSON.stringify({ renderer, content, files: next } satisfies CacheFile));
    },
  };
}
