/**
 * Personal-data requests: export (article 15) and erasure (article 17) of everything stored under an email.
 * The log line records what was done, never the email.
 */
import { logInfo } from '../log.ts';
import type { Db } from '../storage/db.ts';
import { deleteComment, getComment } from '../storage/moderation.ts';
import { anonymiseByEmail, listCommentsByEmail } from '../storage/personal-data.ts';

/** Every comment with this email, in any status, with its moderation history. */
export async function exportPersonalData(db: Db, email: string) {
  const comments = await listCommentsByEmail(db, email);
  logInfo('privacy.export', { comments: comments.length });
  return comments;
}

/** What an erasure did. */
export interface ErasureReport {
  anonymised: number;
  removed: number;
}

/**
 * Erases an email's data the way WordPress does: anonymises its comments (text kept), or with `removeText` deletes
 * them (replies kept and moved up a level, as a moderator's delete; logged with `actor`).
 */
export async function erasePersonalData(
  db: Db,
  email: string,
  options: { removeText: boolean; actor: string; at: string },
): Promise<ErasureReport> {
  let removed = 0;
  if (options.removeText)
    for (const { id } of await listCommentsByEmail(db, email)) {
      const comment = await getComment(db, id);
      // Stryker disable next-line ConditionalExpression: a comment listed a moment before is only gone if another request deleted it in between, which no test can time
      if (comment) await deleteComment(db, comment, options.actor, options.at);
      removed += comment ? 1 : 0;
    }
  const report = { anonymised: await anonymiseByEmail(db, email), removed };
  logInfo('privacy.erase', { remove_text: options.removeText, ...report });
  return report;
}
