/**
 * The front matter an editor writes at the top of content/articles/<slug>.md.
 * Validated by the publisher before anything is written to KV.
 */
import { z } from 'zod';
import { parseEditorDate } from '../text/dates.ts';
import { SLUG_PATTERN } from '../text/slug.ts';

const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

/** A URL-safe slug in any script (see src/text/slug.ts). */
const slugSchema = z
  .string()
  .regex(SLUG_PATTERN, 'must be lower-case letters or digits joined by single hyphens, e.g. "libya" or "ليبيا"');

const editorDate = z.string().refine((value) => parseEditorDate(value) !== null, {
  message: 'must be a date (YYYY-MM-DD) or an RFC 3339 date-time with offset (2026-11-30T09:00:00+02:00)',
});

/** Front matter of one article. Unknown keys are errors, so a typo never passes silently. */
export const frontMatterSchema = z
  .strictObject({
    title: text(300),
    dek: text(600),
    category: z.strictObject({ slug: slugSchema, name: text(100) }),
    published: editorDate,
    updated: editorDate.optional(),
    tags: z.array(text(100)).max(30).default([]),
    // A plain name, or { name, url } with the author's profile page (NewsArticle's author.url).
    authors: z
      .array(z.union([text(200), z.strictObject({ name: text(200), url: httpUrl })]))
      .max(20)
      .default([]),
    image: z
      .strictObject({
        url: httpUrl,
        alt: text(300),
        width: z.int().positive(),
        height: z.int().positive(),
        // The same picture cropped to other aspect ratios (e.g. 4:3 and 1:1 next to a 16:9 lead); JSON-LD lists them all.
        variants: z
          .array(z.strictObject({ url: httpUrl, width: z.int().positive(), height: z.int().positive() }))
          .max(5)
          .default([]),
      })
      .optional(),
    comments: z.enum(['open', 'closed']).default('open'),
    slug: slugSchema.optional(),
  })
  .refine(
    (fm) =>
      fm.updated === undefined ||
      (parseEditorDate(fm.updated)?.getTime() ?? 0) >= (parseEditorDate(fm.published)?.getTime() ?? 0),
    { path: ['updated'], message: 'must not be earlier than published' },
  );
