/**
 * Validator middleware for every input of the app: a zod schema, and one failure answer.
 * A failure is a ProblemError carrying each field's messages, rendered by onError as problem+json or HTML.
 */
import type { ValidationTargets } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { validator } from 'hono/validator';
import * as z from 'zod/mini';
import { ProblemError } from '../errors.tsx';
import { fieldErrors } from './fields.ts';

/**
 * Validates one part of the request; handlers read the result with `c.req.valid(target)`.
 * @example app.get('/api/articles', validate('query', articleListQuerySchema), (c) => c.json(c.req.valid('query')))
 */
export const validate = <T extends z.core.$ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: T,
  status: ContentfulStatusCode = 400,
) =>
  validator(target, (value): z.output<T> => {
    const result = z.safeParse(schema, value);
    if (result.success) return result.data;
    const errors = fieldErrors(result.error.issues);
    throw new ProblemError(status, `Invalid ${target}: ${Object.keys(errors).join(', ')}.`, {
      ...(status === 400 ? { type: 'invalid-parameters' } : {}),
      errors,
    });
  });

/**
 * A request body checked against `schema`, or a 422 problem that says what to send (`hint`) and names each field's
 * error. For bodies read with readJsonBody (src/http/json-body.ts), after the checks that must come first.
 * @example parseBody(bulkActionSchema, await readJsonBody(c), 'Send {"ids": [...], "action": "approve"}.')
 */
export function parseBody<T extends z.core.$ZodType>(schema: T, body: unknown, hint: string): z.output<T> {
  const result = z.safeParse(schema, body);
  if (!result.success) throw new ProblemError(422, hint, { errors: fieldErrors(result.error.issues) });
  return result.data;
}
