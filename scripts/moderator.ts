/**
 * `npm run moderator -- add|disable|reset <name> [--remote] [--persist-to DIR]`: manages the desk's accounts.
 * `add` and `reset` print a generated password once; it is stored only as a PBKDF2 hash.
 */
import { parseArgs } from 'node:util';
import { addModerator, disableModerator, resetModerator, type Target } from './lib/moderators.ts';

const USAGE = 'usage: npm run moderator -- add|disable|reset <name> [--remote] [--persist-to DIR]';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { remote: { type: 'boolean', default: false }, 'persist-to': { type: 'string' } },
});
const [command, name] = positionals;
if (!command || !name || positionals.length !== 2) {
  console.error(USAGE);
  process.exit(2);
}
const target: Target = values.remote
  ? { remote: true }
  : { remote: false, ...(values['persist-to'] ? { persistTo: values['persist-to'] } : {}) };
const where = values.remote ? 'remote' : 'local';

try {
  if (command === 'add') {
    const password = await addModerator(name, target);
    console.log(`Added moderator "${name}" (${where}). Password (shown once): ${password}`);
  } else if (command === 'reset') {
    const password = await resetModerator(name, target);
    if (password === null) throw new Error(`No moderator is called "${name}" (${where}).`);
    console.log(`New password for "${name}" (${where}), shown once; their sessions are ended: ${password}`);
  } else if (command === 'disable') {
    if (!(await disableModerator(name, target))) throw new Error(`No moderator is called "${name}" (${where}).`);
    console.log(`Disabled "${name}" (${where}); their sessions are ended.`);
  } else {
    console.error(USAGE);
    process.exit(2);
  }
} catch (error) {
  const message = (error as Error).message;
  console.error(message.includes('UNIQUE') ? `A moderator called "${name}" already exists (${where}).` : message);
  process.exit(1);
}
