import { exports } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { contractViolations } from './helpers/contract.ts';
import { ORIGIN } from './helpers/http.ts';

/** A real response of the Worker, and the request it answered. */
async function served(path: string) {
  const request = new Request(`${ORIGIN}${path}`, { redirect: 'manual' });
  const response = await exports.default.fetch(request.clone());
  return { request, response, body: await response.clone().text() };
}

const withChanges = (response: Response, body: string, status = response.status, headers: Record<string, string | null> = {}) => {
  const changed = new Headers(response.headers);
  for (const [name, value] of Object.entries(headers)) value === null ? changed.delete(name) : changed.set(name, value);
  return new Response(body, { status, headers: changed });
};

describe('the contract test (every response the worker suite receives is checked against schemas/openapi.json)', () => {
  it('accepts what the Worker answers', async () => {
    const { request, response } = await served('/api/articles?per_page=2');
    expect(await contractViolations(request, response)).toEqual([]);
  });

  it('fails a body that drifts from the documented schema', async () => {
    const { request, response, body } = await served('/api/articles?per_page=2');
    const drifted = JSON.parse(body) as { meta: { pagination: Record<string, unknown> } };
    drifted.meta.pagination.per_page = '2';
    const violations = await contractViolations(request, withChanges(response, JSON.stringify(drifted)));
    expect(violations.join('\n')).toContain('/meta/pagination/per_page');
  });

  it('fails an undocumented status, an undocumented header, a missing required header and a wrong media type', async () => {
    const { request, response, body } = await served('/api/articles');
    expect(await contractViolations(request, withChanges(response, body, 418))).toEqual([
      '418 is not documented for GET /api/articles',
    ]);
    expect((await contractViolations(request, withChanges(response, body, 200, { 'Retry-After': '5' }))).join()).toContain(
      'header retry-after is not documented here',
    );
    expect((await contractViolations(request, withChanges(response, body, 200, { ETag: null }))).join()).toContain(
      'required header etag is missing',
    );
    expect(
      (await contractViolations(request, withChanges(response, body, 200, { 'Content-Type': 'text/html' }))).join(),
    ).toContain('text/html is not documented');
  });
});
