/**
 * What a reader may send as a comment, from the JSON API or the form, with messages in Arabic
 * (they are shown next to the form's fields, and apps may show them as they are).
 * Limits count characters, not bytes: a 245-letter Arabic name fits.
 */
import * as z from 'zod/mini';
import { COMMENT_SORTS, DEFAULT_SORT } from '../domain/comment-sort.ts';
import { characterCount, cleanBody, cleanName } from '../text/arabic.ts';
import { hasVisibleText } from '../text/fold.ts';
import { describe } from './describe.ts';
import { cursor, fieldErrors, threadCursor, wholeNumber } from './fields.ts';

/** Server limits, also the form's maxlength attributes. */
export const COMMENT_LIMITS = { name: 245, email: 100, url: 200, body: 65_525 } as const;

/**
 * Largest request body a comment may arrive in, sized from the character limits: one character costs at most 12
 * bytes on the wire (a 4-byte UTF-8 character percent-encoded in a form, or a `\uXXXX\uXXXX` pair in JSON; an Arabic
 * letter costs 6), plus room for field names and a parent id. A comment within its limits is never refused by size.
 */
export const COMMENT_MAX_BYTES =
  (COMMENT_LIMITS.name + COMMENT_LIMITS.email + COMMENT_LIMITS.url + COMMENT_LIMITS.body) * 12 + 16 * 1024;

/** Arabic messages for each failure, by field. */
export const COMMENT_MESSAGES = {
  nameRequired: 'الرجاء كتابة اسمك.',
  nameTooLong: `الاسم أطول من ${COMMENT_LIMITS.name} حرفاً.`,
  emailRequired: 'الرجاء كتابة بريدك الإلكتروني.',
  emailInvalid: 'عنوان البريد الإلكتروني غير صالح، مثال صحيح: name@example.com',
  emailTooLong: `البريد الإلكتروني أطول من ${COMMENT_LIMITS.email} حرف.`,
  urlInvalid: 'رابط الموقع يجب أن يبدأ بـ http:// أو https://',
  urlTooLong: `رابط الموقع أطول من ${COMMENT_LIMITS.url} حرف.`,
  bodyRequired: 'الرجاء كتابة تعليقك.',
  bodyTooLong: `التعليق أطول من ${COMMENT_LIMITS.body} حرفاً.`,
  parentInvalid: 'التعليق الذي تردّ عليه غير صالح.',
} as const;

const text = (message: string) => z.string({ error: message });
const cleaned = (clean: (s: string) => string, required: string, max: number, tooLong: string) =>
  describe(
    z.pipe(
      z.pipe(text(required), z.transform(clean)),
      z.string().check(
        // Invisible characters alone (zero-width spaces, joiners, soft hyphens…) are not a name or a comment.
        z.refine(hasVisibleText, required),
        z.refine((s) => characterCount(s) <= max, tooLong),
      ),
    ),
    { minLength: 1, maxLength: max, description: `1–${max} characters after trimming` },
  );

/**
 * A URL as the URL standard serializes it (quotes, spaces, brackets and controls percent-encoded, so it is a valid
 * href), with the percent-encoded letters of other scripts shown again as letters, as a reader typed them:
 * `https://ar.wikipedia.org/wiki/ليبيا` stays 33 characters, not 48.
 */
const readableUrl = (value: string): string =>
  new URL(value).href.replace(/(?:%[89A-F][0-9A-F])+/gi, (encoded) => {
    try {
      const decoded = decodeURIComponent(encoded);
      return /^[\p{L}\p{M}\p{N}]+$/u.test(decoded) ? decoded : encoded;
    } catch {
      return encoded;
    }
  });

const isHttpUrl = (value: string): boolean => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.includes('.');
  } catch {
    return false;
  }
};

