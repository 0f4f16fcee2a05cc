// The moderators' e-mail as their mail program reads it: RFC 5322 headers, Arabic in encoded words, a base64 body.
import { describe, expect, it } from 'vitest';
import { type PlainMail, sendPlainMail } from '../../../src/services/mail.ts';

const NOW = new Date('2026-11-30T08:05:00Z');
const MAIL = { from: 'desk@minbar.test', fromName: 'منبر', to: ['huda@minbar.test'], subject: 'منبر: تعليقان', text: '' };

/** The raw message the binding is given for `to` (workerd keeps it under this own property of an EmailMessage). */
async function rawMessage(mail: PlainMail, to: string, now: Date): Promise<string> {
  const sent: EmailMessage[] = [];
  const binding = { send: async (message: EmailMessage) => void sent.push(message) } as unknown as SendEmail;
  await sendPlainMail(binding, { ...mail, to: [to] }, now);
  expect(sent.map((m) => [m.from, m.to])).toEqual([[mail.from, to]]);
  return new Response((sent[0] as unknown as Record<string, BodyInit>)['EmailMessage::raw']).text();
}

const decode = (b64: string) => new TextDecoder().decode(Uint8Array.from(atob(b64), (ch) => ch.charCodeAt(0)));
const word = (header: string) => decode(/=\?UTF-8\?B\?(.+)\?=/.exec(header)?.[1] ?? '');

describe('sendPlainMail', () => {
  it('writes the headers a mail program shows: sender with its Arabic name, recipient, Arabic subject, date', async () => {
    const lines = (await rawMessage(MAIL, 'huda@minbar.test', NOW)).split('\r\n');
    const [from = '', to, subject = '', date, messageId] = lines;
    expect(from).toMatch(/^From: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?= <desk@minbar\.test>$/);
    expect(word(from)).toBe('منبر');
    expect(to).toBe('To: <huda@minbar.test>');
    expect(subject).toMatch(/^Subject: =\?UTF-8\?B\?[A-Za-z0-9+/=]+\?=$/);
    expect(word(subject)).toBe('منبر: تعليقان');
    expect(date).toBe('Date: Mon, 30 Nov 2026 08:05:00 GMT');
    expect(messageId).toMatch(/^Message-ID: <[0-9a-f-]{36}@minbar\.test>$/);
    // An empty text is an empty body.
    expect(lines.slice(5)).toEqual([
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=UTF-8',
      'Content-Transfer-Encoding: base64',
      '',
      '',
    ]);
  });

  it('gives every message its own Message-ID, on localhost when the sender has no domain', async () => {
    const ids = [await rawMessage(MAIL, 'a@x.test', NOW), await rawMessage(MAIL, 'a@x.test', NOW)].map((m) => m.split('\r\n')[4]);
    expect(ids[0]).not.toBe(ids[1]);
    expect((await rawMessage({ ...MAIL, from: 'desk' }, 'a@x.test', NOW)).split('\r\n')[4]).toMatch(
      /^Message-ID: <.+@localhost>$/,
    );
  });

  it('sends the Arabic text as base64 lines of at most 76 characters that decode to the text, ending the message', async () => {
    const text = `${'تعليق ينتظر المراجعة\n'.repeat(20)}https://minbar.test/admin/comments?status=pending`;
    const lines = (await rawMessage({ ...MAIL, text }, 'huda@minbar.test', NOW)).split('\r\n');
    const body = lines.slice(lines.indexOf('') + 1);
    expect(body.at(-1)).toBe('');
    const encoded = body.slice(0, -1);
    expect(encoded.length).toBeGreaterThan(5);
    expect(encoded.every((line) => line.length <= 76)).toBe(true);
    expect(encoded.slice(0, -1).every((line) => line.length === 76)).toBe(true);
    expect(decode(encoded.join(''))).toBe(text);
  });
});
