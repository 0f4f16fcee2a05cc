// Constraint violations are recognised in one place (src/storage/db.ts): a duplicate comment is a 409 for the
// reader, while any other D1 failure is the storage being unavailable (503), never mistaken for a conflict.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { constraintViolated } from '../../../src/storage/db.ts';

const failureOf = async (sql: string, ...values: unknown[]): Promise<unknown> =>
  env.DB.prepare(sql)
    .bind(...values)
    .run()
    .then(
      () => null,
      (error: unknown) => error,
    );

describe('constraintViolated', () => {
  it('names the constraint D1 reports, for each kind a write can break', async () => {
    await env.DB.exec('CREATE TABLE IF NOT EXISTS probe (id INTEGER PRIMARY KEY, v TEXT NOT NULL UNIQUE CHECK (length(v) < 5))');
    await env.DB.prepare("INSERT OR IGNORE INTO probe (v) VALUES ('a')").run();
    expect(constraintViolated(await failureOf("INSERT INTO probe (v) VALUES ('a')"))).toBe('UNIQUE');
    expect(constraintViolated(await failureOf("INSERT INTO probe (v) VALUES ('abcdef')"))).toBe('CHECK');
    expect(constraintViolated(await failureOf('INSERT INTO probe (v) VALUES (NULL)'))).toBe('NOT NULL');
  });

  it('says null for failures that are not constraints: a missing table, a syntax error, anything thrown', async () => {
    expect(constraintViolated(await failureOf('SELECT * FROM no_such_table'))).toBeNull();
    expect(constraintViolated(await failureOf('SELEC 1'))).toBeNull();
    expect(constraintViolated(new Error('network lost'))).toBeNull();
    expect(constraintViolated(undefined)).toBeNull();
  });
});

describe('the comments table', () => {
  it('has no write-only idempotency column: Idempotency-Keys live in idempotency_keys (migration 0009)', async () => {
    const { results } = await env.DB.prepare("SELECT name FROM pragma_table_info('comments')").all<{ name: string }>();
    expect(results.map((r) => r.name)).not.toContain('idempotency_key');
    expect(results.map((r) => r.name)).toContain('body_fingerprint');
  });
});
