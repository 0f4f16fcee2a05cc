/**
 * The publisher's manifest key for a source file: a hash of the file and of the code that renders it. A file whose
 * hash matches the manifest (D1 `articles.source_hash`) is not even rendered again, which keeps a republish of a
 * 100,000-article archive to reading and hashing files. Any change to the renderer (this code, the front matter rules,
 * the text utilities, marked or sanitize-html) changes every hash, so the next publish renders everything once.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const RENDERER_FILES = [
  './publication.ts',
  '../../src/validation/front-matter.ts',
  '../../src/domain/article.ts',
  '../../src/text/dates.ts',
  '../../src/text/slug.ts',
  '../../src/text/words.ts',
];
const RENDERER_PACKAGES = ['marked', 'sanitize-html', 'gray-matter', 'yaml'];

const require = createRequire(import.meta.url);
const packageVersion = (name: string): string => {
  try {
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
};

/** Changes whenever anything that renders an article changes. */
const RENDERER_VERSION = createHash('sha256')
  .update(RENDERER_FILES.map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\0'))
  .update(RENDERER_PACKAGES.map((name) => `${name}@${packageVersion(name)}`).join(','))
  .digest('hex');

/**
 * The manifest hash of a source file's text.
 * @example sourceHash('---\ntitle: …') // '3f1c…'
 */
export const sourceHash = (source: string): string =>
  createHash('sha256').update(RENDERER_VERSION).update('\0').update(source).digest('hex');
