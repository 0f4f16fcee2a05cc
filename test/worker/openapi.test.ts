import { describe, expect, it } from 'vitest';
import { app } from '../../src/index.ts';
import { attributesOf, textsOf } from './helpers/html.ts';
import { request } from './helpers/http.ts';

type Doc = { openapi: string; paths: Record<string, Record<string, unknown>> };

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document that documents every route the app serves', async () => {
    const response = await request('/api/openapi.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toMatch(/^application\/json/);
    const doc = (await response.json()) as Doc;
    expect(doc.openapi).toBe('3.1.0');
    const served = app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/\/$/, '') || '/'}`.replace(/:(\w+)/g, '{$1}'));
    const documented = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method} ${path}`),
    );
    expect([...new Set(served)].filter((route) => !documented.includes(route))).toEqual([]);
    expect(served.length).toBeGreaterThan(20);
  });
});

describe('GET /api', () => {
  it('lists the endpoints for people, as an HTML page', async () => {
    const response = await request('/api', { headers: { Accept: 'text/html' } });
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(await textsOf(html, 'h1')).toEqual(['واجهة برمجة منبر']);
    expect(await attributesOf(html, 'main a[href="/api/openapi.json"]', 'href')).toEqual(['/api/openapi.json']);
    expect((await textsOf(html, '.endpoints code')).some((t) => t.startsWith('POST /api/articles/{slug}/comments'))).toBe(true);
  });
});
