/**
 * Reads a WordPress eXtended RSS export (WXR 1.0–1.2, Tools → Export) into typed records, with a real XML parser.
 * A file that is not well-formed XML (a truncated download) or not WXR is refused with a message saying why,
 * before anything else happens.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** A comment as WordPress exported it. `approved` is WordPress's own value: `1`, `0`, `spam`, `trash`, … */
export interface WxrComment {
  id: number;
  parentId: number;
  author: string;
  email: string;
  url: string;
  ip: string;
  dateGmt: string;
  content: string;
  approved: string;
  /** `comment` (or empty), `pingback`, `trackback`, … */
  type: string;
}

/** A term attached to an item (`domain` is `category` or `post_tag`; `nicename` is percent-encoded). */
export interface WxrTerm {
  domain: string;
  nicename: string;
  name: string;
}

/** One `<item>`: a post, page, attachment or any other post type. */
export interface WxrItem {
  id: number;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  postDateGmt: string;
  modifiedGmt: string;
  commentStatus: string;
  /** `wp:post_name` as exported: percent-encoded, lower-case hex, for non-ASCII slugs. */
  postName: string;
  status: string;
  type: string;
  attachmentUrl: string;
  terms: WxrTerm[];
  comments: WxrComment[];
}

/** The site an export describes. */
export interface WxrSite {
  version: string;
  baseSiteUrl: string;
  /** Display names by login (`dc:creator` holds the login). */
  authors: Map<string, string>;
  items: WxrItem[];
}

/** The file cannot be imported; the message says why. */
export class WxrError extends Error {}

const ARRAYS = new Set(['rss.channel.item', 'rss.channel.item.category', 'rss.channel.item.wp:comment', 'rss.channel.wp:author']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (_name, path) => typeof path === 'string' && ARRAYS.has(path),
});

type Node = Record<string, unknown>;

/** Text content of a parsed element (CDATA and text are merged by the parser; attributes are ignored). */
function text(node: unknown): string {
  if (node === undefined || node === null) return '';
  if (typeof node === 'string') return node;
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  const value = (node as Node)['#text'];
  return typeof value === 'string' ? value : '';
}

const trimmed = (node: unknown): string => text(node).trim();
const integer = (node: unknown): number => Number.parseInt(trimmed(node) || '0', 10) || 0;
const list = (node: unknown): Node[] => (Array.isArray(node) ? (node as Node[]) : []);

function readComment(node: Node): WxrComment {
  return {
    id: integer(node['wp:comment_id']),
    parentId: integer(node['wp:comment_parent']),
    author: text(node['wp:comment_author']),
    email: trimmed(node['wp:comment_author_email']),
    url: trimmed(node['wp:comment_author_url']),
    ip: trimmed(node['wp:comment_author_IP']),
    dateGmt: trimmed(node['wp:comment_date_gmt']),
    content: text(node['wp:comment_content']),
    approved: trimmed(node['wp:comment_approved']),
    type: trimmed(node['wp:comment_type']),
  };
}

function readItem(node: Node): WxrItem {
  return {
    id: integer(node['wp:post_id']),
    title: trimmed(node.title),
    link: trimmed(node.link),
    creator: trimmed(node['dc:creator']),
    content: text(node['content:encoded']),
    excerpt: trimmed(node['excerpt:encoded']),
    postDateGmt: trimmed(node['wp:post_date_gmt']),
    modifiedGmt: trimmed(node['wp:post_modified_gmt']),
    commentStatus: trimmed(node['wp:comment_status']),
    postName: trimmed(node['wp:post_name']),
    status: trimmed(node['wp:status']),
    type: trimmed(node['wp:post_type']),
    attachmentUrl: trimmed(node['wp:attachment_url']),
    terms: list(node.category).map((term) => ({
      domain: String(term['@_domain'] ?? ''),
      nicename: String(term['@_nicename'] ?? ''),
      name: text(term).trim(),
    })),
    comments: list(node['wp:comment']).map(readComment),
  };
}

/**
 * Parses a WXR export. Throws WxrError when the file is not well-formed XML or not a WordPress export.
 * @example const site = parseWxr(await readFile('export.xml', 'utf8'))
 */
export function parseWxr(xml: string): WxrSite {
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw new WxrError(
      `not well-formed XML (line ${valid.err.line}: ${valid.err.msg}); is the export complete? Download it again from Tools → Export.`,
    );
  const channel = (parser.parse(xml) as Node).rss as Node | undefined;
  const site = (channel?.channel ?? undefined) as Node | undefined;
  const version = trimmed(site?.['wp:wxr_version']);
  if (!site || !version)
    throw new WxrError('not a WordPress export: no <rss><channel> with <wp:wxr_version> (export with Tools → Export).');
  if (!/^1\.[0-2]$/.test(version)) throw new WxrError(`WXR version ${version} is not supported (1.0 to 1.2 are).`);
  return {
    version,
    baseSiteUrl: trimmed(site['wp:base_site_url']),
    authors: new Map(list(site['wp:author']).map((a) => [trimmed(a['wp:author_login']), trimmed(a['wp:author_display_name'])])),
    items: list(site.item).map(readItem),
  };
}
