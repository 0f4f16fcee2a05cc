/**
 * WordPress post and comment HTML → what Minbar stores: Markdown the publisher accepts (articles) and plain text
 * (comments, titles, excerpts). WordPress's own JavaScript ports do the WordPress parts (wpautop for classic-editor
 * posts, the shortcode parser); turndown, on a real DOM, does HTML → Markdown (its GFM plugin does tables).
 * Gutenberg block comments are DOM comments, which turndown never emits.
 */

import { gfm } from '@joplin/turndown-plugin-gfm';
import { autop } from '@wordpress/autop';
import { replace as replaceShortcode } from '@wordpress/shortcode';
import TurndownService from 'turndown';

/** Image URLs of media library items by attachment id, for `[gallery ids="…"]`. */
export type AttachmentUrls = ReadonlyMap<number, string>;

/**
 * The part of the DOM (turndown's, from domino) this module uses. The Node scripts are compiled without the DOM
 * library, so turndown's HTMLElement is declared here as far as needed.
 */
interface DomElement {
  nodeName: string;
  textContent: string | null;
  innerHTML: string;
  outerHTML: string;
  getAttribute(name: string): string | null;
  getElementsByTagName(name: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
  cloneNode(deep: boolean): DomElement;
  remove(): void;
}
const asElement = (node: unknown): DomElement => node as DomElement;

const escapeAttribute = (value: string): string =>
  value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** Classic-editor posts have no <p>: WordPress adds them with wpautop on display; block posts have their own. */
const withParagraphs = (html: string): string => (html.includes('<!-- wp:') ? html : autop(html));

const MEDIA_SHORTCODES = ['embed', 'video', 'audio', 'youtube', 'vimeo', 'soundcloud'];

/**
 * Replaces WordPress's common shortcodes with the HTML they stand for: captions become figures, galleries lists of
 * images, embeds and media links. Unknown shortcodes stay as text (never silently dropped) and are noted.
 */
function expandShortcodes(html: string, attachments: AttachmentUrls, notes: string[]): string {
  let out = html;
  for (const tag of ['caption', 'wp_caption'])
    out = replaceShortcode(tag, out, ({ content, attrs }) => {
      const caption = attrs.named.caption ? `<figcaption>${escapeAttribute(attrs.named.caption)}</figcaption>` : '';
      return `<figure class="wp-caption">${content ?? ''}${caption}</figure>`;
    });
  out = replaceShortcode('gallery', out, ({ attrs }) => {
    const ids = (attrs.named.ids ?? '').split(',').map((id) => Number.parseInt(id, 10));
    const urls = ids.map((id) => attachments.get(id)).filter((url): url is string => url !== undefined);
    if (urls.length < ids.length) notes.push(`a [gallery] names ${ids.length - urls.length} image(s) not in the export`);
    return urls.map((url) => `<p><img src="${escapeAttribute(url)}" alt=""></p>`).join('');
  });
  for (const tag of MEDIA_SHORTCODES)
    out = replaceShortcode(tag, out, ({ content, attrs }) => {
      const url = (attrs.named.src ?? attrs.named.url ?? attrs.named.mp4 ?? attrs.numeric[0] ?? content ?? '').trim();
      return url ? `<p><a href="${escapeAttribute(url)}">${escapeAttribute(url)}</a></p>` : '';
    });
  return out;
}

/** Text of an element's images as Markdown, then its caption in italics: figures, [caption] and Gutenberg images. */
function figureToMarkdown(node: DomElement, service: TurndownService): string {
  const images = Array.from(node.getElementsByTagName('img')).map((img) => service.turndown(img.outerHTML));
  const captionNode = node.querySelector('figcaption');
  let caption = captionNode?.textContent ?? '';
  if (!captionNode) {
    // [caption] puts the caption text after the image, inside the shortcode.
    const clone = node.cloneNode(true);
    for (const img of Array.from(clone.getElementsByTagName('img'))) img.remove();
    caption = clone.textContent ?? '';
  }
  if (images.length === 0) {
    // Embeds (Gutenberg's wp-block-embed) hold their URL as text.
    const url = (node.textContent ?? '').trim();
    return url.startsWith('http') ? `\n\n<${url}>\n\n` : `\n\n${service.turndown(node.innerHTML)}\n\n`;
  }
  const text = caption.trim().replace(/\s+/g, ' ');
  return `\n\n${images.join('\n\n')}${text ? `\n\n*${service.escape(text)}*` : ''}\n\n`;
}

const markdownService = (() => {
  const service = new TurndownService({
    headingStyle: 'atx',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '*',
    strongDelimiter: '**',
    hr: '---',
  });
  // Tables and strikethrough as GitHub Flavored Markdown, which the publisher renders.
  service.use(gfm);
  // The title is the article's only level-1 heading, so headings in the body start at level 2.
  service.addRule('h1', { filter: 'h1', replacement: (content) => `\n\n## ${content.trim()}\n\n` });
  service.addRule('figure', {
    filter: (node) => asElement(node).nodeName === 'FIGURE',
    replacement: (_content, node) => figureToMarkdown(asElement(node), service),
  });
  service.addRule('iframe', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const src = asElement(node).getAttribute('src') ?? '';
      return src.startsWith('http') ? `\n\n<${src}>\n\n` : '';
    },
  });
  service.remove(['script', 'style', 'noscript']);
  return service;
})();

/**
 * A post's HTML as Markdown the publisher accepts.
 * @example postToMarkdown('<!-- wp:paragraph --><p>نص</p><!-- /wp:paragraph -->') // { markdown: 'نص', notes: [] }
 */
export function postToMarkdown(html: string, attachments: AttachmentUrls = new Map()): { markdown: string; notes: string[] } {
  const notes: string[] = [];
  const markdown = markdownService.turndown(expandShortcodes(withParagraphs(html), attachments, notes)).trim();
  return { markdown, notes };
}

const textService = (() => {
  const service = new TurndownService({ br: '', headingStyle: 'atx', bulletListMarker: '-' });
  // Plain text, not Markdown: nothing is escaped, emphasis is dropped, a link keeps its address beside its text.
  service.escape = (text) => text;
  service.addRule('inline', {
    filter: ['b', 'strong', 'i', 'em', 'code', 'span', 'del', 's', 'u', 'small', 'sup', 'sub', 'abbr', 'cite', 'q'],
    replacement: (content) => content,
  });
  service.addRule('link', {
    filter: 'a',
    replacement: (content, node) => {
      const href = asElement(node).getAttribute('href') ?? '';
      return href && href !== content ? `${content} (${href})` : content;
    },
  });
  service.addRule('image', { filter: 'img', replacement: (_c, node) => asElement(node).getAttribute('alt') ?? '' });
  service.remove(['script', 'style']);
  return service;
})();

/**
 * Comment HTML (as WordPress stores it: text with line breaks and a few tags) as plain text with its paragraphs.
 * @example commentToText('رأي <b>مهم</b> مع <a href="https://example.com/x">رابط</a>') // 'رأي مهم مع رابط (https://example.com/x)'
 */
export const commentToText = (html: string): string => textService.turndown(autop(html)).trim();

/**
 * Text of a title or excerpt: entities decoded, tags dropped, one line.
 * @example inlineText('Q&amp;A &#8211; <em>today</em>') // 'Q&A – today'
 */
export const inlineText = (html: string): string => textService.turndown(`<p>${html}</p>`).replace(/\s+/g, ' ').trim();
