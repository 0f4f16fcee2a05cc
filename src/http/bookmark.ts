/** The header that carries a D1 bookmark, both ways (see src/http/d1-session.ts). */
export const BOOKMARK_HEADER = 'X-D1-Bookmark';
