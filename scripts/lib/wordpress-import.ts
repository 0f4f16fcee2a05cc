/**
 * Plans a WordPress import: which posts become which content/articles/<slug>.md files, which comments go to D1
 * (cleaned like new comments, IPs hashed, threads remapped), which old URLs redirect where, and what was skipped
 * and why. Pure apart from hashing; scripts/import-wordpress.ts does the reading and writing.
 */
import YAML from 'yaml';
import { hmacHex, sha256Hex } from '../../src/crypto.ts';
import type { CommentStatus } from '../../src/domain/comment.ts';
import { legacyKey } from '../../src/domain/legacy-urls.ts';
import { REFRESH_VISIBILITY_SQL } from '../../src/storage/comment-visibility.ts';
import { foldArabic } from '../../src/text/arabic.ts';
import { toNewsroomTime } from '../../src/text/dates.ts';
import { indexText } from '../../src/text/search.ts';
import { isSlug, slugify } from '../../src/text/slug.ts';
import { articlePath, categoryPath } from '../../src/urls.ts';
import { parseCommentInput } from '../../src/validation/comment.ts';
import { type AttachmentUrls, commentToText, inlineText, postToMarkdown } from './wordpress-html.ts';
import type { WxrComment, WxrItem, WxrSite, WxrTerm } from './wxr.ts';

/** Deepest reply Minbar keeps (comments.depth); deeper WordPress replies hang under their ancestor at this depth. */
const MAX_DEPTH = 5;
/** WordPress cuts a slug at 200 percent-encoded characters (sanitize_title_with_dashes → utf8_uri_encode). */
const WORDPRESS_SLUG_LIMIT = 200;
/** Longest dek the front matter accepts. */
const DEK_LIMIT = 600;

/** How to import. */
export interface ImportOptions {
  /** Secret of the HMAC that IPs are stored under (IP_HASH_SECRET). */
  ipHashSecret: string;
  /** Import published pages as articles too (by default they are skipped and counted). */
  includePages?: boolean;
}

/** One article file to write. */
interface ArticleFile {
  wordpressId: number;
  slug: string;
  /** The file's whole text: front matter and Markdown. */
  source: string;
}

/** One comment as it will be stored. */
export interface ImportComment {
  wordpressId: number;
  /** WordPress id of the comment it replies to (remapped to the Minbar id in SQL), or null. */
  parentWordpressId: number | null;
  articleSlug: string;
  depth: number;
  name: string;
  email: string;
  url: string | null;
  body: string;
  bodyFingerprint: string;
  status: CommentStatus;
  createdAt: string;
  ipHash: string;
}

/** A legacy URL map entry. */
export interface Redirect {
  key: string;
  target: string;
}

/** Everything an import would do, before comparing with what is already there. */
export interface ImportPlan {
  articles: ArticleFile[];
  comments: ImportComment[];
  redirects: Redirect[];
  /** Items not imported, counted by reason («draft post», «page», «attachment», …). */
  skippedItems: Map<string, number>;
  /** Comments not imported, counted by reason («pingback», «on a skipped post», …). */
  skippedComments: Map<string, number>;
  /** What was converted with a judgement call, or refused: a person should look. */
  notes: string[];
}

const count = (counts: Map<string, number>, reason: string) => counts.set(reason, (counts.get(reason) ?? 0) + 1);

/** A percent-encoded WordPress name, decoded and NFC (names that are not valid encoding are kept as they are). */
function decodeName(name: string): string {
  try {
    return decodeURIComponent(name).normalize('NFC');
  } catch {
    return name.normalize('NFC');
  }
}

/**
 * A clean slug for a post. WordPress cuts long Arabic slugs at 200 encoded characters, often mid-word (the seed's
 * ends in «ليبي»): a cut slug is completed to the end of that word from the title, or, when the title does not
 * continue it, shortened to its last whole word. Anything that is not a valid slug is made one from the title.
 * @example cleanSlug('%d8%aa…%d9%84%d9%8a%d8%a8%d9%8a', 'تركيا … ليبيا.. زيارة') // 'تركيا-…-ليبيا'
 */
export function cleanSlug(postName: string, title: string, fallback: string): string {
  const decoded = decodeName(postName).toLowerCase();
  const fromTitle = slugify(title);
  if (!isSlug(decoded)) return slugify(decoded) || fromTitle || fallback;
  const cut = encodeURIComponent(decoded).length > WORDPRESS_SLUG_LIMIT - 12 && decoded !== fromTitle;
  if (!cut) return decoded;
  if (fromTitle.startsWith(decoded)) {
    const end = fromTitle.indexOf('-', decoded.length);
    return end === -1 ? fromTitle : fromTitle.slice(0, end);
  }
  const lastHyphen = decoded.lastIndexOf('-');
  return lastHyphen > 0 ? decoded.slice(0, lastHyphen) : decoded;
}

