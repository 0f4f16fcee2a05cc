/**
 * The editor's desk at /admin: sign-in and sign-out, the queues, one comment with its history, the site's log, and
 * row and bulk actions. Server-rendered, right-to-left, no JavaScript. Every response is no-store and noindex
 * (deskHeaders); every page but sign-in needs a live session; every POST is checked by origin and CSRF token.
 */
import { type Context, Hono, type MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod/mini';
import { readConfig } from '../../config.ts';
import { readModerationSettings } from '../../domain/comment.ts';
import { isModerationAction, MAX_BULK_IDS, type ModerationAction } from '../../domain/moderation-actions.ts';
import { MODERATOR_NAME, type PasswordHash, PBKDF2_ITERATIONS, verifyPassword } from '../../domain/password.ts';
import type { AppEnv } from '../../env.ts';
import { identifyClient } from '../../http/client.ts';
import {
  checkSigninToken,
  type DeskEnv,
  deskHeaders,
  endSession,
  readSession,
  sameOrigin,
  sameToken,
  signinToken,
  startSession,
} from '../../http/desk-session.ts';
import { publishCommentEvent } from '../../services/comment-events.ts';
import { isOpenForComments } from '../../services/comments-open.ts';
import { editCommentContent } from '../../services/edit-comment.ts';
import { type ModerateOutcome, moderateComments } from '../../services/moderate-comments.ts';
import { newsroomReplyBody, replyAsNewsroom } from '../../services/newsroom-reply.ts';
import { exportPersonalData } from '../../services/personal-data.ts';
import { setCommentPin } from '../../services/pin-comment.ts';
import { setCommentState } from '../../storage/article-comment-states.ts';
import { getArticle } from '../../storage/articles.ts';
import { addBlock, blockUntil, listBlocks, removeBlock } from '../../storage/blocks.ts';
import { listEdits } from '../../storage/comment-edits.ts';
import { countQueues, getDeskNotes, listDeskQueue, listRecentActions } from '../../storage/desk.ts';
import { getComment, getModerationLog } from '../../storage/moderation.ts';
import { countSigninFailures, findModerator, recordSigninFailure } from '../../storage/moderators.ts';
import { markModerationQueueSeen } from '../../storage/notifications.ts';
import { deskLogQuerySchema, deskQueueQuerySchema } from '../../validation/desk.ts';
import { personalDataExportSchema } from '../../validation/personal-data.ts';
import { validate } from '../../validation/validate.ts';
import {
  BLOCK_PERIODS,
  BlocksPage,
  CommentPage,
  DeskHomePage,
  DeskMessagePage,
  type DeskUser,
  LogPage,
  QueuePage,
} from '../../views/desk/desk-pages.tsx';
import { PrivacyPage } from '../../views/desk/privacy-page.tsx';
import { ACTION_NAMES, isPinAction, PIN_NAMES } from '../../views/desk/queues.ts';
import { SignInPage } from '../../views/desk/sign-in-page.tsx';
import { PERSONAL_DATA_DISPOSITION, personalDataExportJson } from '../../views/personal-data-json.ts';

/** Comments per queue page. */
const PAGE_SIZE = 50;
/** Log entries per page. */
const LOG_PAGE_SIZE = 100;
/** The window of the sign-in limits, and the failures allowed in it per account and per client. */
const SIGNIN_WINDOW_SECONDS = 15 * 60;
const MAX_ACCOUNT_FAILURES = 5;
const MAX_CLIENT_FAILURES = 20;
/** The one answer to a failed sign-in: it never says whether the name or the password was wrong. */
const SIGNIN_FAILED = 'الاسم أو كلمة المرور غير صحيحة.';
/** Verified against when the account does not exist, so an unknown name costs as much time as a wrong password. */
const NO_ACCOUNT: PasswordHash = { hash: btoa('x'.repeat(32)), salt: btoa('minbar-no-account'), iterations: PBKDF2_ITERATIONS };

const userOf = (c: Context<DeskEnv>): DeskUser => {
  const session = c.get('session');
  return { name: session.moderatorName, csrf: session.csrfToken };
};

/** A desk path to come back to; anything else (another site, `//host`) becomes the desk's home. */
const deskPath = (value: unknown): string =>
  typeof value === 'string' && /^\/admin(?:[/?]|$)/.test(value) && !value.includes('\\') ? value : '/admin';

const field = (form: Record<string, unknown>, name: string): string => {
  const value = form[name];
  return typeof value === 'string' ? value : '';
};

async function signInPage<E extends AppEnv>(
  c: Context<E>,
  status: ContentfulStatusCode,
  props: { next: string; alert?: string; name?: string },
) {
  return c.html(<SignInPage token={await signinToken(c)} {...props} />, status);
}

/** Lets a request through only with a live session; a POST must also carry the session's CSRF token. */
const requireModerator = (): MiddlewareHandler<DeskEnv> =>
  async function requireModerator(c, next) {
    const session = await readSession(c);
    if (!session) {
      const url = new URL(c.req.url);
      return signInPage(c, 401, {
        next: deskPath(url.pathname + url.search),
        alert: 'انتهت جلستك أو لم تسجّل الدخول بعد. سجّل الدخول للمتابعة.',
      });
    }
    c.set('session', session);
    if (c.req.method === 'POST') {
      const token = field(await c.req.parseBody({ all: true }), 'csrf');
      if (!sameToken(token, session.csrfToken))
        return c.html(
          <DeskMessagePage user={userOf(c)} heading="تعذّر قبول النموذج">
            <p>انتهت صلاحية هذا النموذج أو لم يُرسل من المكتب. ارجع إلى الصفحة وأعد المحاولة.</p>
          </DeskMessagePage>,
          403,
        );
    }
    await next();
  };

/** A page saying why an action did nothing, with the way back to where it was asked. */
const refuseAction = (c: Context<DeskEnv>, back: string, status: ContentfulStatusCode, heading: string, text: string) =>
  c.html(
    <DeskMessagePage user={userOf(c)} heading={heading}>
      <p>{text}</p>
      <p>
        <a href={back}>ارجع إلى الصفحة</a>
      </p>
    </DeskMessagePage>,
    status,
  );

/** Back where an action came from, with what was done. */
function backWithDone(c: Context<DeskEnv>, back: string, done: string, n: number) {
  const target = new URL(back, c.req.url);
  target.searchParams.set('done', done);
  target.searchParams.set('n', String(n));
  return c.redirect(target.pathname + target.search, 303);
}

/** The answer to an action: back where it came from with what was done, or a page saying why nothing was. */
async function answerAction(c: Context<DeskEnv>, outcome: ModerateOutcome, action: ModerationAction, back: string) {
  const refuse = (status: ContentfulStatusCode, heading: string, text: string) => refuseAction(c, back, status, heading, text);
  if (outcome.kind === 'too-many')
    return refuse(422, 'تعليقات كثيرة', `يمكن تنفيذ إجراء واحد على ${MAX_BULK_IDS} تعليق على الأكثر. لم يتغيّر شيء.`);
  if (outcome.kind === 'none') return refuse(422, 'لم تختر أي تعليق', 'اختر تعليقاً واحداً على الأقل ثم أعد المحاولة.');
  if (outcome.kind === 'missing')
    return refuse(404, 'التعليق غير موجود', `لم يعد التعليق ${outcome.ids.join('، ')} موجوداً. لم يتغيّر شيء.`);
  if (outcome.kind === 'duplicate')
    return refuse(
      409,
      'تعذّر الاسترجاع',
      `التعليق ${outcome.ids.join('، ')} في سلة المهملات ونُشر مثله بعده: احذف أحدهما أولاً. لم يتغيّر شيء.`,
    );
  for (const comment of outcome.changed) publishCommentEvent(c.env, c.executionCtx, outcome.event, comment);
  // Acting on the queue counts as looking at it: the moderators' digest may be sent again.
  await markModerationQueueSeen(c.env.DB, new Date().toISOString());
  return backWithDone(c, back, action, outcome.count);
}

/** The comment id in the path, or 0 (no comment has it) when it is not one. */
const commentId = (c: Context<DeskEnv>): number => {
  const text = c.req.param('id') ?? '';
  return /^\d{1,12}$/.test(text) ? Number(text) : 0;
};

const doneMessage = (done: string | undefined, n: string | undefined): string | undefined =>
  isModerationAction(done) ? `${ACTION_NAMES[done].done}: ${n ?? 1}` : isPinAction(done) ? `${PIN_NAMES[done].done}.` : undefined;

/** Why a comment cannot be pinned, as the desk says it. */
const NOT_PINNABLE: Record<'not-approved' | 'reply', string> = {
  'not-approved': 'لا يُثبَّت إلا تعليق منشور: اعتمده أولاً ثم ثبّته. لم يتغيّر شيء.',
  reply: 'لا يُثبَّت ردّ: ثبّت التعليق الذي بدأ النقاش. لم يتغيّر شيء.',
};

/** One comment's page, or its 404; with a refused edit's input and status when given. */
async function renderCommentPage(
  c: Context<DeskEnv>,
  editForm?: { name: string; url: string; body: string; error: string },
  status: ContentfulStatusCode = 200,
  replyForm?: { body: string; error: string },
) {
  const db = c.env.DB;
  const id = commentId(c);
  const comment = id > 0 ? await getComment(db, id) : null;
  if (!comment)
    return c.html(
      <DeskMessagePage user={userOf(c)} heading="التعليق غير موجود">
        <p>لا يوجد تعليق بالرقم {c.req.param('id')}؛ ربما حُذف نهائياً.</p>
      </DeskMessagePage>,
      404,
    );
  const [notes, log, article, edits] = await Promise.all([
    getDeskNotes(db, [id]),
    getModerationLog(db, id),
    getArticle(c.env.ARTICLES, comment.articleSlug),
    listEdits(db, id),
  ]);
  const articleOpen = article
    ? await isOpenForComments(db, article, readModerationSettings(readConfig(c.env)), new Date())
    : null;
  const done = c.req.query('edited')
    ? 'حُفظ التعديل.'
    : c.req.query('replied')
      ? 'نُشر الرد.'
      : doneMessage(c.req.query('done'), c.req.query('n'));
  return c.html(
    <CommentPage
      user={userOf(c)}
      comment={comment}
      reasons={notes.reasons.get(id)}
      report={notes.reports.get(id)}
      log={log}
      articleOpen={articleOpen}
      edits={edits}
      {...(editForm ? { editForm } : {})}
      {...(replyForm ? { replyForm } : {})}
      {...(done ? { done } : {})}
    />,
    status,
  );
}

const desk = new Hono<DeskEnv>()
  .use(deskHeaders())
  .get('/', async (c) => {
    const session = await readSession(c);
    if (!session) return signInPage(c, 200, { next: deskPath(c.req.query('next')) });
    c.set('session', session);
    return c.html(<DeskHomePage user={userOf(c)} counts={await countQueues(c.env.DB)} />);
  })
  .post('/sign-in', sameOrigin(), async (c) => {
    const form = await c.req.parseBody();
    const name = field(form, 'name').normalize('NFC').trim();
    const next = deskPath(field(form, 'next'));
    if (!(await checkSigninToken(c, field(form, 'csrf'))))
      return signInPage(c, 403, { next, name, alert: 'انتهت صلاحية نموذج الدخول. أعد المحاولة.' });
    const db = c.env.DB;
    // The desk's context only adds the session to the app's; identifyClient reads nothing else.
    const { ipHash } = await identifyClient(c as unknown as Context<AppEnv>);
    const scopes = [`account:${name.toLowerCase()}`, `client:${ipHash}`] as const;
    const now = Date.now();
    const since = new Date(now - SIGNIN_WINDOW_SECONDS * 1000).toISOString();
    const failures = await countSigninFailures(db, [...scopes], since);
    if ((failures.get(scopes[0]) ?? 0) >= MAX_ACCOUNT_FAILURES || (failures.get(scopes[1]) ?? 0) >= MAX_CLIENT_FAILURES) {
      c.header('Retry-After', String(SIGNIN_WINDOW_SECONDS));
      return signInPage(c, 429, { next, name, alert: 'محاولات دخول كثيرة. انتظر ربع ساعة ثم أعد المحاولة.' });
    }
    const account = MODERATOR_NAME.test(name) ? await findModerator(db, name) : null;
    const matches = await verifyPassword(field(form, 'password'), account?.password ?? NO_ACCOUNT);
    if (!account || account.disabled || !matches) {
      await recordSigninFailure(db, [...scopes], new Date(now).toISOString(), since);
      return signInPage(c, 401, { next, name, alert: SIGNIN_FAILED });
    }
    await startSession(c, account.id);
    return c.redirect(next, 303);
  })
  .post('/sign-out', sameOrigin(), requireModerator(), async (c) => {
    await endSession(c);
    return c.redirect('/admin', 303);
  })
  .get('/comments', requireModerator(), validate('query', deskQueueQuerySchema), async (c) => {
    const query = c.req.valid('query');
    const db = c.env.DB;
    const filters = {
      ...(query.article ? { article: query.article } : {}),
      ...(query.q ? { q: query.q } : {}),
      ...(query.email ? { email: query.email } : {}),
      ...(query.client ? { client: query.client } : {}),
    };
    const [counts, page] = await Promise.all([
      countQueues(db),
      listDeskQueue(db, {
        limit: PAGE_SIZE,
        ...(query.status === 'reported' ? { reported: true } : { status: query.status }),
        ...(filters.article ? { article: filters.article } : {}),
        ...(filters.q ? { text: filters.q } : {}),
        ...(filters.email ? { email: filters.email } : {}),
        ...(filters.client ? { ipHash: filters.client } : {}),
        ...(query.cursor ? { beforeId: Number(query.cursor) } : {}),
      }),
    ]);
    const notes = await getDeskNotes(
      db,
      page.comments.map((comment) => comment.id),
    );
    if (query.status === 'pending') await markModerationQueueSeen(db, new Date().toISOString());
    const base = new URLSearchParams({ status: query.status, ...filters });
    const self = `/admin/comments?${base}${query.cursor ? `&cursor=${query.cursor}` : ''}`;
    const done = doneMessage(query.done, query.n);
    return c.html(
      <QueuePage
        user={userOf(c)}
        queue={query.status}
        counts={counts}
        filters={filters}
        comments={page.comments}
        reasons={notes.reasons}
        reports={notes.reports}
        nextHref={page.nextCursor === null ? null : `/admin/comments?${base}&cursor=${page.nextCursor}`}
        self={self}
        {...(done ? { done } : {})}
      />,
    );
  })
  .post('/comments/bulk', sameOrigin(), requireModerator(), async (c) => {
    const form = await c.req.parseBody({ all: true });
    const action = field(form, 'bulk_action');
    const back = deskPath(field(form, 'back'));
    const raw = form.ids === undefined ? [] : [form.ids].flat();
    const ids = raw.filter((v): v is string => typeof v === 'string' && /^\d{1,12}$/.test(v)).map(Number);
    if (!isModerationAction(action) || ids.length !== raw.length)
      return c.html(
        <DeskMessagePage user={userOf(c)} heading="طلب غير صالح">
          <p>اختر إجراءً معروفاً وتعليقات من القائمة.</p>
        </DeskMessagePage>,
        400,
      );
    const outcome = await moderateComments(c.env.DB, ids, action, c.get('session').moderatorName, new Date());
    return answerAction(c, outcome, action, back);
  })
  .post('/comments/:id/moderate', sameOrigin(), requireModerator(), async (c) => {
    const form = await c.req.parseBody({ all: true });
    const action = field(form, 'action');
    const back = deskPath(field(form, 'back'));
    if (!isModerationAction(action))
      return c.html(
        <DeskMessagePage user={userOf(c)} heading="طلب غير صالح">
          <p>هذا الإجراء غير معروف.</p>
        </DeskMessagePage>,
        400,
      );
    const outcome = await moderateComments(c.env.DB, [commentId(c)], action, c.get('session').moderatorName, new Date());
    // A comment deleted for good has no page to come back to.
    return answerAction(
      c,
      outcome,
      action,
      action === 'delete' && back.startsWith('/admin/comments/') ? '/admin/comments' : back,
    );
  })
  .post('/comments/:id/pin', sameOrigin(), requireModerator(), async (c) => {
    const form = await c.req.parseBody({ all: true });
    const action = field(form, 'pin');
    const back = deskPath(field(form, 'back'));
    if (!isPinAction(action)) return refuseAction(c, back, 400, 'طلب غير صالح', 'اختر تثبيت التعليق أو إلغاء تثبيته.');
    const id = commentId(c);
    const outcome = await setCommentPin(c.env.DB, id, action === 'pin', c.get('session').moderatorName, new Date());
    if (outcome.kind === 'missing')
      return refuseAction(c, back, 404, 'التعليق غير موجود', `لم يعد التعليق ${c.req.param('id')} موجوداً. لم يتغيّر شيء.`);
    if (outcome.kind === 'not-pinnable') return refuseAction(c, back, 409, 'تعذّر التثبيت', NOT_PINNABLE[outcome.why]);
    return backWithDone(c, back, action, 1);
  })
  .get('/comments/:id', requireModerator(), async (c) => renderCommentPage(c))
  .post('/comments/:id/edit', sameOrigin(), requireModerator(), async (c) => {
    const id = commentId(c);
    const comment = id > 0 ? await getComment(c.env.DB, id) : null;
    if (!comment) return renderCommentPage(c);
    const form = await c.req.parseBody();
    const typed = { name: field(form, 'name'), url: field(form, 'url'), body: field(form, 'body') };
    const outcome = await editCommentContent(c.env.DB, comment, typed, c.get('session').moderatorName, new Date());
    if (outcome.kind === 'invalid')
      return renderCommentPage(c, { ...typed, error: Object.values(outcome.errors).flat()[0] ?? 'تحقق من الحقول.' }, 422);
    if (outcome.kind === 'duplicate')
      return renderCommentPage(c, { ...typed, error: 'يطابق هذا النص تعليقاً آخر من الكاتب نفسه على المقال.' }, 409);
    return c.redirect(`/admin/comments/${id}?edited=1`, 303);
  })
  .post('/comments/:id/reply', sameOrigin(), requireModerator(), async (c) => {
    const id = commentId(c);
    const comment = id > 0 ? await getComment(c.get('db'), id) : null;
    if (!comment) return renderCommentPage(c);
    const typed = field(await c.req.parseBody(), 'body');
    const body = newsroomReplyBody(typed);
    const refuse = (error: string, status: ContentfulStatusCode) =>
      renderCommentPage(c, undefined, status, { body: body ?? typed, error });
    if (body === null) return refuse('اكتب نص الرد.', 422);
    const outcome = await replyAsNewsroom(c.get('db'), comment, body, new Date());
    if (outcome.kind === 'not-replyable') return refuse('لا يُردّ إلا على تعليق منشور لم يبلغ أقصى عمق للردود.', 409);
    if (outcome.kind === 'duplicate') return refuse('نُشر هذا الرد من قبل.', 409);
    return c.redirect(`/admin/comments/${id}?replied=1`, 303);
  })
  .get('/log', requireModerator(), validate('query', deskLogQuerySchema), async (c) => {
    const { before } = c.req.valid('query');
    const entries = await listRecentActions(c.env.DB, LOG_PAGE_SIZE + 1, before ? Number(before) : undefined);
    const page = entries.slice(0, LOG_PAGE_SIZE);
    const nextHref = entries.length > LOG_PAGE_SIZE ? `/admin/log?before=${page.at(-1)?.id}` : null;
    return c.html(<LogPage user={userOf(c)} entries={page} nextHref={nextHref} />);
  })
  .post('/comments/:id/block', sameOrigin(), requireModerator(), async (c) => {
    const id = commentId(c);
    const comment = id > 0 ? await getComment(c.env.DB, id) : null;
    const form = await c.req.parseBody();
    const kind = field(form, 'kind');
    const days = field(form, 'days');
    if (!comment || (kind !== 'email' && kind !== 'client') || !(days in BLOCK_PERIODS))
      return c.html(
        <DeskMessagePage user={userOf(c)} heading={comment ? 'طلب غير صالح' : 'التعليق غير موجود'}>
          <p>{comment ? 'اختر ما تحظره ومدته.' : `لم يعد التعليق ${id} موجوداً.`}</p>
        </DeskMessagePage>,
        comment ? 400 : 404,
      );
    const now = new Date();
    await addBlock(c.env.DB, {
      kind,
      value: kind === 'email' ? comment.authorEmail : comment.ipHash,
      until: blockUntil(now, Number(days)),
      createdBy: c.get('session').moderatorName,
      createdAt: now.toISOString(),
    });
    return c.redirect('/admin/blocks?done=blocked', 303);
  })
  .post('/articles/:slug/comments-state', sameOrigin(), requireModerator(), async (c) => {
    const slug = c.req.param('slug').normalize('NFC');
    const state = field(await c.req.parseBody(), 'state');
    const article = await getArticle(c.env.ARTICLES, slug);
    if (!article || (state !== 'open' && state !== 'closed'))
      return c.html(
        <DeskMessagePage user={userOf(c)} heading={article ? 'طلب غير صالح' : 'المقال غير موجود'}>
          <p>{article ? 'اختر فتح التعليقات أو إغلاقها.' : 'لم يعد هذا المقال منشوراً.'}</p>
        </DeskMessagePage>,
        article ? 400 : 404,
      );
    await setCommentState(c.env.DB, slug, state, c.get('session').moderatorName, new Date().toISOString());
    const back = deskPath(field(await c.req.parseBody(), 'back'));
    return c.redirect(back, 303);
  })
  .get('/blocks', requireModerator(), async (c) => {
    const done = { blocked: 'حُظر.', lifted: 'رُفع الحظر.' }[c.req.query('done') ?? ''];
    return c.html(
      <BlocksPage user={userOf(c)} blocks={await listBlocks(c.env.DB, new Date().toISOString())} {...(done ? { done } : {})} />,
    );
  })
  .post('/blocks/remove', sameOrigin(), requireModerator(), async (c) => {
    const form = await c.req.parseBody();
    const kind = field(form, 'kind');
    if (kind === 'email' || kind === 'client') await removeBlock(c.env.DB, kind, field(form, 'value'));
    return c.redirect('/admin/blocks?done=lifted', 303);
  })
  .get('/privacy', requireModerator(), (c) => c.html(<PrivacyPage user={userOf(c)} />))
  .post('/privacy/export', sameOrigin(), requireModerator(), async (c) => {
    const email = field(await c.req.parseBody(), 'email');
    const parsed = z.safeParse(personalDataExportSchema, { email });
    if (!parsed.success)
      return c.html(<PrivacyPage user={userOf(c)} email={email} error="اكتب عنوان بريد إلكتروني صحيحاً." />, 422);
    const comments = await exportPersonalData(c.get('db'), parsed.data.email);
    c.header('Content-Disposition', PERSONAL_DATA_DISPOSITION);
    return c.json(personalDataExportJson(parsed.data.email, comments, new Date()));
  });

export default desk;
