/**
 * Bodies of the personal-data requests of the admin API (`POST /api/admin/personal-data/export` and `/erase`).
 * The email travels in the body, never in a URL, so it does not reach access logs.
 */
import * as z from 'zod/mini';
import { COMMENT_LIMITS } from './comment.ts';

const email = z.pipe(
  z.pipe(
    z.string({ error: 'email is required' }),
    z.transform((s) => s.normalize('NFC').trim()),
  ),
  z
    .string()
    .check(
      z.maxLength(COMMENT_LIMITS.email, `email must be at most ${COMMENT_LIMITS.email} characters`),
      z.email('must be an email address'),
    ),
);

/** Export: whose data. */
export const personalDataExportSchema = z.strictObject({ email });

/** Erase: whose data, and whether the comments' text goes too (then the comments are deleted, replies kept). */
export const personalDataEraseSchema = z.strictObject({
  email,
  remove_text: z.optional(z.boolean('remove_text must be true or false')),
});