/** Minbar's slug for a WordPress category: its nicename, decoded, when that is a valid slug. */
const categorySlug = (nicename: string): string => {
  const name = decodeName(nicename);
  return isSlug(name) ? name : slugify(name) || 'uncategorized';
};

/** `2025-04-03 07:15:00` (WordPress GMT) → a Date, or null for WordPress's `0000-00-00 00:00:00`. */
function gmtDate(text: string): Date | null {
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  return text.startsWith('0000') || Number.isNaN(date.getTime()) ? null : date;
}

/** A dek from the first paragraph, cut at a word to fit. */
function dekFromBody(markdown: string, title: string): string {
  const first = markdown.split('\n\n').find((block) => !/^(#|!\[|>|-|\d+\.|<http)/.test(block)) ?? title;
  const text = first.replace(/\s+/g, ' ').trim();
  if ([...text].length <= DEK_LIMIT) return text;
  const cut = [...text].slice(0, DEK_LIMIT - 1).join('');
  return `${cut.slice(0, cut.lastIndexOf(' '))}…`;
}

/** Why an item is not imported as an article, or null when it is. */
function skipReason(item: WxrItem, options: ImportOptions): string | null {
  const type = item.type === 'post' || (item.type === 'page' && options.includePages) ? 'post' : item.type;
  if (type !== 'post') return item.type === 'page' ? 'page (use --include-pages to import pages)' : item.type || 'no type';
  if (item.status === 'future') return 'scheduled';
  if (item.status !== 'publish') return item.status || 'no status';
  if (item.content.trim() === '') return 'empty';
  return null;
}

/** WordPress's comment_approved → a Minbar status. */
function commentStatus(approved: string): CommentStatus | null {
  const statuses: Record<string, CommentStatus> = {
    '1': 'approved',
    approve: 'approved',
    '0': 'pending',
    hold: 'pending',
    spam: 'spam',
    trash: 'trash',
    'post-trashed': 'trash',
  };
  return statuses[approved] ?? null;
}

/** Comments in an order where every parent comes before its replies, oldest first otherwise. */
function threadOrder(comments: WxrComment[]): WxrComment[] {
  const byDate = [...comments].sort((a, b) => a.dateGmt.localeCompare(b.dateGmt) || a.id - b.id);
  const ids = new Set(byDate.map((c) => c.id));
  const placed = new Set<number>();
  const ordered: WxrComment[] = [];
  let pending = byDate;
  while (pending.length > 0) {
    const deferred: WxrComment[] = [];
    for (const c of pending) {
      if (c.parentId === 0 || !ids.has(c.parentId) || placed.has(c.parentId)) {
        placed.add(c.id);
        ordered.push(c);
      } else deferred.push(c);
    }
    // A cycle in the export: keep those comments anyway (importComments makes them top-level).
    if (deferred.length === pending.length) return [...ordered, ...deferred];
    pending = deferred;
  }
  return ordered;
}

/** The category that becomes the article's (Minbar articles have one). */
const firstCategory = (item: WxrItem): WxrTerm | undefined => item.terms.find((t) => t.domain === 'category' && t.nicename);

/** The front matter and body of one article file. */
function articleSource(item: WxrItem, site: WxrSite, slug: string, attachments: AttachmentUrls, notes: string[]): string | null {
  const { markdown, notes: conversionNotes } = postToMarkdown(item.content, attachments);
  for (const note of conversionNotes) notes.push(`post ${item.id} («${slug}»): ${note}`);
  const published = gmtDate(item.postDateGmt);
  if (!published) {
    notes.push(`post ${item.id} («${slug}») has no publication date and was not imported`);
    return null;
  }
  const modified = gmtDate(item.modifiedGmt);
  const title = inlineText(item.title) || slug;
  let dek = inlineText(item.excerpt);
  if (!dek) {
    dek = dekFromBody(markdown, title);
    notes.push(`post ${item.id} («${slug}») has no excerpt: its dek is the first paragraph`);
  }
  const category = firstCategory(item);
  const frontMatter = {
    title,
    dek,
    category: category
      ? { slug: categorySlug(category.nicename), name: inlineText(category.name) || decodeName(category.nicename) }
      : { slug: 'uncategorized', name: 'غير مصنف' },
    published: toNewsroomTime(published),
    ...(modified && modified.getTime() > published.getTime() ? { updated: toNewsroomTime(modified) } : {}),
    tags: item.terms.filter((t) => t.domain === 'post_tag').map((t) => inlineText(t.name)),
    authors: item.creator ? [site.authors.get(item.creator) || item.creator] : [],
    comments: item.commentStatus === 'closed' ? 'closed' : 'open',
  };
  return `---\n${YAML.stringify(frontMatter, { lineWidth: 0 })}---\n\n${markdown}\n`;
}

/** The comments of one imported post, cleaned, hashed and threaded. */
async function importComments(item: WxrItem, slug: string, plan: ImportPlan, options: ImportOptions): Promise<void> {
  const threads = new Map<number, number[]>(); // imported comment → its ancestors, root first
  for (const c of threadOrder(item.comments)) {
    if (c.type === 'pingback' || c.type === 'trackback') {
      count(plan.skippedComments, c.type);
      continue;
    }
    if (c.type !== '' && c.type !== 'comment') {
      count(plan.skippedComments, `type «${c.type}»`);
      continue;
    }
    const status = commentStatus(c.approved);
    const createdAt = gmtDate(c.dateGmt);
    const where = `comment ${c.id} on «${slug}»`;
    if (!status || !createdAt) {
      count(plan.skippedComments, !status ? `unknown status «${c.approved}»` : 'no date');
      plan.notes.push(`${where}: ${!status ? `status «${c.approved}» is unknown` : 'no date'}; not imported`);
      continue;
    }
    const raw = { name: c.author, email: c.email, ...(c.url ? { url: c.url } : {}), body: commentToText(c.content) };
    let parsed = parseCommentInput(raw);
    if (!parsed.ok && parsed.errors.url) {
      plan.notes.push(`${where}: website «${c.url}» is not a valid http(s) address; dropped`);
      delete raw.url;
      parsed = parseCommentInput(raw);
    }
    if (!parsed.ok && parsed.errors.name) {
      plan.notes.push(`${where}: no usable name; shown as «زائر»`);
      raw.name = 'زائر';
      parsed = parseCommentInput(raw);
    }
    if (!parsed.ok && parsed.errors.email) {
      plan.notes.push(`${where}: email «${c.email}» is not valid; stored as wordpress-${c.id}@invalid.invalid`);
      raw.email = `wordpress-${c.id}@invalid.invalid`;
      parsed = parseCommentInput(raw);
    }
    if (!parsed.ok) {
      count(plan.skippedComments, 'invalid');
      plan.notes.push(`${where}: ${Object.values(parsed.errors).flat().join(' ')}; not imported`);
      continue;
    }
    const parent = threads.get(c.parentId);
    if (c.parentId !== 0 && !parent)
      plan.notes.push(`${where}: replies to comment ${c.parentId}, not imported; kept as top-level`);
    let ancestors = parent ? [...parent, c.parentId] : [];
    if (ancestors.length >= MAX_DEPTH) {
      plan.notes.push(`${where}: ${ancestors.length + 1} levels deep; attached at level ${MAX_DEPTH}`);
      ancestors = ancestors.slice(0, MAX_DEPTH - 1);
    }
    const parentId = ancestors.at(-1) ?? null;
    threads.set(c.id, ancestors);
    const { input } = parsed;
    plan.comments.push({
      wordpressId: c.id,
      parentWordpressId: parentId,
      articleSlug: slug,
      depth: ancestors.length + 1,
      name: input.name,
      email: input.email,
      url: input.url || null,
      body: input.body,
      bodyFingerprint: await sha256Hex(foldArabic(input.body)),
      status,
      createdAt: createdAt.toISOString(),
      ipHash: await hmacHex(options.ipHashSecret, c.ip),
    });
  }
}

/**
 * Plans the import of a parsed export.
 * @example const plan = await planImport(parseWxr(xml), { ipHashSecret: env.IP_HASH_SECRET })
 */
export async function planImport(site: WxrSite, options: ImportOptions): Promise<ImportPlan> {
  const plan: ImportPlan = {
    articles: [],
    comments: [],
    redirects: [],
    skippedItems: new Map(),
    skippedComments: new Map(),
    notes: [],
  };
  const slugs = new Set<string>();
  // Attachment URLs by id, for [gallery ids="…"].
  const attachments: AttachmentUrls = new Map(
    site.items.filter((i) => i.type === 'attachment' && i.attachmentUrl).map((i) => [i.id, i.attachmentUrl]),
  );
  const redirect = (key: string, target: string) => {
    if (!plan.redirects.some((r) => r.key === key)) plan.redirects.push({ key, target });
  };
  for (const item of site.items) {
    const reason = skipReason(item, options);
    if (reason) {
      count(plan.skippedItems, reason);
      for (const _ of item.comments) count(plan.skippedComments, `on a skipped ${item.type}`);
      continue;
    }
    let slug = cleanSlug(item.postName, inlineText(item.title), `post-${item.id}`);
    if (slugs.has(slug)) {
      plan.notes.push(`post ${item.id}: slug «${slug}» is taken by another post; using «${slug}-${item.id}»`);
      slug = `${slug}-${item.id}`;
    }
    const source = articleSource(item, site, slug, attachments, plan.notes);
    if (source === null) {
      count(plan.skippedItems, 'no date');
      continue;
    }
    slugs.add(slug);
    plan.articles.push({ wordpressId: item.id, slug, source });
    const target = articlePath(slug);
    redirect(legacyKey.id(item.id), target);
    if (item.postName) redirect(legacyKey.post(decodeName(item.postName)), target);
    // Only a post's first category becomes a Minbar category, so only first categories have a page to go to.
    const category = firstCategory(item);
    if (category) redirect(legacyKey.category(decodeName(category.nicename)), categoryPath(categorySlug(category.nicename)));
    await importComments(item, slug, plan, options);
  }
  return plan;
}

/** A SQL string literal; line breaks are kept (as char(10)) so a comment's paragraphs survive. */
const sqlText = (text: string): string =>
  text
    .split('\n')
    .map((line) => `'${line.replaceAll("'", "''")}'`)
    .join(' || char(10) || ');

const sqlValue = (value: string | number | null): string =>
  value === null ? 'NULL' : typeof value === 'number' ? String(value) : sqlText(value);

/**
 * The SQL that stores new comments (parents remapped through their WordPress ids, approved ones indexed for search
 * and their articles' comment versions bumped) and new legacy URLs. Every statement is guarded, so applying it
 * twice adds nothing, and a comment imported once is never imported again. `importedAt` is each comment's
 * `updated_at`: when its status was set on Minbar, so retention's clock for imported spam and trash starts now.
 */
export function importSql(comments: ImportComment[], redirects: Redirect[], importedAt: string): string {
  const lines: string[] = [];
  for (const r of redirects)
    lines.push(
      `INSERT INTO legacy_urls (key, target) VALUES (${sqlText(r.key)}, ${sqlText(r.target)}) ON CONFLICT (key) DO NOTHING;`,
    );
  for (const c of comments) {
    const parent =
      c.parentWordpressId === null ? 'NULL' : `(SELECT id FROM comments WHERE wordpress_id = ${c.parentWordpressId})`;
    const values = [
      sqlValue(c.articleSlug),
      parent,
      sqlValue(c.depth),
      sqlValue(c.name),
      sqlValue(c.email),
      sqlValue(c.url),
      sqlValue(c.body),
      sqlValue(c.bodyFingerprint),
      sqlValue(c.status),
      sqlValue(c.createdAt),
      sqlValue(importedAt),
      sqlValue(c.ipHash),
      sqlValue(c.wordpressId),
    ];
    lines.push(
      `INSERT OR IGNORE INTO comments (article_slug, parent_id, depth, author_name, author_email, author_url, body, body_fingerprint, status, created_at, updated_at, ip_hash, wordpress_id) SELECT ${values.join(', ')} WHERE NOT EXISTS (SELECT 1 FROM wordpress_comments WHERE wordpress_id = ${c.wordpressId});`,
      `INSERT OR IGNORE INTO wordpress_comments (wordpress_id) VALUES (${c.wordpressId});`,
    );
    if (c.status === 'approved')
      lines.push(
        `INSERT INTO search_index (title, body, kind, ref, article_slug, original) SELECT '', ${sqlText(indexText(c.body))}, 'comment', CAST(id AS TEXT), article_slug, body FROM comments WHERE wordpress_id = ${c.wordpressId} AND NOT EXISTS (SELECT 1 FROM search_index WHERE kind = 'comment' AND ref = CAST(comments.id AS TEXT));`,
      );
  }
  // Which comments readers see (approved, with every ancestor approved), computed by the Worker's own statement.
  for (const slug of new Set(comments.map((c) => c.articleSlug)))
    lines.push(`${REFRESH_VISIBILITY_SQL.replace(/\s+/g, ' ').replaceAll('?1', sqlText(slug))};`);
  for (const slug of new Set(comments.filter((c) => c.status === 'approved').map((c) => c.articleSlug)))
    lines.push(
      `INSERT INTO comment_versions (article_slug, version) VALUES (${sqlText(slug)}, 1) ON CONFLICT (article_slug) DO UPDATE SET version = version + 1;`,
    );
  return lines.join('\n');
}
