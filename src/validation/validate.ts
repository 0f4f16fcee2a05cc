/**
 * Validator middleware for every input of the app: zod schemas, and one failure answer.
 * A failure is a ProblemError carrying each field's messages, rendered by onError as problem+json or HTML.
 */
import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { ProblemError } from '../errors.tsx';

/** Zod issues as field → messages. */
export function fieldErrors(issues: z.core.$ZodIssue[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) {
    const field = issue.path.join('.') || '_';
    errors[field] = [...(errors[field] ?? []), issue.message];
  }
  return errors;
}

/**
 * Validates one part of the request; handlers read the result with `c.req.valid(target)`.
 * @example app.get('/api/articles', validate('query', articleListQuerySchema, 400), (c) => c.json(c.req.valid('query')))
 */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  status: ContentfulStatusCode = 400,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const errors = fieldErrors(result.error.issues);
      throw new ProblemError(status, `Invalid ${target}: ${Object.keys(errors).join(', ')}.`, {
        type: status === 400 ? 'invalid-parameters' : undefined,
        errors,
      });
    }
  });
