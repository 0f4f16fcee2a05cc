/**
 * The reader's «إبلاغ» form and the report it sends (`GET` and `POST /comments/:id/report`, the POST form encoded and
 * from the site itself only), forwarded here by the public Worker, which keeps only the link under each comment (its
 * bundle budget). See src/services/report-comment.ts for the rules.
 */
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../../env.ts';
import { identifyClient } from '../../http/client.ts';
import { sameOriginForms } from '../../http/same-origin-forms.ts';
import { requireReportable } from '../../loaders/reportable-comment.ts';
import { REPORT_REASONS, type ReportReason, reportComment, reportThreshold } from '../../services/report-comment.ts';
import { REPORT_ANSWERS } from '../../views/desk/report-answers.ts';
import { ReportPage } from '../../views/report-page.tsx';

const isReason = (value: unknown): value is ReportReason =>
  typeof value === 'string' && (REPORT_REASONS as readonly string[]).includes(value);

const reportSubmission = new Hono<AppEnv>()
  .get('/:id/report', async (c) => c.html(<ReportPage comment={await requireReportable(c)} />))
  .post('/:id/report', sameOriginForms(), async (c) => {
    const comment = await requireReportable(c);
    const reason = (await c.req.parseBody()).reason;
    c.header('Cache-Control', 'no-store');
    if (!isReason(reason)) return c.html(<ReportPage comment={comment} answer={REPORT_ANSWERS.missing} />, 422);
    const { ipHash } = await identifyClient(c);
    const threshold = reportThreshold(c.env.COMMENT_REPORT_THRESHOLD);
    const outcome = await reportComment(c.get('db'), comment, ipHash, reason, threshold, new Date());
    if (outcome === 'rate-limited') {
      c.header('Retry-After', '3600');
      return c.html(<ReportPage comment={comment} answer={REPORT_ANSWERS.tooMany} />, 429);
    }
    return c.html(<ReportPage comment={comment} answer={REPORT_ANSWERS.thanks} />);
  });

export default reportSubmission;
