// Settings built the way the Worker builds them: from the vars (vitest.config.ts's, with some changed), checked.
import { env } from 'cloudflare:workers';
import { readConfig } from '../../../src/config.ts';
import { type ModerationSettings, readModerationSettings } from '../../../src/domain/comment.ts';

/** The moderation settings the Worker reads from its vars, with `vars` changed. */
export const settingsFrom = (vars: Record<string, string> = {}): ModerationSettings =>
  readModerationSettings(readConfig({ ...env, ...vars }));
