// Parsing the retention and notification settings: defaults, and a clear error naming each malformed variable.
import { describe, expect, it } from 'vitest';
import { readNotificationSettings, readRetentionSettings } from '../../../src/domain/background-settings.ts';

describe('readRetentionSettings', () => {
  it('defaults to 90 days of client data and 30 days of trash and pending', () => {
    expect(readRetentionSettings({})).toEqual({ clientDays: 90, trashDays: 30, pendingDays: 30, privacyEmail: '' });
  });

  it.each([
    [{ RETENTION_CLIENT_DAYS: '0' }, 'RETENTION_CLIENT_DAYS: expected days (1-99999), got "0"'],
    [{ PENDING_DAYS: 'thirty' }, 'PENDING_DAYS: expected days (1-99999), got "thirty"'],
    [{ PRIVACY_EMAIL: 'privacy' }, 'PRIVACY_EMAIL: expected an e-mail address, got "privacy"'],
  ])('refuses %o', (vars, message) => {
    expect(() => readRetentionSettings(vars)).toThrow(message);
  });
});

describe('readNotificationSettings', () => {
  it('is all off when nothing is configured', () => {
    expect(readNotificationSettings({})).toEqual({ moderatorEmails: [], from: '', webhook: null });
  });

  it('reads recipients, sender and webhook', () => {
    expect(
      readNotificationSettings({
        MODERATOR_EMAILS: ' a@x.org , b@x.org ',
        NOTIFY_FROM: 'desk@x.org',
        WEBHOOK_URL: 'https://hooks.x.org/in',
        WEBHOOK_SECRET: 's',
      }),
    ).toEqual({
      moderatorEmails: ['a@x.org', 'b@x.org'],
      from: 'desk@x.org',
      webhook: { url: 'https://hooks.x.org/in', secret: 's' },
    });
  });

  it.each([
    [{ MODERATOR_EMAILS: 'a@x.org' }, 'MODERATOR_EMAILS needs NOTIFY_FROM'],
    [{ MODERATOR_EMAILS: 'huda', NOTIFY_FROM: 'desk@x.org' }, 'MODERATOR_EMAILS: expected an e-mail address, got "huda"'],
    [{ WEBHOOK_URL: 'http://hooks.x.org', WEBHOOK_SECRET: 's' }, 'WEBHOOK_URL: expected an https:// URL'],
    [{ WEBHOOK_URL: 'https://hooks.x.org' }, 'WEBHOOK_URL needs the WEBHOOK_SECRET secret'],
  ])('refuses %o', (vars, message) => {
    expect(() => readNotificationSettings(vars)).toThrow(message);
  });
});
