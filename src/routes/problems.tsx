/**
 * `GET /problems/:name`: every problem `type` URI of the API dereferences to a page that explains it. The texts
 * come from the published OpenAPI document (`x-problem-types`, src/contracts/problem-types.ts), not the bundle.
 */
import { Hono } from 'hono/tiny';
import type { ProblemType } from '../contracts/problem-types.ts';
import type { AppEnv } from '../env.ts';
import { ProblemError } from '../errors.tsx';
import { notModified, versionTag } from '../http/caching.ts';
import { getApiDocument } from '../storage/articles.ts';
import { ProblemPage } from '../views/problem-page.tsx';

/** The problem type pages. */
export const problems = new Hono<AppEnv>().get('/:name', async (c) => {
  const name = c.req.param('name');
  const published = await getApiDocument(c.env.ARTICLES);
  const types = (published?.document as { 'x-problem-types'?: Record<string, ProblemType> } | undefined)?.['x-problem-types'];
  const problem = types && Object.hasOwn(types, name) ? types[name] : undefined;
  if (!problem) throw new ProblemError(404, `No problem type is called "${name}".`);
  return (
    notModified(c, versionTag(c, published?.hash ?? '', 'problem', name)) ?? c.html(<ProblemPage name={name} problem={problem} />)
  );
});
