// Parsing the retention and notification settings: defaults, and a clear error naming each malformed variable.
import { describe, expect, it } from 'vitest';
import { readNotificationSettings, readRetentionSettings } from '../../../src/domain/background-settings.ts';

describe('readRetentionSettings', () => {
  it('defaults to 90 days of client data and 30 days of trash and pending', () => {
    expect(readRetentionSettings({})).toEqual({ clientDays: 90, trashDays: 30, pendingDays: 30, privacyEmail: '' });
  });

  it('reads each period from 1 to 99999 days and the privacy address, spaces around them ignored', () => {
    expect(
      readRetentionSettings({
        RETENTION_CLIENT_DAYS: ' 1 ',
        TRASH_DAYS: '99999',
        PENDING_DAYS: '14',
        PRIVACY_EMAIL: ' privacy@x.org ',
      }),
    ).toEqual({ clientDays: 1, trashDays: 99999, pendingDays: 14, privacyEmail: 'privacy@x.org' });
  });

  it.each([
    [{ RETENTION_CLIENT_DAYS: '0' }, 'RETENTION_CLIENT_DAYS: expected days (1-99999), got "0"'],
    [{ PENDING_DAYS: 'thirty' }, 'PENDING_DAYS: expected days (1-99999), got "thirty"'],
    [{ TRASH_DAYS: '100000' }, 'TRASH_DAYS: expected days (1-99999), got "100000"'],
    [{ TRASH_DAYS: '30 days' }, 'TRASH_DAYS: expected days (1-99999), got "30 days"'],
    [{ TRASH_DAYS: 'day 30' }, 'TRASH_DAYS: expected days (1-99999), got "day 30"'],
    [{ PENDING_DAYS: '-5' }, 'PENDING_DAYS: expected days (1-99999), got "-5"'],
    [{ PRIVACY_EMAIL: 'privacy' }, 'PRIVACY_EMAIL: expected an e-mail address, got "privacy"'],
    [{ PRIVACY_EMAIL: 'privacy@localhost' }, 'PRIVACY_EMAIL: expected an e-mail address, got "privacy@localhost"'],
    [{ PRIVACY_EMAIL: '<privacy@x.org' }, 'PRIVACY_EMAIL: expected an e-mail address, got "<privacy@x.org"'],
    [{ PRIVACY_EMAIL: 'privacy@x.org>' }, 'PRIVACY_EMAIL: expected an e-mail address, got "privacy@x.org>"'],
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

  it('takes real addresses: longer domain names, subdomains, dots and plus signs in the name', () => {
    const addresses = ['huda.salem@minbar.ly', 'omar+desk@news.minbar.com.ly', 'desk@mail.example.org'];
    expect(readNotificationSettings({ MODERATOR_EMAILS: addresses.join(','), NOTIFY_FROM: 'desk@minbar.ly' })).toMatchObject({
      moderatorEmails: addresses,
      from: 'desk@minbar.ly',
    });
    expect(readRetentionSettings({ PRIVACY_EMAIL: 'privacy@minbar.ly' }).privacyEmail).toBe('privacy@minbar.ly');
  });

  it('skips empty entries of the recipient list, and takes a webhook on this machine over http', () => {
    expect(readNotificationSettings({ MODERATOR_EMAILS: 'a@x.org,, b@x.org,', NOTIFY_FROM: ' desk@x.org ' })).toEqual({
      moderatorEmails: ['a@x.org', 'b@x.org'],
      from: 'desk@x.org',
      webhook: null,
    });
    for (const url of ['http://localhost:8787/hook', 'http://127.0.0.1/hook'])
      expect(readNotificationSettings({ WEBHOOK_URL: ` ${url} `, WEBHOOK_SECRET: 's' }).webhook).toEqual({ url, secret: 's' });
  });

  it.each([
    [{ MODERATOR_EMAILS: 'a@x.org' }, 'MODERATOR_EMAILS needs NOTIFY_FROM'],
    [{ NOTIFY_FROM: 'desk' }, 'NOTIFY_FROM: expected an e-mail address, got "desk"'],
    [{ WEBHOOK_URL: 'http://localhost.evil.org/', WEBHOOK_SECRET: 's' }, 'WEBHOOK_URL: expected an https:// URL'],
    [{ WEBHOOK_URL: 'ftp://hooks.x.org/https://', WEBHOOK_SECRET: 's' }, 'WEBHOOK_URL: expected an https:// URL'],
    [{ MODERATOR_EMAILS: 'huda', NOTIFY_FROM: 'desk@x.org' }, 'MODERATOR_EMAILS: expected an e-mail address, got "huda"'],
    [{ WEBHOOK_URL: 'http://hooks.x.org', WEBHOOK_SECRET: 's' }, 'WEBHOOK_URL: expected an https:// URL'],
    [{ WEBHOOK_URL: 'https://hooks.x.org' }, 'WEBHOOK_URL needs the WEBHOOK_SECRET secret'],
  ])('refuses %o', (vars, message) => {
    expect(() => readNotificationSettings(vars)).toThrow(message);
  });
});
