/**
 * Sends a plain-text UTF-8 e-mail through a `send_email` binding as a raw RFC 5322 message (an EmailMessage), the
 * form `wrangler dev` keeps as an `.eml` file under .wrangler/tmp/email/ and any mail program opens.
 * Headers with Arabic are RFC 2047 encoded words; the body is base64, so no line is ever too long.
 */
import { EmailMessage } from 'cloudflare:email';

/** A message to one or more recipients (one EmailMessage each: the binding takes one recipient per message). */
export interface PlainMail {
  from: string;
  fromName: string;
  to: string[];
  subject: string;
  text: string;
}

const encoder = new TextEncoder();

const base64 = (text: string): string => {
  let binary = '';
  for (const byte of encoder.encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
};

const encodedWord = (text: string): string => `=?UTF-8?B?${base64(text)}?=`;

/** The raw message to `to`. */
function rawMessage(mail: PlainMail, to: string, now: Date): string {
  const domain = mail.from.split('@')[1] ?? 'localhost';
  return [
    `From: ${encodedWord(mail.fromName)} <${mail.from}>`,
    `To: <${to}>`,
    `Subject: ${encodedWord(mail.subject)}`,
    `Date: ${now.toUTCString()}`,
    `Message-ID: <${crypto.randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    ...(base64(mail.text).match(/.{1,76}/g) ?? []),
    '',
  ].join('\r\n');
}

/** Sends `mail` to each recipient; throws when the binding refuses one (the caller retries). */
export async function sendPlainMail(binding: SendEmail, mail: PlainMail, now = new Date()): Promise<void> {
  for (const to of mail.to) await binding.send(new EmailMessage(mail.from, to, rawMessage(mail, to, now)));
}
