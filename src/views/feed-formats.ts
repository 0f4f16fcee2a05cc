/** The three feed formats, in one place: URL extension, media type and name (for links, responses and the API docs). */

/** A feed format, by its URL extension. */
export type FeedFormat = 'xml' | 'atom' | 'json';

/** Media type and reader-facing name of each format, in the order pages announce them. */
export const FEED_FORMATS: Record<FeedFormat, { type: string; label: string }> = {
  xml: { type: 'application/rss+xml', label: 'RSS' },
  atom: { type: 'application/atom+xml', label: 'Atom' },
  json: { type: 'application/feed+json', label: 'JSON Feed' },
};

/** Every format, in the order pages announce them and routes register them. */
export const FEED_FORMAT_LIST = Object.keys(FEED_FORMATS) as FeedFormat[];
