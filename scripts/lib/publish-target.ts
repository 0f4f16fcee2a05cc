/**
 * Where the publisher writes: the ARTICLES KV namespace and the DB database, local or remote, behind one interface.
 * Remote goes through wrangler (files within its bulk limits). Local opens wrangler's own local state (the same
 * bindings from the wrangler configuration, the same `--persist-to` folder) once, in this process, through Miniflare:
 * a wrangler run costs seconds of start-up, and a large publish would need hundreds of them.
 */
import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { convertV4MiniflareOptions, Miniflare } from 'miniflare';
import type { KvEntry } from './publication.ts';
import { wranglerOrThrow } from './wrangler.ts';
import { miniflareWorkerOptions } from './wrangler-api.ts';

/** Keys per `wrangler kv bulk get` (the API's limit). */
const BULK_GET_KEYS = 100;
/** KV operations in flight at once on the local state. */
const LOCAL_CONCURRENCY = 32;
/** Most bytes of SQL sent to the local D1 in one exec. */
const LOCAL_SQL_BYTES = 500_000;

/**
 * The Worker the local target runs in workerd beside the state: it writes a whole chunk of KV entries per request,
 * from inside the runtime, which is about twice as fast as one proxied call per key from Node; and it answers queries
 * as one JSON document (POST /query), which for the manifest of 100,000 articles is seconds faster than Miniflare's
 * proxy, which hands rows to Node one value at a time.
 */
const BULK_WORKER = `export default {
  async fetch(request, env) {
    if (new URL(request.url).pathname === '/query') {
      const statements = await request.json();
      const results = await env.DB.batch(statements.map((s) => env.DB.prepare(s)));
      return Response.json(results.map((r) => r.results));
    }
    const entries = await request.json();
    let next = 0;
    const lane = async () => {
      while (next < entries.length) {
        const e = entries[next++];
        await env.ARTICLES.put(e.key, e.value, { metadata: e.metadata });
      }
    };
    await Promise.all(Array.from({ length: ${LOCAL_CONCURRENCY} }, lane));
    return new Response(null, { status: 204 });
  },
};`;

/** What the local target uses of Miniflare's D1 binding (the Workers types are not part of the Node scripts' build). */
interface LocalD1 {
  prepare(sql: string): { all<T>(): Promise<{ results: T[] }> };
  exec(sql: string): Promise<unknown>;
}

/** What the local target uses of Miniflare's KV binding. */
interface LocalKv {
  list(options: { prefix: string; cursor?: string }): Promise<{
    keys: Array<{ name: string; metadata?: unknown }>;
    list_complete: boolean;
    cursor?: string;
  }>;
  get(key: string, type: 'text'): Promise<string | null>;
  delete(key: string): Promise<void>;
}

/** Statements (one a line) in groups of at most `maxBytes`. */
function sqlGroups(sql: string, maxBytes: number): string[] {
  const groups: string[] = [];
  let current: string[] = [];
  let size = 0;
  for (const line of sql.split('\n')) {
    if (size + line.length > maxBytes && current.length > 0) {
      groups.push(current.join('\n'));
      current = [];
      size = 0;
    }
    current.push(line);
    size += line.length + 1;
  }
  if (current.length > 0) groups.push(current.join('\n'));
  return groups;
}

/** A KV key as listed, with the hash the publisher put in its metadata. */
interface ListedKey {
  name: string;
  metadata?: { hash?: string };
}

/** The publisher's storage operations. */
interface PublishTarget {
  /** Rows of each statement. */
  query(...statements: string[]): Promise<unknown[][]>;
  /** Runs statements, one a line. */
  execute(sql: string): Promise<void>;
  /** Migrations not yet applied, applied (the same `wrangler d1 migrations apply` in dev, tests and deploy). */
  migrate(): Promise<void>;
  kvList(prefix: string): Promise<ListedKey[]>;
  kvPut(entries: KvEntry[]): Promise<void>;
  /** Stored values (null when absent). */
  kvGet(keys: string[]): Promise<Map<string, string | null>>;
  kvDelete(keys: string[]): Promise<void>;
  close(): Promise<void>;
}

