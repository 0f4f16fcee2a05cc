/**
 * What every D1 storage module shares: the database type its functions take, and the one place that recognises
 * which of SQLite's constraints refused a write. D1 reports constraint failures only as SQLite's message text
 * ("UNIQUE constraint failed: …"), so that text is read here and nowhere else.
 */

/** A D1 database or a session on it (reads that must see the reader's own writes). */
export type Db = Pick<D1Database, 'prepare' | 'batch'>;

/** The SQLite constraints a write can break. */
export type Constraint = 'UNIQUE' | 'CHECK' | 'NOT NULL' | 'FOREIGN KEY';

const CONSTRAINT_FAILED = /\b(UNIQUE|CHECK|NOT NULL|FOREIGN KEY) constraint failed/;

/**
 * Which constraint refused a write, or null for any other error (a missing table, a failing binding).
 * @example constraintViolated(new Error('D1_ERROR: UNIQUE constraint failed: comments.x')) // 'UNIQUE'
 */
export function constraintViolated(error: unknown): Constraint | null {
  const match = CONSTRAINT_FAILED.exec(String((error as Error | undefined)?.message));
  return match ? (match[1] as Constraint) : null;
}
