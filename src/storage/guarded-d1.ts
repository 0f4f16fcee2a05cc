/**
 * A D1 session whose failures say what they are: any error of D1 itself (a missing table, a failing binding, a
 * timeout) becomes a StorageUnavailableError, answered 503 with Retry-After, while constraint violations (a
 * duplicate comment, a reused idempotency key) stay what they are for the code that expects them.
 */
import { constraintViolated } from './db.ts';
import { StorageUnavailableError } from './unavailable.ts';

/** The real statement behind each guarded one, for batch(), which only accepts D1's own statements. */
const REAL = new WeakMap<object, D1PreparedStatement>();

async function guarded<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof StorageUnavailableError || constraintViolated(error) !== null) throw error;
    throw new StorageUnavailableError('D1', error);
  }
}

function guardStatement(statement: D1PreparedStatement): D1PreparedStatement {
  const guard = {
    bind: (...values: unknown[]) => guardStatement(statement.bind(...values)),
    first: (column?: string) => guarded(() => (column === undefined ? statement.first() : statement.first(column))),
    all: () => guarded(() => statement.all()),
    run: () => guarded(() => statement.run()),
    raw: (options?: { columnNames?: false }) => guarded(() => statement.raw(options)),
  };
  REAL.set(guard, statement);
  return guard as unknown as D1PreparedStatement;
}

/** A statement that fails when run, for a binding that could not even prepare it. */
function failedStatement(cause: unknown): D1PreparedStatement {
  const fail = () => Promise.reject(new StorageUnavailableError('D1', cause));
  const statement = { bind: () => statement, first: fail, all: fail, run: fail, raw: fail };
  return statement as unknown as D1PreparedStatement;
}

/** A session that fails every query, for a binding that could not even open one. */
function failedSession(cause: unknown): D1DatabaseSession {
  return {
    prepare: () => failedStatement(cause),
    batch: () => Promise.reject(new StorageUnavailableError('D1', cause)),
    getBookmark: () => null,
  } as unknown as D1DatabaseSession;
}

function prepare(session: D1DatabaseSession, query: string): D1PreparedStatement {
  try {
    return guardStatement(session.prepare(query));
  } catch (error) {
    return failedStatement(error);
  }
}

/**
 * Opens a D1 session from `bookmark` whose errors are StorageUnavailableError (constraints excepted).
 * @example c.set('db', openGuardedSession(c.env.DB, 'first-unconstrained'))
 */
export function openGuardedSession(db: D1Database, bookmark: string): D1DatabaseSession {
  let session: D1DatabaseSession;
  try {
    session = db.withSession(bookmark);
  } catch (error) {
    return failedSession(error);
  }
  return {
    prepare: (query: string) => prepare(session, query),
    batch: <T>(statements: D1PreparedStatement[]) => guarded(() => session.batch<T>(statements.map((s) => REAL.get(s) ?? s))),
    getBookmark: () => session.getBookmark(),
  } as D1DatabaseSession;
}
