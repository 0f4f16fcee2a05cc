/**
 * Escaping for XML documents built as text (feeds, sitemaps): the five characters XML gives meaning to, and nothing
 * XML 1.0 forbids. Removing forbidden characters here, at output, keeps every document well-formed whatever readers
 * typed or editors published (the comment cleaners also drop noncharacters at input, for the HTML pages).
 */

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** What XML 1.0 does not allow anywhere: controls but tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. */
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** `text` without the characters XML 1.0 forbids. */
const xmlChars = (text: string): string => text.replace(NOT_XML_CHAR, '');

/**
 * Text or attribute content, safe inside XML.
 * @example xml('أ & ب') // 'أ &amp; ب'
 */
export const xml = (text: string): string => xmlChars(text).replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);

const RSS_TEXT_REFS: Record<string, string> = { '&': '&#x26;', '<': '&#x3C;', '>': '&#x3E;', '"': '&quot;', "'": '&apos;' };

/**
 * Plain text in an RSS element whose content model the spec leaves open (title, category, author): aggregators
 * differ on whether they read it as HTML, and hexadecimal character references are read as the literal character
 * by both kinds (RSS Advisory Board, "Encode & and < in plain text using hexadecimal character references").
 * @example rssText('<b>') // '&#x3C;b&#x3E;'
 */
export const rssText = (text: string): string => xmlChars(text).replace(/[&<>"']/g, (c) => RSS_TEXT_REFS[c] ?? c);
