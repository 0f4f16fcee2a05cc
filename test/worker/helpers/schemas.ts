// Checks responses against the documented JSON Schemas in schemas/.
import { type Schema, Validator } from '@cfworker/json-schema';
import { expect } from 'vitest';
import article from '../../../schemas/article.schema.json';
import articleList from '../../../schemas/article-list.schema.json';
import problem from '../../../schemas/problem.schema.json';

/** The documented schemas, by name. */
export const SCHEMAS = { article, articleList, problem } as const;

/** Fails the test with every schema violation when `value` does not match the named schema. */
export function expectSchema(name: keyof typeof SCHEMAS, value: unknown): void {
  const validator = new Validator(SCHEMAS[name] as Schema, '2020-12', false);
  for (const schema of Object.values(SCHEMAS)) validator.addSchema(schema as Schema);
  const { errors } = validator.validate(value);
  expect(errors.map((e) => `${e.instanceLocation}: ${e.error}`)).toEqual([]);
}

/** Fetch-level check of an API error: status, media type and the problem shape. */
export async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  const body = (await response.json()) as Record<string, unknown>;
  expectSchema('problem', body);
  expect(body.status).toBe(status);
  return body;
}
