/**
 * Settings of the background work (retention, the moderators' digest, the webhook) and of the privacy notice,
 * read from wrangler.jsonc vars and secrets in this one place. A malformed value is an operator's mistake that
 * must not pass silently (a typo in a retention period would keep personal data too long, or delete it too soon):
 * it throws an Error naming the variable, what was found and what is expected.
 */

/** How long things are kept, in days. */
export interface RetentionSettings {
  /** IP hashes and user agents are removed from comments older than this. */
  clientDays: number;
  /** Spam and trash are deleted for good this long after they got there. */
  trashDays: number;
  /** Comments still pending after this long are moved to the trash. */
  pendingDays: number;
  /** Where readers ask for a copy or erasure of their data; '' when not configured. */
  privacyEmail: string;
}

/** Who gets the digest and where webhook events go; each part is off when not configured. */
export interface NotificationSettings {
  /** Recipients of the moderators' digest (empty: no e-mail). */
  moderatorEmails: string[];
  /** Sender of the digest. */
  from: string;
  /** Webhook endpoint and signing key, or null (both are needed). */
  webhook: { url: string; secret: string } | null;
}

/** The vars and secrets these settings are read from. */
export interface BackgroundVars {
  RETENTION_CLIENT_DAYS?: string;
  TRASH_DAYS?: string;
  PENDING_DAYS?: string;
  PRIVACY_EMAIL?: string;
  MODERATOR_EMAILS?: string;
  NOTIFY_FROM?: string;
  WEBHOOK_URL?: string;
  WEBHOOK_SECRET?: string;
}

const EMAIL = /^[^\s@<>",]+@[^\s@<>",]+\.[^\s@<>",]+$/;

function days(vars: BackgroundVars, name: 'RETENTION_CLIENT_DAYS' | 'TRASH_DAYS' | 'PENDING_DAYS', fallback: number): number {
  const raw = (vars[name] ?? '').trim();
  if (raw === '') return fallback;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) < 1) throw new Error(`${name}: expected days (1-99999), got "${raw}"`);
  return Number(raw);
}

function address(name: string, raw: string): string {
  if (!EMAIL.test(raw)) throw new Error(`${name}: expected an e-mail address, got "${raw}"`);
  return raw;
}

/**
 * Retention periods, with WordPress's and Isso's defaults (90 days of client data, 30 days of trash and pending).
 * @example readRetentionSettings({ PENDING_DAYS: '14' }).pendingDays // 14
 */
export function readRetentionSettings(vars: BackgroundVars): RetentionSettings {
  const privacyEmail = (vars.PRIVACY_EMAIL ?? '').trim();
  return {
    clientDays: days(vars, 'RETENTION_CLIENT_DAYS', 90),
    trashDays: days(vars, 'TRASH_DAYS', 30),
    pendingDays: days(vars, 'PENDING_DAYS', 30),
    privacyEmail: privacyEmail && address('PRIVACY_EMAIL', privacyEmail),
  };
}

/**
 * Digest recipients and webhook. The digest needs MODERATOR_EMAILS and NOTIFY_FROM, the webhook WEBHOOK_URL
 * (https, or http for localhost) and the WEBHOOK_SECRET secret; half a pair is an error, not a silent "off".
 * @example readNotificationSettings({ MODERATOR_EMAILS: 'a@x.org, b@x.org', NOTIFY_FROM: 'desk@x.org' }).moderatorEmails
 */
export function readNotificationSettings(vars: BackgroundVars): NotificationSettings {
  const list = (vars.MODERATOR_EMAILS ?? '').split(',').map((s) => s.trim());
  const moderatorEmails = list.filter(Boolean).map((s) => address('MODERATOR_EMAILS', s));
  const from = (vars.NOTIFY_FROM ?? '').trim();
  if (moderatorEmails.length > 0 && !from) throw new Error('MODERATOR_EMAILS needs NOTIFY_FROM');
  if (from) address('NOTIFY_FROM', from);
  const url = (vars.WEBHOOK_URL ?? '').trim();
  const secret = vars.WEBHOOK_SECRET ?? '';
  if (url && !/^(https:\/\/|http:\/\/(localhost|127\.0\.0\.1)[:/])/.test(url))
    throw new Error(`WEBHOOK_URL: expected an https:// URL, got "${url}"`);
  if (url && !secret) throw new Error('WEBHOOK_URL needs the WEBHOOK_SECRET secret');
  return { moderatorEmails, from, webhook: url ? { url, secret } : null };
}
