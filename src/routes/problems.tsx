/**
 * `GET /problems/:name`: every problem `type` URI of the API dereferences to a page that explains it.
 */
import { Hono } from 'hono';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { notModified, versionTag } from '../http/caching.ts';
import { ProblemPage } from '../views/problem-page.tsx';
import { PROBLEM_TYPES } from '../views/problem-types.ts';

/** The problem type pages. */
export const problems = new Hono<AppEnv>().get('/:name', (c) => {
  const name = c.req.param('name');
  const problem = Object.hasOwn(PROBLEM_TYPES, name) ? PROBLEM_TYPES[name] : undefined;
  if (!problem) throw new ProblemError(404, `No problem type is called "${name}".`);
  return notModified(c, versionTag(c, 'problem', 'html', name)) ?? c.html(<ProblemPage name={name} problem={problem} />);
});
