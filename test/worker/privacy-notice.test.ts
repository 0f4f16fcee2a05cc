// The privacy notice under the comment form, written from the configured retention periods.
import { describe, expect, it } from 'vitest';
import { textsOf } from './helpers/html.ts';
import { request, requestWithEnv, SEED_PATH } from './helpers/http.ts';

const notice = async (response: Response) => (await textsOf(await response.text(), '#respond #privacy')).join(' ');

describe('the privacy notice under the comment form', () => {
  it('says what is kept, for how long, and how to ask for a copy or erasure (defaults)', async () => {
    const text = await notice(await request(SEED_PATH));
    expect(text).toContain('نحفظ اسمك وبريدك وموقعك ونص تعليقك');
    expect(text).toContain('بصمة مشفّرة لعنوان IP');
    expect(text).toContain('90 يومًا');
    expect(text).toContain('60 يومًا'); // 30 days pending, then 30 in the trash
    expect(text).toContain('هيئة التحرير');
  });

  it('follows the configured periods and privacy address', async () => {
    const response = await requestWithEnv(SEED_PATH, {
      RETENTION_CLIENT_DAYS: '14',
      PENDING_DAYS: '7',
      TRASH_DAYS: '3',
      PRIVACY_EMAIL: 'privacy@minbar.test',
    });
    const html = await response.text();
    const text = (await textsOf(html, '#privacy')).join(' ');
    expect(text).toContain('14 يومًا');
    expect(text).toContain('10 أيام');
    expect(html).toContain('href="mailto:privacy@minbar.test"');
  });

  it('is not shown where comments are closed', async () => {
    const html = await (await request('/articles/istanbul-talks')).text();
    expect(html).not.toContain('id="privacy"');
  });
});
