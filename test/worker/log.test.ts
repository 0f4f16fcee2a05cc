// What an operator reads in Workers Logs: every line the Worker writes is one JSON object naming its request (cf-ray),
// route, status and duration for errors, and never carrying an email, an IP address or a secret.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { logError, logInfo } from '../../src/log.ts';
import { newReader } from './helpers/comments.ts';
import { THROWING_DB } from './helpers/faults.ts';
import { requestWithEnv } from './helpers/http.ts';

const PAGE = '/articles/benghazi-port';

/** Every argument of every console call during `work`, by method. */
async function captureConsole(work: () => Promise<unknown>) {
  const calls: Array<{ method: string; args: unknown[] }> = [];
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      calls.push({ method, args });
    });
  await work();
  vi.restoreAllMocks();
  return calls;
}

/** The calls as parsed lines; fails unless each call is exactly one string holding one JSON object on one line. */
function jsonLines(calls: Array<{ method: string; args: unknown[] }>): Array<Record<string, unknown>> {
  return calls.map(({ args }) => {
    expect(args).toHaveLength(1);
    expect(typeof args[0]).toBe('string');
    expect(args[0]).not.toContain('\n');
    const line = JSON.parse(args[0] as string) as unknown;
    expect(line).toBeTypeOf('object');
    return line as Record<string, unknown>;
  });
}

afterEach(() => vi.restoreAllMocks());

describe('log lines of a request', () => {
  it('an unhandled storage failure: one JSON line with the cf-ray id, route, status 503 and duration', async () => {
    const calls = await captureConsole(() =>
      requestWithEnv(`/api${PAGE}/comments`, { DB: THROWING_DB }, { headers: { 'cf-ray': '8f2a1b3c4d5e6f70-LHR' } }),
    );
    expect(calls.map((c) => c.method)).toEqual(['error']);
    const [line] = jsonLines(calls);
    expect(line).toMatchObject({
      event: 'storage unavailable',
      request_id: '8f2a1b3c4d5e6f70-LHR',
      method: 'GET',
      route: '/api/articles/:slug/comments',
      status: 503,
      error: { name: 'StorageUnavailableError' },
    });
    expect(line?.duration_ms).toBeTypeOf('number');
    expect(line?.duration_ms).toBeGreaterThanOrEqual(0);
  });

  it('without cf-ray (local, tests) each request gets its own generated id', async () => {
    const ids: unknown[] = [];
    for (let i = 0; i < 2; i++) {
      const [line] = jsonLines(await captureConsole(() => requestWithEnv(`/api${PAGE}/comments`, { DB: THROWING_DB })));
      ids.push(line?.request_id);
    }
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[0]).not.toBe(ids[1]);
  });

  it('a comment posted during an outage logs neither the email, the name, nor the IP address', async () => {
    const reader = newReader();
    const calls = await captureConsole(() =>
      requestWithEnv(
        `/api${PAGE}/comments`,
        { DB: THROWING_DB },
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': reader.ip, 'cf-ray': 'post-ray' },
          body: JSON.stringify({ name: reader.name, email: reader.email, body: 'تعليق أثناء العطل' }),
        },
      ),
    );
    const [line] = jsonLines(calls);
    expect(line).toMatchObject({ event: 'storage unavailable', method: 'POST', status: 503, request_id: 'post-ray' });
    const text = JSON.stringify(calls);
    for (const personal of [reader.email, reader.name, reader.ip, 'تعليق أثناء العطل']) expect(text).not.toContain(personal);
  });

  it('a misconfigured site logs which var is wrong, status 500, without the email pasted into it or any secret', async () => {
    // An operator put the moderators' address into the wrong var: the message quotes the value it got.
    const calls = await captureConsole(() =>
      requestWithEnv(PAGE, { COMMENT_MODERATION: 'huda.desk@minbar.example' }, { headers: { 'cf-ray': 'r1' } }),
    );
    const [line] = jsonLines(calls);
    expect(line).toMatchObject({
      event: 'misconfigured',
      status: 500,
      request_id: 'r1',
      route: '/articles/:slug',
    });
    expect(JSON.stringify(line)).toContain('COMMENT_MODERATION: must be one of first, all, none (got \\"[email]\\")');
    const text = JSON.stringify(calls);
    for (const secret of ['huda.desk@minbar.example', 'test-admin-token', 'test-ip-hash-secret', 'test-cookie-signing-secret'])
      expect(text).not.toContain(secret);
  });
});

describe('src/log.ts', () => {
  it('outside a request a line has no request fields, and errors keep name, message and cause', async () => {
    const calls = await captureConsole(async () => {
      logInfo('retention', { pending_trashed: 2 });
      logError('digest not sent', new Error('send failed', { cause: new Error('550 mailbox unavailable') }));
    });
    expect(calls.map((c) => c.method)).toEqual(['log', 'error']);
    const [info, error] = jsonLines(calls);
    expect(info).toEqual({ event: 'retention', pending_trashed: 2 });
    expect(error).toMatchObject({
      event: 'digest not sent',
      error: { name: 'Error', message: 'send failed', cause: '550 mailbox unavailable' },
    });
    expect(error).not.toHaveProperty('request_id');
  });

  it('replaces anything that looks like an email or an IP address, wherever a careless caller put it', async () => {
    const calls = await captureConsole(async () =>
      logError('webhook delivery failed', new Error('refused for omar@example.org from 198.51.100.23 and 2001:db8::7'), {
        to: ['reader@example.com'],
      }),
    );
    const text = JSON.stringify(jsonLines(calls));
    for (const personal of ['omar@example.org', '198.51.100.23', '2001:db8::7', 'reader@example.com'])
      expect(text).not.toContain(personal);
    expect(text).toContain('[email]');
    expect(text).toContain('[ip]');
  });
});
