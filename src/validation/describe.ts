/**
 * JSON Schema keywords for the schemas that zod cannot derive itself (a limit counted in characters by a refinement,
 * a description, an example). zod's JSON Schema output merges them in, so the OpenAPI document states the limit the
 * server enforces without restating the schema.
 */
import * as z from 'zod/mini';

/**
 * Attaches JSON Schema keywords to `schema` and returns it.
 * @example describe(z.string(), { description: 'Sub-title' })
 */
export function describe<T extends z.core.$ZodType>(schema: T, meta: Record<string, unknown>): T {
  z.globalRegistry.add(schema, meta);
  return schema;
}
