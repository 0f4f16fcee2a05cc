/**
 * Content negotiation on the Accept header (RFC 9110 §12.5.1), parsed by Hono's own Accept parser.
 */
import type { Context } from 'hono';
import { parseAccept } from 'hono/utils/accept';

/** How specifically a media range names `type`: 3 exact, 2 `text/*`, 1 `*\/*`, 0 not at all. */
function specificity(range: string, type: string): number {
  if (range === type) return 3;
  if (range === '*/*' || range === '*') return 1;
  if (range.endsWith('/*') && type.startsWith(range.slice(0, -1))) return 2;
  return 0;
}

/**
 * The supported type the client accepts with the highest quality (ties go to the earlier one in `supported`),
 * or null when it accepts none of them, which the caller answers with 406.
 * Each type takes the quality of the most specific range that names it, so `text/html;q=0` excludes HTML
 * even next to `*\/*`. No Accept header means the first supported type.
 * @example negotiate(c, ['text/html', 'application/json']) // 'application/json' for `Accept: application/json`
 */
export function negotiate(c: Context, supported: string[]): string | null {
  const header = c.req.header('Accept');
  if (!header?.trim()) return supported[0] ?? null;
  const ranges = parseAccept(header).map((r) => ({ type: r.type.toLowerCase(), q: r.q }));
  let best: string | null = null;
  let bestQ = 0;
  for (const type of supported) {
    let q = 0;
    let level = 0;
    for (const range of ranges) {
      const s = specificity(range.type, type);
      if (s > level || (s === level && s > 0 && range.q > q)) [level, q] = [s, range.q];
    }
    if (q > bestQ) [best, bestQ] = [type, q];
  }
  return best;
}