/** Runs `work` on every item, `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

/** Wrangler's local state (default `.wrangler/state`, or `--persist-to`), opened in this process. */
export async function localTarget(persistTo?: string): Promise<PublishTarget> {
  const args = ['--local', ...(persistTo ? ['--persist-to', persistTo] : [])];
  const open = () => {
    const worker = miniflareWorkerOptions();
    const options = convertV4MiniflareOptions({
      workers: [
        {
          name: 'publisher',
          modules: true,
          script: BULK_WORKER,
          compatibilityDate: String(worker.compatibilityDate),
          kvNamespaces: worker.kvNamespaces,
          d1Databases: worker.d1Databases,
        },
      ],
    });
    // The folder wrangler's `--local` commands use: <persist-to or .wrangler/state>/v3.
    return new Miniflare({ ...options, resourcePersistencePath: join(resolve(persistTo ?? '.wrangler/state'), 'v3') });
  };
  let mf = open();
  const bindings = async (): Promise<{ db: LocalD1; kv: LocalKv }> => ({
    db: (await mf.getD1Database('DB')) as unknown as LocalD1,
    kv: (await mf.getKVNamespace('ARTICLES')) as unknown as LocalKv,
  });
  let { db, kv } = await bindings();
  return {
    async query(...statements) {
      const response = await mf.dispatchFetch('http://publisher/query', { method: 'POST', body: JSON.stringify(statements) });
      if (response.status !== 200) throw new Error(`local D1 query failed: ${response.status} ${await response.text()}`);
      return (await response.json()) as unknown[][];
    },
    async execute(sql) {
      for (const group of sqlGroups(sql, LOCAL_SQL_BYTES)) if (group.trim()) await db.exec(group);
    },
    async migrate() {
      // Pending migrations are applied by wrangler itself; the state is closed meanwhile, so one process holds it.
      const applied = await db
        .prepare('SELECT name FROM d1_migrations')
        .all<{ name: string }>()
        .then(
          (r) => new Set(r.results.map((row) => row.name)),
          () => new Set<string>(),
        );
      const pending = readdirSync('migrations').filter((name) => name.endsWith('.sql') && !applied.has(name));
      if (pending.length === 0) return;
      await mf.dispose();
      await wranglerOrThrow(['d1', 'migrations', 'apply', 'DB', ...args]);
      mf = open();
      ({ db, kv } = await bindings());
    },
    async kvList(prefix) {
      const keys: ListedKey[] = [];
      let cursor: string | undefined;
      do {
        const page = await kv.list({ prefix, ...(cursor ? { cursor } : {}) });
        keys.push(
          ...page.keys.map((k) => ({ name: k.name, ...(k.metadata ? { metadata: k.metadata as { hash?: string } } : {}) })),
        );
        cursor = page.list_complete ? undefined : page.cursor;
      } while (cursor);
      return keys;
    },
    async kvPut(entries) {
      for (let i = 0; i < entries.length; i += 500) {
        const response = await mf.dispatchFetch('http://publisher/', {
          method: 'POST',
          body: JSON.stringify(entries.slice(i, i + 500)),
        });
        if (response.status !== 204) throw new Error(`local KV put failed: ${response.status} ${await response.text()}`);
      }
    },
    async kvGet(keys) {
      const values = new Map<string, string | null>();
      await inParallel(keys, LOCAL_CONCURRENCY, async (key) => {
        values.set(key, await kv.get(key, 'text'));
      });
      return values;
    },
    async kvDelete(keys) {
      await inParallel(keys, LOCAL_CONCURRENCY, (key) => kv.delete(key));
    },
    close: () => mf.dispose(),
  };
}

/** The deployed KV namespace and database, through wrangler. */
export async function remoteTarget(): Promise<PublishTarget> {
  const dir = await mkdtemp(join(tmpdir(), 'minbar-remote-'));
  const kv = (...args: string[]) => wranglerOrThrow(['kv', ...args, '--binding', 'ARTICLES', '--remote']);
  const d1 = (...args: string[]) => wranglerOrThrow(['d1', 'execute', 'DB', '--remote', ...args]);
  let files = 0;
  const file = async (content: string) => {
    files += 1;
    const path = join(dir, `batch-${files}`);
    await writeFile(path, content);
    return path;
  };
  return {
    async query(...statements) {
      const out = JSON.parse((await d1('--json', '--command', statements.join('; '))).stdout) as Array<{ results?: unknown[] }>;
      return out.map((r) => r.results ?? []);
    },
    async execute(sql) {
      if (sql.trim()) await d1('--file', await file(sql), '--yes');
    },
    async migrate() {
      await wranglerOrThrow(['d1', 'migrations', 'apply', 'DB', '--remote']);
    },
    async kvList(prefix) {
      return JSON.parse((await kv('key', 'list', '--prefix', prefix)).stdout) as ListedKey[];
    },
    async kvPut(entries) {
      if (entries.length > 0) await kv('bulk', 'put', await file(JSON.stringify(entries)));
    },
    async kvGet(keys) {
      const values = new Map<string, string | null>();
      for (let i = 0; i < keys.length; i += BULK_GET_KEYS) {
        const got = JSON.parse(
          (await kv('bulk', 'get', await file(JSON.stringify(keys.slice(i, i + BULK_GET_KEYS))))).stdout,
        ) as Record<string, { value: string | null }>;
        for (const [key, { value }] of Object.entries(got)) values.set(key, value);
      }
      return values;
    },
    async kvDelete(keys) {
      if (keys.length > 0) await kv('bulk', 'delete', await file(JSON.stringify(keys)), '--force');
    },
    close: () => rm(dir, { recursive: true, force: true }),
  };
}
