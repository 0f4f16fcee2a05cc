// What a client retrying a POST under an Idempotency-Key gets back, against the real local D1 and a clock the test
// moves: the first response, "in progress" while the first request runs, a takeover once that request has died.
import { env } from 'cloudflare:workers';
import { describe, expect, it } from 'vitest';
import { claimOrReplay, releaseClaim, requestFingerprint } from '../../../src/services/idempotency.ts';
import { insertComment } from '../../../src/storage/comments.ts';

const T0 = new Date('2026-11-30T10:00:00Z');
const at = (seconds: number) => () => new Date(T0.getTime() + seconds * 1000);

/** A clock that moves `step` milliseconds each time it is read: a retry's wait passes without real waiting. */
function ticking(startSeconds: number, step = 500) {
  let ms = T0.getTime() + startSeconds * 1000;
  return () => {
    const now = new Date(ms);
    ms += step;
    return now;
  };
}

/** Completes a claimed key with its first response, as the comment insert does. */
async function respond(key: string, status: 201 | 202, body: string) {
  await insertComment(env.DB, {
    articleSlug: 'ankara-energy',
    parentId: null,
    depth: 1,
    authorName: 'قارئ',
    authorEmail: `${crypto.randomUUID()}@example.com`,
    authorUrl: null,
    body: `أول ${key}`,
    bodyFingerprint: key.padEnd(64, '0'),
    status: status === 201 ? 'approved' : 'pending',
    createdAt: T0.toISOString(),
    ipHash: 'c'.repeat(64),
    userAgent: '',
    idempotency: { key, responseStatus: status, responseBody: body },
  });
}

describe('claimOrReplay', () => {
  it('gives the first request the key, and a retry after it answered the same status and body', async () => {
    const key = crypto.randomUUID();
    expect(await claimOrReplay(env.DB, key, 'f1', at(0))).toEqual({ kind: 'claimed' });
    await respond(key, 202, '{"id":0,"status":"pending"}');
    const replay = await claimOrReplay(env.DB, key, 'f1', at(60));
    expect(replay).toMatchObject({ kind: 'replay', status: 202 });
    const { commentId, body } = replay as { commentId: number; body: string };
    expect(JSON.parse(body)).toEqual({ id: commentId, status: 'pending' });
  });

  it('refuses a different request under a used key, in progress or answered', async () => {
    const key = crypto.randomUUID();
    await claimOrReplay(env.DB, key, 'f1', at(0));
    expect(await claimOrReplay(env.DB, key, 'f2', at(1))).toEqual({ kind: 'mismatch' });
    await respond(key, 201, '{"id":0}');
    expect(await claimOrReplay(env.DB, key, 'f2', at(2))).toEqual({ kind: 'mismatch' });
  });

  it('tells a retry the first request is still in progress after waiting about two seconds for it', async () => {
    const key = crypto.randomUUID();
    await claimOrReplay(env.DB, key, 'f1', at(0));
    const clock = ticking(5);
    expect(await claimOrReplay(env.DB, key, 'f1', clock)).toEqual({ kind: 'in-progress' });
    // The clock moves half a second per look: the retry gives up at the first look 2 s after it started.
    expect(clock().getTime() - at(5)().getTime()).toBe(2500);
  });

  it('replays the first response when it arrives while a retry waits', async () => {
    const key = crypto.randomUUID();
    const realTime = () => new Date();
    await claimOrReplay(env.DB, key, 'f1', realTime);
    const retry = claimOrReplay(env.DB, key, 'f1', realTime);
    await respond(key, 201, '{"id":0}');
    expect(await retry).toMatchObject({ kind: 'replay', status: 201 });
  });

  it('lets a retry take over a claim abandoned 30 seconds ago, not one younger', async () => {
    const key = crypto.randomUUID();
    await claimOrReplay(env.DB, key, 'f1', at(0));
    expect(await claimOrReplay(env.DB, key, 'f1', ticking(27))).toEqual({ kind: 'in-progress' });
    expect(await claimOrReplay(env.DB, key, 'f1', at(30))).toEqual({ kind: 'claimed' });
  });

  it('forgets a key after 24 hours: a new request may use it again', async () => {
    const key = crypto.randomUUID();
    await claimOrReplay(env.DB, key, 'f1', at(0));
    await respond(key, 201, '{"id":0}');
    expect(await claimOrReplay(env.DB, key, 'f2', at(24 * 3600 - 1))).toEqual({ kind: 'mismatch' });
    expect(await claimOrReplay(env.DB, key, 'f2', at(24 * 3600))).toEqual({ kind: 'claimed' });
  });

  it('gives the key back after a refused request, so the corrected retry runs', async () => {
    const key = crypto.randomUUID();
    await claimOrReplay(env.DB, key, 'f1', at(0));
    await releaseClaim(env.DB, key);
    expect(await claimOrReplay(env.DB, key, 'f2', at(1))).toEqual({ kind: 'claimed' });
  });
});

describe('requestFingerprint', () => {
  it('is the same for the same fields in any order, at any depth, and differs for another value or target', async () => {
    const a = await requestFingerprint('/x', { name: 'سالم', meta: { b: [1, null, 'ن'], a: true } });
    expect(await requestFingerprint('/x', { meta: { a: true, b: [1, null, 'ن'] }, name: 'سالم' })).toBe(a);
    expect(await requestFingerprint('/y', { name: 'سالم', meta: { b: [1, null, 'ن'], a: true } })).not.toBe(a);
    expect(await requestFingerprint('/x', { name: 'سالم', meta: { b: [null, 1, 'ن'], a: true } })).not.toBe(a);
    expect(await requestFingerprint('/x', { name: 'سالم', meta: { b: [1, null, 'ن'], a: false } })).not.toBe(a);
  });

  it('tells lists of different items apart, however their digits run together', async () => {
    expect(await requestFingerprint('/x', { ids: [1, 23] })).not.toBe(await requestFingerprint('/x', { ids: [12, 3] }));
  });

  it('tells an empty object, an empty list, null and text apart', async () => {
    const prints = await Promise.all([{}, [], null, 'null', '{}'].map((body) => requestFingerprint('/x', body)));
    expect(new Set(prints).size).toBe(5);
  });
});

describe('claimOrReplay with other keys about', () => {
  it('gives the key to only one of two requests arriving together; the other hears it is in progress', async () => {
    const key = crypto.randomUUID();
    const outcomes = await Promise.all([
      claimOrReplay(env.DB, key, 'f1', ticking(0)),
      claimOrReplay(env.DB, key, 'f1', ticking(0)),
    ]);
    expect(outcomes.map((o) => o.kind).sort()).toEqual(['claimed', 'in-progress']);
  });

  it('keeps an answered key for 24 hours while other keys are claimed', async () => {
    const key = crypto.randomUUID();
    await claimOrReplay(env.DB, key, 'f1', at(0));
    await respond(key, 201, '{"id":0}');
    expect(await claimOrReplay(env.DB, crypto.randomUUID(), 'f2', at(3600))).toEqual({ kind: 'claimed' });
    expect(await claimOrReplay(env.DB, key, 'f1', at(3601))).toMatchObject({ kind: 'replay', status: 201 });
  });
});
