// The daily retention run through the Worker's scheduled handler, with a fixed clock (createScheduledController).
import { createScheduledController } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import worker from '../../src/desk/index.ts';
import type { Bindings } from '../../src/env.ts';
import { seedComment } from '../worker/helpers/comments.ts';
import { request } from '../worker/helpers/http.ts';

/** The run's clock: far enough ahead that the seeded dates below are exact distances from it. */
const NOW = Date.parse('2031-06-15T03:30:00.000Z');
const daysAgo = (days: number) => new Date(NOW - days * 86_400_000).toISOString();

const SLUG = 'benghazi-port';
const ids: Record<string, number> = {};

/** Seeds a comment and dates it. */
async function seed(name: string, status: 'pending' | 'approved' | 'spam' | 'trash', created: number, updated = created) {
  const id = await seedComment({ slug: SLUG, body: `احتفاظ ${name}`, status: status === 'trash' ? 'pending' : status });
  await env.DB.prepare('UPDATE comments SET status = ?2, created_at = ?3, updated_at = ?4 WHERE id = ?1')
    .bind(id, status, daysAgo(created), daysAgo(updated))
    .run();
  ids[name] = id;
}

type Row = { id: number; status: string; ip_hash: string; user_agent: string; parent_id: number | null; depth: number };
const snapshot = async () =>
  (await env.DB.prepare('SELECT id, status, ip_hash, user_agent, parent_id, depth FROM comments ORDER BY id').all<Row>()).results;
const row = async (name: string) => (await snapshot()).find((r) => r.id === ids[name]);

async function runRetention(settings: Partial<Bindings> = {}) {
  const lines: string[] = [];
  vi.spyOn(console, 'log').mockImplementation((line: string) => lines.push(line));
  await worker.scheduled(createScheduledController({ scheduledTime: NOW, cron: '30 3 * * *' }), {
    ...env,
    ...settings,
  } as Bindings);
  vi.restoreAllMocks();
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

afterEach(() => vi.restoreAllMocks());

beforeAll(async () => {
  await seed('old approved', 'approved', 91);
  await seed('recent approved', 'approved', 89);
  await seed('old spam', 'spam', 40, 31);
  await seed('young spam', 'spam', 40, 29);
  await seed('old trash', 'trash', 200, 31);
  await seed('stale pending', 'pending', 31);
  await seed('fresh pending', 'pending', 29);
  // A trashed parent with an approved reply: the reply must survive, one level up.
  await seed('trashed parent', 'approved', 100);
  const reply = await seedComment({ slug: SLUG, body: 'رد باقٍ', parentId: ids['trashed parent'], depth: 2 });
  await env.DB.prepare('UPDATE comments SET created_at = ?2, updated_at = ?2 WHERE id = ?1').bind(reply, daysAgo(50)).run();
  ids.reply = reply;
  await env.DB.prepare("UPDATE comments SET status = 'trash', updated_at = ?2 WHERE id = ?1")
    .bind(ids['trashed parent'], daysAgo(35))
    .run();
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO idempotency_keys (key, request_fingerprint, comment_id, response_status, created_at) VALUES ('old-key', 'f', 1, 202, ?1)",
    ).bind(new Date(NOW - 25 * 3_600_000).toISOString()),
    env.DB.prepare(
      "INSERT INTO idempotency_keys (key, request_fingerprint, comment_id, response_status, created_at) VALUES ('new-key', 'f', 1, 202, ?1)",
    ).bind(new Date(NOW - 23 * 3_600_000).toISOString()),
  ]);
  // The desk's sessions: one expired, one signed out (not yet expired), one live; failed sign-ins two days and an hour old.
  const session = (hash: string, expires: string, revoked: string | null) =>
    env.DB.prepare(
      "INSERT INTO desk_sessions (id_hash, moderator_id, csrf_token, created_at, expires_at, revoked_at) VALUES (?1, 1, 't', ?2, ?3, ?4)",
    ).bind(hash.repeat(64), daysAgo(3), expires, revoked);
  await env.DB.batch([
    env.DB.prepare(
      "INSERT INTO moderators (id, name, password_hash, salt, iterations, created_at) VALUES (1, 'retention-mod', 'h', 's', 1, ?1)",
    ).bind(daysAgo(3)),
    session('a', daysAgo(1), null),
    session('b', new Date(NOW + 3_600_000).toISOString(), daysAgo(0.1)),
    session('c', new Date(NOW + 3_600_000).toISOString(), null),
    env.DB.prepare("INSERT INTO signin_failures (scope, at) VALUES ('client:x', ?1), ('client:y', ?2)").bind(
      daysAgo(2),
      new Date(NOW - 3_600_000).toISOString(),
    ),
  ]);
});

