/**
 * The personal-data export (GDPR article 15) as JSON: the one shape the admin API answers and the desk's download
 * saves (PersonalDataExport in src/contracts/responses.ts).
 */
import type { ResponseOf } from '../contracts/responses.ts';
import type { exportPersonalData } from '../services/personal-data.ts';
import { adminCommentJson } from './comment-json.ts';

/** The export of `email`'s comments, made at `at`. */
export const personalDataExportJson = (
  email: string,
  comments: Awaited<ReturnType<typeof exportPersonalData>>,
  at: Date,
): ResponseOf<'PersonalDataExport'> => ({
  email,
  exported_at: at.toISOString(),
  comments: comments.map((comment) => ({ ...adminCommentJson(comment), moderation_log: comment.log })),
});

/** The download's headers: a file a browser saves rather than shows. */
export const PERSONAL_DATA_DISPOSITION = 'attachment; filename="minbar-personal-data.json"';
