import { readFileSync } from 'node:fs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { generatedSchemaFiles } from '../../scripts/lib/openapi.ts';

const committed = JSON.parse(readFileSync('schemas/openapi.json', 'utf8')) as Record<string, unknown>;

describe('schemas/openapi.json', () => {
  it('and schemas/*.schema.json are what the contracts generate (run `npm run openapi` after changing them)', () => {
    for (const [path, generated] of Object.entries(generatedSchemaFiles()))
      expect(JSON.parse(readFileSync(path, 'utf8')), path).toEqual(JSON.parse(JSON.stringify(generated)));
  });

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(committed);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('gives Arabic examples of what clients send', () => {
    const post = (
      committed.paths as Record<
        string,
        Record<string, { requestBody?: { content: Record<string, { example: { name: string } }> } }>
      >
    )['/api/articles/{slug}/comments']?.post;
    expect(post?.requestBody?.content['application/json']?.example.name).toBe('سالم');
  });
});
