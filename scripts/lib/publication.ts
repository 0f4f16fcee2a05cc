/**
 * Turns content/articles/*.md into the documents the Worker serves: validation, Markdown → sanitized HTML,
 * content hashes and the feeds are all computed here, once, at publish time (the catalog rows: catalog-sql.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import matter from 'gray-matter';
import { Marked, type Token, type Tokens } from 'marked';
import sanitizeHtml from 'sanitize-html';
import YAML from 'yaml';
import {
  type ArticleDocument,
  type ArticleFeed,
  type ArticleSummary,
  FEED_SIZE,
  type Heading,
  MIN_LARGE_IMAGE_WIDTH,
} from '../../src/domain/article.ts';
import { API_DOCUMENT_KEY, articleKey, feedKey } from '../../src/storage/article-keys.ts';
import { parseEditorDate, toNewsroomTime } from '../../src/text/dates.ts';
import { isSlug, uniqueIds } from '../../src/text/slug.ts';
import { countWords, readingMinutes } from '../../src/text/words.ts';
import { frontMatterSchema } from '../../src/validation/front-matter.ts';

/** One problem with one content file, precise enough for an editor to fix it. */
export interface PublishError {
  file: string;
  field: string;
  message: string;
}

/** An article source file as read from disk. */
export interface SourceFile {
  /** Path shown in errors, e.g. `content/articles/libya.md`. */
  path: string;
  source: string;
}

/** Everything one publish writes. */
export interface Publication {
  articles: ArticleDocument[];
  /** The site's feed and one per category, keyed by their KV keys. */
  feeds: Map<string, ArticleFeed>;
}

/** One entry of `wrangler kv bulk put`. */
export type KvEntry = {
  key: string;
  value: string;
  metadata: { hash: string };
};

/** Tags and attributes the article body may use; anything else in the rendered HTML is a publish error. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'h2',
    'h3',
    'h4',
    'blockquote',
    'ul',
    'ol',
    'li',
    'strong',
    'em',
    'a',
    'code',
    'pre',
    'br',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    'img',
    'del',
    'sup',
    'sub',
  ],
  allowedAttributes: {
    a: ['href', 'title'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
};

/** Reads every `*.md` file of `dir`, sorted by name so output order never depends on the file system. */
export async function readContentDir(dir: string): Promise<SourceFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.md')).sort();
  return Promise.all(names.map(async (name) => ({ path: join(dir, name), source: await readFile(join(dir, name), 'utf8') })));
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Visible text of HTML that marked produced (tags become spaces; marked only emits the five basic entities). */
export function plainText(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&(?:amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);
}

interface RenderedBody {
  html: string;
  headings: Heading[];
  errors: Array<Omit<PublishError, 'file'>>;
}

/** Markdown → HTML with stable heading ids. Raw HTML, level-1 headings and unsafe links are errors, not silently dropped. */
function renderBody(markdown: string): RenderedBody {
  const errors: RenderedBody['errors'] = [];
  const headings: Heading[] = [];
  const nextId = uniqueIds();
  const marked = new Marked({
    gfm: true,
    async: false,
    renderer: {
      heading({ tokens, depth }: Tokens.Heading) {
        const inner = this.parser.parseInline(tokens);
        const text = plainText(inner).trim();
        const id = nextId(text);
        if (depth === 2) headings.push({ id, text });
        return `<h${depth} id="${id}">${inner}</h${depth}>\n`;
      },
    },
    walkTokens(token: Token) {
      if (token.type === 'html')
        errors.push({
          field: 'body',
          message: `raw HTML is not allowed, write Markdown instead: ${token.raw.trim().slice(0, 60)}`,
        });
      if (token.type === 'heading' && (token.depth === 1 || token.depth > 4))
        errors.push({
          field: 'body',
          message: `heading level ${token.depth} is not allowed ("${token.text}"): the title is the only level-1 heading; use ## to ####`,
        });
    },
  });
  const html = marked.parse(markdown) as string;
  const safe = sanitizeHtml(html, SANITIZE_OPTIONS);
  if (errors.length === 0 && safe !== html)
    errors.push({ field: 'body', message: 'contains a link or image that is not allowed (only http, https and mailto URLs)' });
  if (plainText(safe).trim() === '') errors.push({ field: 'body', message: 'must not be empty' });
  return { html: safe, headings, errors };
}

