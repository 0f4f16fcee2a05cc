// The editor's desk in the browser suite: signing in as the moderator `npm start` creates, by keyboard or by fetch.
import type { Page } from 'playwright-core';
import { inject } from 'vitest';
import { freshIp, SEED_PATH, url } from './browser.ts';

/** The moderator `npm start` creates (scripts/start.ts). */
const LOCAL_MODERATOR = 'editor';

/** Presses Tab until the focused element matches `selector` (at most `limit` presses); throws when it never does. */
export async function tabTo(page: Page, selector: string, limit = 300): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Signs in on the desk's form with the keyboard only (Tab, typing, Enter). */
export async function signInByKeyboard(page: Page): Promise<void> {
  await page.goto(url('/admin'));
  await tabTo(page, '#signin-name');
  await page.keyboard.type(LOCAL_MODERATOR);
  await page.keyboard.press('Tab');
  await page.keyboard.type(inject('moderatorPassword'));
  await page.keyboard.press('Enter');
  // The sign-in page is at /admin too: wait for the desk's navigation, which only a session shows.
  await page.waitForSelector('nav.desk-nav');
}

/** A session cookie for fetch (the sign-in form's token, then the form), as `Cookie` header value. */
export async function deskCookie(): Promise<string> {
  const form = await (await fetch(url('/admin'))).text();
  const csrf = /name="csrf" value="([^"]+)"/.exec(form)?.[1] ?? '';
  const response = await fetch(url('/admin/sign-in'), {
    method: 'POST',
    redirect: 'manual',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: new URL(url('/')).origin,
      'CF-Connecting-IP': freshIp(),
    },
    body: new URLSearchParams({ name: LOCAL_MODERATOR, password: inject('moderatorPassword'), csrf, next: '/admin' }).toString(),
  });
  if (response.status !== 303) throw new Error(`desk sign-in → ${response.status}`);
  return (response.headers.get('Set-Cookie') ?? '').split(';')[0] ?? '';
}

/** Posts a held comment through the JSON API; returns its body (unique). */
export async function heldComment(label: string): Promise<string> {
  const body = `${label} ${crypto.randomUUID().slice(0, 8)}`;
  const response = await fetch(url(`/api${SEED_PATH}/comments`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': freshIp() },
    body: JSON.stringify({ name: 'قارئ محجوز', email: `held-${crypto.randomUUID()}@example.com`, body }),
  });
  if (response.status !== 202) throw new Error(`comment POST → ${response.status}`);
  return body;
}