/** A comment as submitted. Unknown fields are rejected: a client cannot set status, id or dates. */
export const commentInputSchema = z.strictObject({
  name: cleaned(cleanName, COMMENT_MESSAGES.nameRequired, COMMENT_LIMITS.name, COMMENT_MESSAGES.nameTooLong),
  email: describe(
    z.pipe(
      z.pipe(
        text(COMMENT_MESSAGES.emailRequired),
        z.transform((s) => s.normalize('NFC').trim()),
      ),
      z.string().check(
        z.minLength(1, COMMENT_MESSAGES.emailRequired),
        z.refine((s) => characterCount(s) <= COMMENT_LIMITS.email, COMMENT_MESSAGES.emailTooLong),
        z.email({ error: COMMENT_MESSAGES.emailInvalid }),
      ),
    ),
    { format: 'email', maxLength: COMMENT_LIMITS.email, description: 'Never shown publicly' },
  ),
  // Counted as typed; stored as a valid href that keeps the reader's letters (readableUrl).
  url: z.optional(
    describe(
      z.pipe(
        z.pipe(
          text(COMMENT_MESSAGES.urlInvalid),
          z.transform((s) => s.normalize('NFC').trim()),
        ),
        z.pipe(
          z.string().check(
            z.refine((s) => characterCount(s) <= COMMENT_LIMITS.url, { message: COMMENT_MESSAGES.urlTooLong, abort: true }),
            z.refine((s) => s === '' || isHttpUrl(s), COMMENT_MESSAGES.urlInvalid),
          ),
          z.pipe(
            z.transform((s: string) => (s === '' ? '' : readableUrl(s))),
            z.string().check(z.refine((s) => characterCount(s) <= COMMENT_LIMITS.url, COMMENT_MESSAGES.urlTooLong)),
          ),
        ),
      ),
      { format: 'uri', pattern: '^\\s*https?://', maxLength: COMMENT_LIMITS.url, description: 'http:// or https://' },
    ),
  ),
  body: cleaned(cleanBody, COMMENT_MESSAGES.bodyRequired, COMMENT_LIMITS.body, COMMENT_MESSAGES.bodyTooLong),
  parent_id: z.optional(
    z.nullable(z.int({ error: COMMENT_MESSAGES.parentInvalid }).check(z.positive(COMMENT_MESSAGES.parentInvalid))),
  ),
});

/** A validated comment submission. */
export type CommentInput = z.output<typeof commentInputSchema>;

/** `?sort=` of an article's comments, page and API alike; `oldest` when absent. */
export const commentSortSchema = z._default(
  z.enum(COMMENT_SORTS, { error: `must be one of ${COMMENT_SORTS.join(', ')}` }),
  DEFAULT_SORT,
);

/** `?sort=&cursor=&limit=` of the public comments list. */
export const commentListQuerySchema = z.object({
  sort: commentSortSchema,
  cursor: threadCursor,
  limit: wholeNumber(1, 100, 50),
});

/** Statuses a moderator may set. */
const COMMENT_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;

/** `PATCH /api/admin/comments/:id` body. */
export const moderationPatchSchema = z.strictObject({
  status: z.enum(COMMENT_STATUSES, { error: `status must be one of ${COMMENT_STATUSES.join(', ')}` }),
});

/** `GET /api/admin/comments` query. */
export const moderationQuerySchema = z.object({
  status: z.optional(z.enum(COMMENT_STATUSES, { error: `must be one of ${COMMENT_STATUSES.join(', ')}` })),
  article: z.optional(z.string().check(z.minLength(1), z.maxLength(300))),
  cursor,
  limit: wholeNumber(1, 100, 50),
});

/** A submission checked against the schema: the comment, or why not (unknown fields are a 400, the rest a 422). */
export type CommentParseResult =
  | { ok: true; input: CommentInput }
  | { ok: false; unknownFields: string[]; errors: Record<string, string[]> };

/** Checks raw input (parsed JSON, or form fields) against the comment schema. */
export function parseCommentInput(raw: unknown): CommentParseResult {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, unknownFields: [], errors: { _: ['The body must be a JSON object.'] } };
  const result = z.safeParse(commentInputSchema, raw);
  if (result.success) return { ok: true, input: result.data };
  const unknownFields = result.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  const errors = fieldErrors(result.error.issues.filter((issue) => issue.code !== 'unrecognized_keys'));
  return { ok: false, unknownFields, errors };
}
