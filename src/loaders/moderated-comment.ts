/**
 * The comment an admin API route names, with everything moderators see, or a 404 problem: shared by the public
 * Worker's admin API and the desk Worker's part of it.
 */
import type { Context } from 'hono';
import type { Comment } from '../domain/comment.ts';
import { parseId } from '../domain/ids.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { getComment } from '../storage/moderation.ts';

/** The comment of the path's `:id`, or a 404 problem. */
export async function requireComment(c: Context<AppEnv>): Promise<Comment> {
  const id = c.req.param('id') ?? '';
  const number = parseId(id);
  const comment = number === null ? null : await getComment(c.get('db'), number);
  if (!comment) throw new ProblemError(404, `No comment has the id "${id}".`);
  return comment;
}
