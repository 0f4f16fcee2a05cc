/**
 * The comment a report form names: an approved comment, or 404. Shared by the public Worker's form
 * (routes/report.tsx) and the desk Worker's handling of a sent report (routes/desk/report-submission.tsx).
 */
import type { Context } from 'hono';
import type { Comment } from '../domain/comment.ts';
import { parseId } from '../domain/ids.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { getComment } from '../storage/moderation.ts';

/** The approved comment of the `:id` path parameter, or a 404. */
export async function requireReportable(c: Context<AppEnv>): Promise<Comment> {
  const text = c.req.param('id') ?? '';
  const id = parseId(text);
  const comment = id ? await getComment(c.get('db'), id) : null;
  if (comment?.status !== 'approved') throw new ProblemError(404, `No published comment has the id ${text}.`);
  return comment;
}