/** Images of the article narrower than Google Discover's large previews need: worth fixing, not worth refusing. */
function imageWarnings(image: ArticleDocument['image']): Array<{ field: string; message: string }> {
  if (!image) return [];
  return [{ field: 'image', ...image }, ...image.variants.map((v, i) => ({ field: `image.variants.${i}`, ...v }))]
    .filter((i) => i.width < MIN_LARGE_IMAGE_WIDTH)
    .map((i) => ({
      field: i.field,
      message: `is ${i.width} px wide; Google Discover shows large images only from ${MIN_LARGE_IMAGE_WIDTH} px (${i.url})`,
    }));
}

/** Validates and renders one source file into an article document; warnings never stop a publish. */
export function buildArticle(file: SourceFile): { article?: ArticleDocument; errors: PublishError[]; warnings?: PublishError[] } {
  const at = (field: string, message: string): PublishError => ({ file: file.path, field, message });
  let parsed: matter.GrayMatterFile<string>;
  try {
    // The yaml package follows YAML 1.2: dates stay strings, so the schema sees exactly what the editor typed.
    parsed = matter(file.source.normalize('NFC'), { engines: { yaml: (s: string) => YAML.parse(s) as object } });
  } catch (error) {
    return { errors: [at('front matter', `is not valid YAML: ${(error as Error).message.split('\n')[0]}`)] };
  }
  const result = frontMatterSchema.safeParse(parsed.data);
  const errors: PublishError[] = result.success
    ? []
    : result.error.issues.map((issue) => at(issue.path.join('.') || 'front matter', issue.message));
  const slug = (result.success && result.data.slug) || basename(file.path, '.md').normalize('NFC');
  if (!isSlug(slug)) errors.push(at('slug', `"${slug}" (from the file name) is not a valid slug; rename the file or set slug`));
  const body = renderBody(parsed.content);
  errors.push(...body.errors.map((e) => at(e.field, e.message)));
  if (!result.success || errors.length > 0) return { errors };

  const fm = result.data;
  const published = toNewsroomTime(parseEditorDate(fm.published) as Date);
  const words = countWords(plainText(body.html));
  const content: Omit<ArticleDocument, 'hash'> = {
    slug,
    title: fm.title,
    dek: fm.dek,
    category: fm.category,
    tags: fm.tags,
    authors: fm.authors.map((author) => (typeof author === 'string' ? { name: author, url: null } : author)),
    image: fm.image ?? null,
    published_at: published,
    updated_at: fm.updated ? toNewsroomTime(parseEditorDate(fm.updated) as Date) : published,
    comments_open: fm.comments === 'open',
    body_html: body.html,
    headings: body.headings,
    word_count: words,
    reading_minutes: readingMinutes(words),
  };
  const warnings = imageWarnings(content.image).map((w) => at(w.field, w.message));
  return { article: { ...content, hash: sha256(JSON.stringify(content)) }, errors: [], warnings };
}

/** Code-unit order of slugs: the order SQLite's BINARY collation gives the catalog (src/storage/article-catalog.ts). */
const bySlugOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Newest first, then by slug: the order of every list, the same as the catalog's positions reversed. */
export const newestFirst = (
  a: Pick<ArticleSummary, 'published_at' | 'slug'>,
  b: Pick<ArticleSummary, 'published_at' | 'slug'>,
): number => Date.parse(b.published_at) - Date.parse(a.published_at) || bySlugOrder(a.slug, b.slug);

/** A feed's hash: its category (null for the site's feed) and its articles' hashes, newest first. */
export const feedHash = (category: ArticleFeed['category'], hashes: string[]): string =>
  sha256(JSON.stringify([category, hashes]));

/**
 * The site's feed and one per category, from articles in newest-first order. Only the newest FEED_SIZE of each list
 * are read, so the caller may pass just those (the publisher renders no more than that).
 */
