/**
 * The two Workers side by side: Minbar's deploy bundle with the bindings of wrangler.jsonc and storage seeded as
 * `npm start` seeds it (plus 200 approved comments), and the "ceiling" that returns the article page's bytes.
 */
import { join } from 'node:path';
import type { V4MiniflareOptions } from 'miniflare';
import { articlePath } from '../../src/urls.ts';
import { miniflareWorkerOptions } from '../lib/wrangler-api.ts';
import { BENCH_ADMIN_TOKEN, BUILD } from './settings.ts';

/**
 * Minbar's built bundle with the bindings and compatibility settings wrangler derives from wrangler.jsonc; its KV and
 * D1 live where `wrangler … --persist-to state` writes them.
 */
export function minbarOptions(state: string): V4MiniflareOptions {
  const workerOptions = miniflareWorkerOptions();
  return {
    host: '127.0.0.1',
    port: 0,
    // wrangler keeps local storage under <persist-to>/v3.
    resourcePersistencePath: join(state, 'v3'),
    workers: [
      {
        compatibilityDate: workerOptions.compatibilityDate,
        compatibilityFlags: workerOptions.compatibilityFlags,
        kvNamespaces: workerOptions.kvNamespaces,
        d1Databases: workerOptions.d1Databases,
        ratelimits: workerOptions.ratelimits,
        name: 'minbar',
        modules: true,
        scriptPath: join(BUILD, 'index.js'),
        bindings: {
          ...workerOptions.bindings,
          BUILD_ID: 'bench',
          ADMIN_TOKEN: BENCH_ADMIN_TOKEN,
          IP_HASH_SECRET: 'bench-ip-hash-secret',
          COOKIE_SIGNING_SECRET: 'bench-cookie-signing-secret',
        },
      },
    ],
  };
}

/** The fastest Worker that serves the page: its bytes encoded once, at startup, and returned as they are. */
export function ceilingOptions(body: string, headers: Record<string, string>, compatibilityDate: string): V4MiniflareOptions {
  const script = `const BODY = new TextEncoder().encode(${JSON.stringify(body)});\nconst HEADERS = ${JSON.stringify(headers)};\nexport default { fetch() { return new Response(BODY, { headers: HEADERS }); } };\n`;
  return { host: '127.0.0.1', port: 0, workers: [{ name: 'ceiling', modules: true, script, compatibilityDate }] };
}

/** 200 approved comments on the seed article (150 threads, 50 replies), posted and approved through the API. */
export async function seedComments(base: URL, slug: string): Promise<void> {
  const admin = { Authorization: `Bearer ${BENCH_ADMIN_TOKEN}`, 'Content-Type': 'application/json' };
  let n = 0;
  const post = async (parentId?: number): Promise<number> => {
    n += 1;
    const body = `تعليق رقم ${n} على المقال، فيه رأي القارئ في العلاقات الليبية التركية وما ينتظرها.`;
    const response = await fetch(new URL(`/api${articlePath(slug)}/comments`, base), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': `172.16.${n >> 8}.${n & 255}` },
      body: JSON.stringify({
        name: `قارئ ${n}`,
        email: `reader${n}@example.com`,
        body,
        ...(parentId ? { parent_id: parentId } : {}),
      }),
    });
    if (response.status !== 202) throw new Error(`seeding comment ${n}: ${response.status} ${await response.text()}`);
    const queue = (await (
      await fetch(new URL('/api/admin/comments?status=pending&limit=1', base), { headers: admin })
    ).json()) as { data: Array<{ id: number }> };
    const id = queue.data[0]?.id ?? 0;
    await fetch(new URL(`/api/admin/comments/${id}`, base), {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ status: 'approved' }),
    });
    return id;
  };
  const roots: number[] = [];
  for (let i = 0; i < 150; i++) roots.push(await post());
  for (let i = 0; i < 50; i++) await post(roots[i * 3]);
}
