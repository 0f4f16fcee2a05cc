// README's API sections list statuses and fields: they are generated from the OpenAPI document or checked against it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withOperationsTable } from '../../scripts/lib/openapi.ts';

const readme = readFileSync('README.md', 'utf8');
const doc = JSON.parse(readFileSync('schemas/openapi.json', 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string }> }>>;
  components: { schemas: Record<string, { properties: Record<string, { maxLength?: number }> }> };
};

/** The README section under a heading, up to the next heading of any level. */
function section(heading: string): string {
  const start = readme.indexOf(`${heading}\n`);
  if (start < 0) throw new Error(`README.md has no "${heading}"`);
  const rest = readme.slice(start + heading.length + 1);
  return rest.slice(0, rest.search(/\n#{2,4} /) >>> 0);
}

describe('README.md, against schemas/openapi.json', () => {
  it('has the generated table of operations and their statuses (run `npm run openapi`)', () => {
    expect(readme).toBe(withOperationsTable(readme, doc as unknown as Record<string, unknown>));
  });

  it('lists exactly the error statuses the document gives API operations', () => {
    const listed = new Set([...section('### Errors').matchAll(/^\| (\d{3}) \|/gm)].map((m) => Number(m[1])));
    const documented = new Set(
      Object.values(doc.paths)
        .flatMap((item) => Object.values(item).flatMap((op) => Object.values(op.responses)))
        .flatMap((response) => /\/Problem(\d{3})$/.exec(response.$ref ?? '')?.[1] ?? [])
        .map(Number),
    );
    documented.add(405); // any path, for a method it does not serve
    expect([...listed].sort()).toEqual([...documented].sort());
  });

  it("lists every field of a comment submission, with the document's character limits", () => {
    const rows = [...section('### `POST /api/articles/:slug/comments`').matchAll(/^\| `(\w+)` \| (.*) \|$/gm)];
    const fields = doc.components.schemas.CommentInput?.properties ?? {};
    expect(rows.map((r) => r[1])).toEqual(Object.keys(fields));
    for (const [, name, rule] of rows) {
      const max = fields[name ?? '']?.maxLength;
      if (max !== undefined) expect(rule, name).toContain(max.toLocaleString('en'));
    }
  });

  it('names every field of an article, a comment and a search result, and their pages', () => {
    const schemas = doc.components.schemas as Record<string, { properties: Record<string, { properties?: object }> }>;
    const fields = (name: string, member?: string) =>
      Object.keys((member ? schemas[name]?.properties[member]?.properties : schemas[name]?.properties) ?? {});
    const expectNamed = (text: string, names: string[]) => expect(names.filter((f) => !text.includes(`\`${f}\``))).toEqual([]);
    expectNamed(section('### `GET /api/articles/:slug`'), fields('Article'));
    const comments = section('### `GET /api/articles/:slug/comments?sort=&cursor=&limit=`');
    expectNamed(comments, [...fields('Comment'), ...fields('CommentPage', 'meta')]);
    const search = section('## Search');
    expectNamed(search, [...fields('SearchResult'), ...fields('SearchResults', 'meta')]);
  });
});
