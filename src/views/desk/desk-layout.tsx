/**
 * The shell of every desk page: right-to-left Arabic like the site, its own navigation between the queues, and
 * the desk stylesheet. Never indexed. Renders no data of its own.
 */
import { raw } from 'hono/html';
import type { Child } from 'hono/jsx';
import { SITE_NAME } from '../layout.tsx';
import { DESK_STYLES } from './desk-styles.ts';
import { QUEUE_NAMES, QUEUES, type Queue } from './queues.ts';

/** What a desk page tells the shell. */
export interface DeskLayoutProps {
  title: string;
  /** The signed-in moderator and their CSRF token; absent on the sign-in page. */
  moderator?: { name: string; csrf: string };
  /** The queue being shown, marked in the navigation. */
  current?: Queue | 'home' | 'log' | 'blocks' | 'privacy';
  children?: Child;
}

/** A desk page. */
export function DeskLayout({ title, moderator, current, children }: DeskLayoutProps) {
  const here = (key: string) => (current === key ? { 'aria-current': 'page' as const } : {});
  return (
    <>
      {raw('<!doctype html>')}
      <html lang="ar" dir="rtl">
        <head>
          <meta charset="utf-8" />
          <meta name="viewport" content="width=device-width, initial-scale=1" />
          <title>{`${title} | مكتب التحرير | ${SITE_NAME}`}</title>
          <meta name="robots" content="noindex, nofollow" />
          <meta name="color-scheme" content="light dark" />
          <link rel="icon" href="data:," />
          {/* Trusted constant; its hash is what the desk's CSP allows. */}
          <style dangerouslySetInnerHTML={{ __html: DESK_STYLES }} />
        </head>
        <body class="desk">
          <a class="skip" href="#main">
            انتقل إلى المحتوى
          </a>
          <header class="site-header">
            <div class="wrap">
              <a class="brand" href="/admin">
                مكتب التحرير
              </a>
              {moderator ? (
                <nav class="desk-nav" aria-label="المكتب">
                  <ul>
                    <li>
                      <a href="/admin" {...here('home')}>
                        الرئيسية
                      </a>
                    </li>
                    {QUEUES.map((queue) => (
                      <li>
                        <a href={`/admin/comments?status=${queue}`} {...here(queue)}>
                          {QUEUE_NAMES[queue]}
                        </a>
                      </li>
                    ))}
                    <li>
                      <a href="/admin/log" {...here('log')}>
                        السجل
                      </a>
                    </li>
                    <li>
                      <a href="/admin/blocks" {...here('blocks')}>
                        المحظورون
                      </a>
                    </li>
                    <li>
                      <a href="/admin/privacy" {...here('privacy')}>
                        البيانات الشخصية
                      </a>
                    </li>
                    <li>
                      <form method="post" action="/admin/sign-out">
                        <input type="hidden" name="csrf" value={moderator.csrf} />
                        <button type="submit" class="link-button">
                          خروج (<bdi>{moderator.name}</bdi>)
                        </button>
                      </form>
                    </li>
                  </ul>
                </nav>
              ) : null}
            </div>
          </header>
          <main id="main" tabindex={-1} class="wrap">
            {children}
          </main>
        </body>
      </html>
    </>
  );
}
