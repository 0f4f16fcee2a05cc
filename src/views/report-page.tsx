/**
 * The reader's report form for one approved comment (no JavaScript): the comment, a few reasons, one button; and the
 * answer after sending. Never indexed. Kept small: it is part of the public Worker.
 */
import type { Comment } from '../domain/comment.ts';

/** What the report page shows of a comment: nothing personal. */
type ReportedComment = Pick<Comment, 'id' | 'articleSlug' | 'authorName' | 'body'>;

import { articlePath } from '../urls.ts';
import { Layout, SITE_NAME } from './layout.tsx';

/** Report reasons as readers choose them (and moderators read them). */
export const REPORT_REASON_NAMES: Record<string, string> = {
  spam: 'إعلان مزعج',
  abuse: 'إساءة أو كراهية',
  'off-topic': 'خارج الموضوع',
  personal: 'معلومات شخصية',
};

/** What the page says after a report was sent (src/views/desk/report-answers.ts); `form` shows the form again. */
export interface ReportAnswer {
  text: string;
  form?: boolean;
}

/** The report page: the form, or the answer to a sent report (with the form again when the reason was missing). */
export function ReportPage({ comment, answer }: { comment: ReportedComment; answer?: ReportAnswer }) {
  const missing = answer?.form === true;
  return (
    <Layout title={`${missing ? 'خطأ: ' : ''}الإبلاغ عن تعليق | ${SITE_NAME}`} noindex>
      <h1>الإبلاغ عن تعليق</h1>
      <blockquote dir="auto">
        <bdi class="comment-author">{comment.authorName}</bdi>: {[...comment.body].slice(0, 500).join('')}
      </blockquote>
      {answer ? (
        <p class="form-alert" role={missing ? 'alert' : 'status'}>
          {answer.text}
        </p>
      ) : null}
      {answer && !missing ? null : (
        <form method="post" action={`/comments/${comment.id}/report`}>
          <fieldset>
            <legend>سبب الإبلاغ</legend>
            {Object.entries(REPORT_REASON_NAMES).map(([value, label]) => (
              <p>
                <input type="radio" name="reason" id={`reason-${value}`} value={value} required />{' '}
                <label for={`reason-${value}`}>{label}</label>
              </p>
            ))}
          </fieldset>
          <button type="submit">أرسل البلاغ</button>
        </form>
      )}
      <p>
        <a href={`${articlePath(comment.articleSlug)}#comment-${comment.id}`}>العودة إلى المقال</a>
      </p>
    </Layout>
  );
}
