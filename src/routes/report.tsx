/**
 * The reader's «إبلاغ» form: `GET /comments/:id/report` shows an approved comment with the reasons to choose from.
 * Sending it (`POST` to the same path) is moderators' business: the public Worker forwards it to the desk Worker
 * (src/http/desk-forward.ts, src/routes/desk/report-submission.tsx), so none of the report rules weigh on this one.
 */
import { Hono } from 'hono/tiny';
import type { AppEnv } from '../env.ts';
import { requireReportable } from '../loaders/reportable-comment.ts';
import { ReportPage } from '../views/report-page.tsx';

const report = new Hono<AppEnv>().get('/:id/report', async (c) => c.html(<ReportPage comment={await requireReportable(c)} />));

export default report;