export function buildFeeds(newest: ArticleDocument[]): Map<string, ArticleFeed> {
  const feed = (list: ArticleDocument[], category: ArticleFeed['category']): ArticleFeed => {
    const items = list.slice(0, FEED_SIZE);
    return {
      hash: feedHash(
        category,
        items.map((a) => a.hash),
      ),
      category,
      articles: items,
    };
  };
  const feeds = new Map<string, ArticleFeed>([[feedKey(), feed(newest, null)]]);
  const byCategory = new Map<string, ArticleDocument[]>();
  for (const article of newest)
    byCategory.set(article.category.slug, [...(byCategory.get(article.category.slug) ?? []), article]);
  for (const [slug, list] of byCategory)
    feeds.set(feedKey(slug), feed(list, { slug, name: (list[0] as ArticleDocument).category.name }));
  return feeds;
}

/**
 * The rules that span files, fed one article at a time (so a publisher can stream): a slug is used once, and a
 * category slug has one name. Returns the errors the article adds.
 * @example const check = acrossFiles(); check('a.md', 'x', libya); check('b.md', 'x', libya) // [slug error]
 */
export function acrossFiles(): (path: string, slug: string, category: { slug: string; name: string }) => PublishError[] {
  const bySlug = new Map<string, string>();
  const categoryNames = new Map<string, { name: string; file: string }>();
  return (path, slug, category) => {
    const errors: PublishError[] = [];
    const other = bySlug.get(slug);
    if (other) errors.push({ file: path, field: 'slug', message: `"${slug}" is already used by ${other}` });
    bySlug.set(slug, path);
    const known = categoryNames.get(category.slug);
    if (known && known.name !== category.name)
      errors.push({
        file: path,
        field: 'category.name',
        message: `"${category.name}" differs from "${known.name}" in ${known.file} for category ${category.slug}`,
      });
    else categoryNames.set(category.slug, { name: category.name, file: path });
    return errors;
  };
}

/** Validates every file; returns the publication only when all of them are valid. */
export function buildPublication(files: SourceFile[]): {
  publication?: Publication;
  errors: PublishError[];
  warnings?: PublishError[];
} {
  const built = files.map((file) => ({ file, ...buildArticle(file) }));
  const errors = built.flatMap((b) => b.errors);
  const warnings = built.flatMap((b) => b.warnings ?? []);
  const check = acrossFiles();
  for (const { file, article } of built) if (article) errors.push(...check(file.path, article.slug, article.category));
  if (errors.length > 0) return { errors };

  const articles = built.flatMap((b) => (b.article ? [b.article] : []));
  return { publication: { articles, feeds: buildFeeds([...articles].sort(newestFirst)) }, errors: [], warnings };
}

/**
 * The OpenAPI document as committed (`npm run openapi` writes it), with its hash. It is published beside the index
 * and the feeds rather than bundled into the Worker, which would carry ~8 KiB gzip of it on every cold start.
 */
function apiDocument(): { hash: string; document: unknown } {
  const text = readFileSync(new URL('../../schemas/openapi.json', import.meta.url), 'utf8');
  return { hash: sha256(text), document: JSON.parse(text) };
}

/** The `wrangler kv bulk put` entry of a document, its hash in the metadata. */
export const kvEntry = (key: string, value: { hash: string }): KvEntry => ({
  key,
  value: JSON.stringify(value),
  metadata: { hash: value.hash },
});

/** The feeds' and the OpenAPI document's entries. */
export const derivedEntries = (feeds: Map<string, ArticleFeed>): KvEntry[] => [
  ...[...feeds].map(([key, feed]) => kvEntry(key, feed)),
  kvEntry(API_DOCUMENT_KEY, apiDocument()),
];

/** The KV entries of a publication, then what is derived from all of them (the feeds). */
export function toKvEntries(publication: Publication): { articles: KvEntry[]; derived: KvEntry[] } {
  return {
    articles: publication.articles.map((a) => kvEntry(articleKey(a.slug), a)),
    derived: derivedEntries(publication.feeds),
  };
}

/** Human-readable lines for publish errors: `file: field: message`. */
export const formatErrors = (errors: PublishError[]): string =>
  errors.map((e) => `${e.file}: ${e.field}: ${e.message}`).join('\n');