describe('scheduled retention', () => {
  it('removes exactly what the periods say, logs one structured line, and a second run changes nothing', async () => {
    const before = await request(`/articles/${SLUG}`);
    const [first, ...more] = await runRetention();
    expect(more).toEqual([]);
    expect(first).toEqual({
      event: 'retention',
      at: new Date(NOW).toISOString(),
      client_data_removed: 3, // created more than 90 days ago: old approved (91), trashed parent (100), old trash (200)
      reaction_clients_forgotten: 0,
      spam_and_trash_deleted: 3,
      pending_trashed: 1,
      idempotency_keys_deleted: 1,
      desk_sessions_deleted: 2,
      signin_failures_deleted: 1,
    });

    // Client data: gone from comments older than 90 days, kept on younger ones; the comment itself stays.
    expect(await row('old approved')).toMatchObject({ status: 'approved', ip_hash: '0'.repeat(64), user_agent: '' });
    expect(await row('recent approved')).toMatchObject({ status: 'approved', ip_hash: 'f'.repeat(64), user_agent: 'seed' });
    // Spam and trash: deleted after 30 days there, kept before.
    expect(await row('old spam')).toBeUndefined();
    expect(await row('old trash')).toBeUndefined();
    expect(await row('young spam')).toMatchObject({ status: 'spam' });
    // The reply of a deleted comment is kept and moves up a level.
    expect(await row('trashed parent')).toBeUndefined();
    expect(await row('reply')).toMatchObject({ status: 'approved', parent_id: null, depth: 1 });
    // Pending: moved to the trash after 30 days (and not deleted in the same run), kept before.
    expect(await row('stale pending')).toMatchObject({ status: 'trash' });
    expect(await row('fresh pending')).toMatchObject({ status: 'pending' });
    const log = await env.DB.prepare('SELECT to_status, actor FROM moderation_log WHERE comment_id = ?1')
      .bind(ids['stale pending'])
      .all();
    expect(log.results).toEqual([{ to_status: 'trash', actor: 'retention' }]);
    const keys = await env.DB.prepare('SELECT key FROM idempotency_keys ORDER BY key').all();
    expect(keys.results).toEqual([{ key: 'new-key' }]);
    // Desk sessions: only the live one is kept; failed sign-ins of the last day are kept for the sign-in limits.
    const sessions = await env.DB.prepare('SELECT substr(id_hash, 1, 1) AS s FROM desk_sessions').all();
    expect(sessions.results).toEqual([{ s: 'c' }]);
    const failures = await env.DB.prepare('SELECT scope FROM signin_failures').all();
    expect(failures.results).toEqual([{ scope: 'client:y' }]);

    // Readers see the deletion at once: the page's ETag changed.
    expect((await request(`/articles/${SLUG}`)).headers.get('ETag')).not.toBe(before.headers.get('ETag'));

    const after = await snapshot();
    const [second] = await runRetention();
    expect(second).toMatchObject({
      client_data_removed: 0,
      spam_and_trash_deleted: 0,
      pending_trashed: 0,
      idempotency_keys_deleted: 0,
      desk_sessions_deleted: 0,
      signin_failures_deleted: 0,
    });
    expect(await snapshot()).toEqual(after);
  });

  it('follows the configured periods', async () => {
    const [report] = await runRetention({ RETENTION_CLIENT_DAYS: '80', PENDING_DAYS: '20' });
    expect(report).toMatchObject({ client_data_removed: 1, pending_trashed: 1 });
    expect(await row('recent approved')).toMatchObject({ ip_hash: '0'.repeat(64) });
    expect(await row('fresh pending')).toMatchObject({ status: 'trash' });
  });

  it('refuses to run with a malformed period, saying which variable is wrong', async () => {
    await expect(runRetention({ TRASH_DAYS: '30d' })).rejects.toThrow('TRASH_DAYS: expected days (1-99999), got "30d"');
  });
});
