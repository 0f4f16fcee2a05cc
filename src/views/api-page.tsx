/**
 * `/api`: the endpoints of the OpenAPI document as a page for people (no third-party assets, no script).
 */
import { Layout, SITE_NAME } from './layout.tsx';

type Operation = { summary?: string; tags?: string[] };
/** The parts of an OpenAPI document this page reads. */
export interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
}

const METHODS = ['get', 'post', 'patch', 'delete'];

/** Every operation, grouped by its first tag, in the document's order. */
export function ApiPage({ doc }: { doc: OpenApiDocument }) {
  const groups = new Map<string, Array<{ method: string; path: string; summary: string }>>();
  for (const [path, item] of Object.entries(doc.paths))
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const tag = operation.tags?.[0] ?? 'Other';
      groups.set(tag, [...(groups.get(tag) ?? []), { method: method.toUpperCase(), path, summary: operation.summary ?? '' }]);
    }
  return (
    <Layout title={`واجهة البرمجة | ${SITE_NAME}`} description="نقاط واجهة برمجة منبر.">
      <h1>واجهة برمجة منبر</h1>
      <p>
        الوصف الكامل بصيغة OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a> (الإصدار{' '}
        <span dir="ltr">{doc.info.version}</span>).
      </p>
      {[...groups].map(([tag, operations]) => (
        <section aria-labelledby={`api-${tag.replace(/\W+/g, '-')}`}>
          <h2 id={`api-${tag.replace(/\W+/g, '-')}`} dir="ltr">
            {tag}
          </h2>
          <ul class="endpoints">
            {operations.map((op) => (
              <li dir="ltr">
                <code>
                  {op.method} {op.path}
                </code>{' '}
                {op.summary}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </Layout>
  );
}
