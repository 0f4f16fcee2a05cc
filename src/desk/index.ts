/**
 * The moderators' desk as its own Worker (`minbar-desk`, wrangler.desk.jsonc): the public Worker forwards `/admin`,
 * `/admin/*`, readers' report forms (`/comments/:id/report`), the admin API's pins (`/api/admin/comments/:id/pin`)
 * and its other desk actions (src/routes/api/admin-actions.ts) to it through the DESK service binding, so none of
 * the desk's code weighs on the readers' Worker.
 * It shares the public Worker's D1 database and KV namespace, its security headers and its error pages.
 * It also does the site's background work, which readers never wait for: it consumes the COMMENT_EVENTS queue the
 * public Worker produces (the moderators' digest e-mail, the signed webhook) and runs the daily retention (Cron
 * Trigger). Both are configured in wrangler.desk.jsonc.
 */
import { Hono } from 'hono/tiny';
import { readRetentionSettings } from '../domain/background-settings.ts';
import type { AppEnv, Bindings } from '../env.ts';
import { notFound, onError } from '../errors.tsx';
import { securityHeaders } from '../http/security.ts';
import desk from '../routes/admin/desk.tsx';
import adminActions from '../routes/api/admin-actions.ts';
import adminPins from '../routes/api/admin-pins.ts';
import reportSubmission from '../routes/desk/report-submission.tsx';
import { handleCommentEvents } from '../services/notify-moderators.ts';
import { runRetention } from '../services/retention.ts';
import { openGuardedSession } from '../storage/guarded-d1.ts';
import { DESK_STYLES } from '../views/desk/desk-styles.ts';
import { STYLES } from '../views/styles.ts';

const app = new Hono<AppEnv>();

app.use(securityHeaders([STYLES, DESK_STYLES]));
// Moderators act on what is stored now: every desk request reads and writes the primary, never a lagging replica.
app.use(async function primaryDatabase(c, next) {
  c.set('db', openGuardedSession(c.env.DB, 'first-primary'));
  await next();
});
app.route('/admin', desk);
app.route('/comments', reportSubmission);
app.route('/api/admin/comments', adminPins);
app.route('/api/admin', adminActions);

app.notFound(notFound);
app.onError(onError);

/** The desk Worker: the desk's pages, the COMMENT_EVENTS queue consumer, the daily retention run. */
export default {
  fetch: app.fetch,
  queue: (batch, env) => handleCommentEvents(batch, env),
  scheduled: async (controller, env) => {
    await runRetention(env.DB, readRetentionSettings(env), new Date(controller.scheduledTime));
  },
} satisfies ExportedHandler<Bindings>;
