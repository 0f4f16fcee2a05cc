/**
 * The legacy URL map in D1 (`legacy_urls`), written by the WordPress importer and read only on the not-found path.
 */
import type { Db } from './db.ts';

/**
 * The target of the first of `keys` (in order of preference) that the map holds, or null.
 * @example await findLegacyTarget(env.DB, ['post:أهلا-بالعالم']) // '/articles/%D8%A3…'
 */
export async function findLegacyTarget(db: Db, keys: string[]): Promise<string | null> {
  if (keys.length === 0) return null;
  const placeholders = keys.map((_, i) => `?${i + 1}`).join(', ');
  const { results } = await db
    .prepare(`SELECT key, target FROM legacy_urls WHERE key IN (${placeholders})`)
    .bind(...keys)
    .all<{ key: string; target: string }>();
  const found = new Map(results.map((row) => [row.key, row.target]));
  for (const key of keys) {
    const target = found.get(key);
    if (target !== undefined) return target;
  }
  return null;
}
