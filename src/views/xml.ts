/** Escaping for XML documents built as text (sitemaps): the five characters XML gives meaning to. */

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Text or attribute content, safe inside XML.
 * @example xml('أ & ب') // 'أ &amp; ب'
 */
export const xml = (text: string): string => text.replace(/[&<>"']/g, (c) => XML_ENTITIES[c] ?? c);
