// A webhook receiver that keeps failing: the desk Worker's queue consumer retries the event with backoff, then the
// queue moves it to the dead-letter queue, where an operator finds it. Run on the real runtime: the desk Worker exactly
// as it deploys (wrangler's own build of wrangler.desk.jsonc) in workerd through Miniflare, with its consumer settings
// from that config
// except a shorter max_retries. Mocked: only the receiver (a local HTTP server that answers 503), as it is outside
// Minbar, and the operator's dead-letter consumer (a second Worker that reports what reaches the dead-letter queue).
import { createHmac } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wrangler } from '../../scripts/lib/wrangler.ts';
import { DESK_WRANGLER_CONFIG, miniflareWorkerOptions } from '../../scripts/lib/wrangler-api.ts';

const SECRET = 'dead-letter-test-webhook-secret';
const EVENTS = 'minbar-comment-events';
const DEAD_LETTERS = 'minbar-comment-events-dlq';

interface Received {
  path: string;
  body: string;
  signature: string | undefined;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  let body = '';
  for await (const chunk of request) body += chunk;
  return body;
};

/** The receiver's check, as README ("Webhooks") tells a receiver to do it. */
const signatureValid = (header: string | undefined, body: string): boolean => {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header ?? '');
  return match !== null && createHmac('sha256', SECRET).update(`${match[1]}.${body}`).digest('hex') === match[2];
};

describe('a comment event whose webhook keeps failing', () => {
  const received: Received[] = [];
  let receiver: Server;
  let mf: Miniflare;
  let dir: string;

  beforeAll(async () => {
    receiver = createServer(async (request, response) => {
      received.push({
        path: request.url ?? '',
        body: await readBody(request),
        signature: request.headers['minbar-signature'] as string,
      });
      response.writeHead(request.url === '/hook' ? 503 : 204).end();
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

    // Inside the project: workerd names modules by their path from here and refuses one that climbs out with "..".
    await mkdir('.wrangler', { recursive: true });
    dir = await mkdtemp(join('.wrangler', 'dead-letter-'));
    const build = await wrangler(['deploy', '-c', DESK_WRANGLER_CONFIG, '--dry-run', '--minify', '--outdir', dir]);
    if (build.code !== 0) throw new Error(`the desk Worker does not build:\n${build.stderr}`);
    // The compatibility date and flags of wrangler.desk.jsonc, as wrangler derives them.
    const { compatibilityDate, compatibilityFlags } = miniflareWorkerOptions(DESK_WRANGLER_CONFIG);
    mf = new Miniflare(
      convertV4MiniflareOptions({
        host: '127.0.0.1',
        port: 0,
        workers: [
          {
            name: 'minbar-desk',
            modules: true,
            scriptPath: join(dir, 'index.js'),
            compatibilityDate,
            compatibilityFlags,
            bindings: { SITE_URL: 'https://minbar.test', WEBHOOK_URL: `${origin}/hook`, WEBHOOK_SECRET: SECRET },
            d1Databases: ['DB'],
            kvNamespaces: ['ARTICLES'],
            queueProducers: { COMMENT_EVENTS: { queueName: EVENTS } },
            // As wrangler's config, but two attempts in all: the first retry comes after the consumer's 30-second backoff.
            queueConsumers: { [EVENTS]: { maxBatchTimeout: 0, maxRetries: 1, deadLetterQueue: DEAD_LETTERS } },
          },
          {
            name: 'operator',
            modules: true,
            compatibilityDate,
            bindings: { REPORT_URL: `${origin}/dead-letter` },
            queueConsumers: { [DEAD_LETTERS]: { maxBatchTimeout: 0 } },
            script: `export default { async queue(batch, env) {
            for (const m of batch.messages) {
              await fetch(env.REPORT_URL, { method: 'POST', body: JSON.stringify({ body: m.body, attempts: m.attempts }) });
              m.ack();
            }
          } };`,
          },
        ],
      }),
    );
    await mf.ready;
  }, 120_000);

  afterAll(async () => {
    await mf?.dispose();
    await new Promise((resolve) => receiver?.close(resolve));
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is delivered signed, retried after its backoff, then dead-lettered with its ids only', { timeout: 120_000 }, async () => {
    const events = await mf.getQueueProducer<unknown>('COMMENT_EVENTS', 'minbar-desk');
    const sent = Date.now();
    await events.send({ type: 'comment.approved', comment_id: 41, article_slug: 'ankara-energy' });
    const deadline = Date.now() + 100_000;
    while (!received.some((r) => r.path === '/dead-letter') && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 250));

    const deliveries = received.filter((r) => r.path === '/hook');
    expect(deliveries).toHaveLength(2);
    for (const delivery of deliveries) {
      expect(signatureValid(delivery.signature, delivery.body)).toBe(true);
      expect(JSON.parse(delivery.body)).toMatchObject({
        type: 'comment.approved',
        comment_id: 41,
        article_slug: 'ankara-energy',
      });
    }
    // The same delivery id both times, so a receiver that did get the first one can drop the second.
    expect(JSON.parse(deliveries[1]?.body ?? '{}').id).toBe(JSON.parse(deliveries[0]?.body ?? '{}').id);
    // The retry waited for the backoff (30 s after the first failure), not a hot loop.
    expect(Date.now() - sent).toBeGreaterThanOrEqual(29_000);

    const dead = received.filter((r) => r.path === '/dead-letter').map((r) => JSON.parse(r.body));
    expect(dead).toEqual([{ body: { type: 'comment.approved', comment_id: 41, article_slug: 'ankara-energy' }, attempts: 1 }]);
  });
});
