// Debian's Chromium through playwright-core: no browser download, flags that keep it off the network.
import { readFile } from 'node:fs/promises';
import { type Browser, type BrowserContextOptions, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

/** Chromium from the system's packages (`apt-get install chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The two viewports every scenario runs on. */
export const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;

/** The seed article's path. */
export const SEED_PATH = `/articles/${encodeURIComponent('تركيا-تعزز-تعاونها-العسكري-مع-شرق-ليبيا')}`;

/** Absolute URL on the site under test. */
export const url = (path: string): string => `${inject('baseUrl')}${path}`;

/** A client address of its own, so flood control never mixes up two scenarios (wrangler dev passes it through). */
export const freshIp = (): string => {
  const [a = 0, b = 0] = crypto.getRandomValues(new Uint8Array(2));
  return `198.18.${a}.${b}`;
};

/** Launches one browser for the file and closes it after; a fresh profile each time. */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('browser not launched');
    return browser;
  };
}

/** A page in a new context (own cookies), with its own client IP. */
export async function openPage(browser: Browser, options: BrowserContextOptions & { ip?: string } = {}): Promise<Page> {
  const { ip, ...contextOptions } = options;
  const context = await browser.newContext({ locale: 'ar', ...contextOptions });
  await context.setExtraHTTPHeaders({ 'CF-Connecting-IP': ip ?? freshIp() });
  return context.newPage();
}

/** Body lines of the seed article (title, dek, then paragraphs and subheadings), from the test's golden copy. */
export async function seedLines(): Promise<{ title: string; dek: string; body: string[] }> {
  const lines = (await readFile('test/fixtures/seed-article.txt', 'utf8')).split('\n').filter((l) => l.trim() !== '');
  return { title: lines[1] ?? '', dek: lines[2] ?? '', body: lines.slice(3, -3) };
}

/** Calls the admin API of the site under test. */
export async function adminApi(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(url(`/api/admin${path}`), {
    ...init,
    headers: { Authorization: `Bearer ${inject('adminToken')}`, 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });
}

/** Posts a comment through the JSON API and approves it; returns its id. */
export async function approvedComment(fields: { name: string; body: string; url?: string; email?: string }): Promise<number> {
  const email = fields.email ?? `e2e-${crypto.randomUUID()}@example.com`;
  const posted = await fetch(url(`/api${SEED_PATH}/comments`), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'CF-Connecting-IP': freshIp() },
    body: JSON.stringify({ ...fields, email }),
  });
  if (posted.status !== 202 && posted.status !== 201) throw new Error(`comment POST → ${posted.status}: ${await posted.text()}`);
  const queue = (await (await adminApi('/comments?status=pending&limit=100')).json()) as {
    data: Array<{ id: number; author: { email: string } }>;
  };
  const mine = queue.data.find((c) => c.author.email === email);
  if (!mine) throw new Error('posted comment not in the queue');
  const approved = await adminApi(`/comments/${mine.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'approved' }) });
  if (!approved.ok) throw new Error(`approve → ${approved.status}`);
  return mine.id;
}
