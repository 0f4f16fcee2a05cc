/**
 * Moderator accounts from the command line, through `wrangler d1 execute` (local or remote): add, disable, reset.
 * Passwords are hashed here with the Worker's own code (src/domain/password.ts), so the Worker verifies them.
 */
import { generatePassword, hashPassword, MODERATOR_NAME } from '../../src/domain/password.ts';
import { wranglerOrThrow } from './wrangler.ts';

/** Where the D1 database is: `--local` (optionally persisted elsewhere) or `--remote`. */
export type Target = { remote: true } | { remote: false; persistTo?: string };

const targetArgs = (t: Target): string[] =>
  t.remote ? ['--remote'] : ['--local', ...(t.persistTo ? ['--persist-to', t.persistTo] : [])];

/** Runs SQL against DB and returns how many rows it changed (the last statement's count). */
async function execute(sql: string, target: Target): Promise<number> {
  const { stdout } = await wranglerOrThrow(['d1', 'execute', 'DB', ...targetArgs(target), '--json', '--command', sql]);
  const results = JSON.parse(stdout.slice(stdout.indexOf('['))) as Array<{ meta?: { changes?: number } }>;
  return results.at(-1)?.meta?.changes ?? 0;
}

/** Throws unless `name` is a valid moderator name (so it can be written into SQL as a literal). */
function checkName(name: string): string {
  const nfc = name.normalize('NFC');
  if (!MODERATOR_NAME.test(nfc)) throw new Error(`"${name}" is not a moderator name: use 1–64 letters, digits, ".", "-" or "_".`);
  return nfc;
}

const hashColumns = async (password: string) => {
  const stored = await hashPassword(password);
  return { ...stored, sql: `'${stored.hash}', '${stored.salt}', ${stored.iterations}` };
};

/**
 * Creates an account; returns its generated password, or null when `ifMissing` and the account already exists.
 * @example const password = await addModerator('huda', { remote: false })
 */
export async function addModerator(
  rawName: string,
  target: Target,
  options: { password?: string; ifMissing?: boolean } = {},
): Promise<string | null> {
  const name = checkName(rawName);
  const password = options.password ?? generatePassword();
  const { sql } = await hashColumns(password);
  const conflict = options.ifMissing ? ' ON CONFLICT (name) DO NOTHING' : '';
  const changes = await execute(
    `INSERT INTO moderators (name, password_hash, salt, iterations, created_at) VALUES ('${name}', ${sql}, '${new Date().toISOString()}')${conflict}`,
    target,
  );
  return changes > 0 ? password : null;
}

/** Disables an account and ends its sessions at once. Returns false when there is no such account. */
export async function disableModerator(rawName: string, target: Target): Promise<boolean> {
  const name = checkName(rawName);
  const now = new Date().toISOString();
  const changes = await execute(
    `UPDATE desk_sessions SET revoked_at = '${now}' WHERE revoked_at IS NULL AND moderator_id IN (SELECT id FROM moderators WHERE name = '${name}');
     UPDATE moderators SET disabled_at = '${now}' WHERE name = '${name}'`,
    target,
  );
  return changes > 0;
}

/** Gives an account a new generated password, enables it, and ends its sessions. Returns null when there is no such account. */
export async function resetModerator(rawName: string, target: Target): Promise<string | null> {
  const name = checkName(rawName);
  const password = generatePassword();
  const stored = await hashPassword(password);
  const now = new Date().toISOString();
  const changes = await execute(
    `UPDATE desk_sessions SET revoked_at = '${now}' WHERE revoked_at IS NULL AND moderator_id IN (SELECT id FROM moderators WHERE name = '${name}');
     UPDATE moderators SET password_hash = '${stored.hash}', salt = '${stored.salt}', iterations = ${stored.iterations}, disabled_at = NULL WHERE name = '${name}'`,
    target,
  );
  return changes > 0 ? password : null;
}
