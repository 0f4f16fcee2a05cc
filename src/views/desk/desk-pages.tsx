/**
 * The desk's pages once signed in: home (queue counts), a queue with filters and bulk actions, one comment with its
 * reasons, reports and history, the site-wide log, and the message page for refusals. Pure: data comes in as props.
 * Everything a reader wrote is escaped text; emails and IP hashes appear only here, behind sign-in.
 */
import type { Child } from 'hono/jsx';
import type { Comment, HoldReason } from '../../domain/comment.ts';
import type { Block } from '../../storage/blocks.ts';
import type { EarlierVersion } from '../../storage/comment-edits.ts';
import type { LogEntry, QueueCounts, ReportSummary } from '../../storage/desk.ts';
import { formatDisplayDateTime } from '../../text/dates.ts';
import { articlePath } from '../../urls.ts';
import { REPORT_REASON_NAMES } from '../report-page.tsx';
import { DeskLayout } from './desk-layout.tsx';
import { HOLD_REASON_NAMES } from './hold-reasons.ts';
import { ACTION_NAMES, ACTIONS_FOR, PIN_NAMES, QUEUE_NAMES, QUEUES, type Queue, STATUS_NAMES } from './queues.ts';

/** Who is signed in, for the shell and every form. */
export interface DeskUser {
  name: string;
  csrf: string;
}

const LOG_NAMES: Record<string, string> = { ...STATUS_NAMES, deleted: 'محذوف', pinned: 'مثبّت', unpinned: 'أُلغي التثبيت' };

const Time = ({ at }: { at: string }) => <time datetime={at}>{formatDisplayDateTime(at)}</time>;

/** Home: how much waits in each queue. */
export function DeskHomePage({ user, counts }: { user: DeskUser; counts: QueueCounts }) {
  return (
    <DeskLayout title="الرئيسية" moderator={user} current="home">
      <h1>مكتب التحرير</h1>
      <ul class="counts">
        {QUEUES.map((queue) => (
          <li>
            <a href={`/admin/comments?status=${queue}`}>
              <strong>{counts[queue]}</strong>
              {QUEUE_NAMES[queue]}
            </a>
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/log">آخر إجراءات الإشراف</a>
      </p>
    </DeskLayout>
  );
}

/** The filters of a queue, as typed. */
interface QueueFilters {
  article?: string;
  q?: string;
  email?: string;
  client?: string;
}

/** Everything one queue page shows. */
export interface QueuePageProps {
  user: DeskUser;
  queue: Queue;
  counts: QueueCounts;
  filters: QueueFilters;
  comments: Comment[];
  reasons: Map<number, HoldReason[]>;
  reports: Map<number, ReportSummary>;
  /** Link to the next (older) page, when there is one. */
  nextHref: string | null;
  /** The page's own URL, where actions come back to. */
  self: string;
  /** What the last action did. */
  done?: string;
}

/** Why a comment was held, as a short list. */
function Reasons({ reasons }: { reasons: HoldReason[] | undefined }) {
  if (!reasons || reasons.length === 0) return null;
  return (
    <p class="reasons">
      سبب الحجز:{' '}
      {reasons.map((r, i) => (
        <>
          {i > 0 ? '، ' : ''}
          {HOLD_REASON_NAMES[r.code]}
          {r.detail ? (
            <>
              {' '}
              («<bdi>{r.detail}</bdi>»)
            </>
          ) : null}
        </>
      ))}
    </p>
  );
}

function Reports({ report }: { report: ReportSummary | undefined }) {
  if (!report) return null;
  return (
    <p class="reasons">
      بلاغات القرّاء: {report.count} ({[...new Set(report.reasons)].map((r) => REPORT_REASON_NAMES[r] ?? r).join('، ')})
    </p>
  );
}

const filterHref = (name: 'email' | 'client', value: string) => `/admin/comments?${new URLSearchParams({ [name]: value })}`;

/** The facts of a comment: author, email, article, date, status, client. */
function Facts({ comment }: { comment: Comment }) {
  return (
    <p class="facts">
      <bdi>{comment.authorName}</bdi> ·{' '}
      <a href={filterHref('email', comment.authorEmail)} dir="ltr">
        {comment.authorEmail}
      </a>
      {comment.authorUrl ? (
        <>
          {' · '}
          <a href={comment.authorUrl} rel="nofollow noopener" dir="ltr">
            {comment.authorUrl}
          </a>
        </>
      ) : null}
      {' · '}
      <a href={`${articlePath(comment.articleSlug)}#comment-${comment.id}`}>
        <bdi>{comment.articleSlug}</bdi>
      </a>
      {' · '}
      <Time at={comment.createdAt} /> · {STATUS_NAMES[comment.status]}
      {comment.pinned ? (
        <>
          {' · '}
          <strong class="pin-state">مثبّت</strong>
        </>
      ) : null}{' '}
      · <a href={filterHref('client', comment.ipHash)}>كل تعليقات هذا العميل</a>
    </p>
  );
}

/** The buttons of a comment's row actions, posting to its own action URLs (moderate, and pin for a published top-level comment). */
function RowActions({ comment }: { comment: Comment }) {
  return (
    <div class="actions">
      {ACTIONS_FOR[comment.status].map((action) => (
        <button type="submit" name="action" value={action} formaction={`/admin/comments/${comment.id}/moderate`}>
          {ACTION_NAMES[action].button}
          <span class="vh"> التعليق {comment.id}</span>
        </button>
      ))}
      {comment.status === 'approved' && comment.parentId === null ? (
        <button
          type="submit"
          name="pin"
          value={comment.pinned ? 'unpin' : 'pin'}
          formaction={`/admin/comments/${comment.id}/pin`}
        >
          {PIN_NAMES[comment.pinned ? 'unpin' : 'pin'].button}
          <span class="vh"> التعليق {comment.id}</span>
        </button>
      ) : null}
    </div>
  );
}

/** Paragraphs of a comment body, as text. */
function Body({ text }: { text: string }) {
  return (
    <div class="comment-body">
      {text.split(/\n{2,}/).map((p) => (
        <p dir="auto">{p}</p>
      ))}
    </div>
  );
}

const BULK_ACTIONS = ['approve', 'unapprove', 'spam', 'trash', 'restore', 'delete'] as const;

/** One queue: tabs with counts, filters, and the comments with row and bulk actions in one no-JS form. */
export function QueuePage(p: QueuePageProps) {
  const { filters } = p;
  return (
    <DeskLayout title={QUEUE_NAMES[p.queue]} moderator={p.user} current={p.queue}>
      <h1>
        {QUEUE_NAMES[p.queue]} ({p.counts[p.queue]})
      </h1>
      {p.done ? (
        <p class="done" role="status">
          {p.done}
        </p>
      ) : null}
      <search aria-label="تصفية التعليقات">
        <form method="get" action="/admin/comments" class="filters">
          <input type="hidden" name="status" value={p.queue} />
          <p class="field">
            <label for="filter-article">المقال (المعرّف)</label>
            <input type="text" id="filter-article" name="article" dir="auto" value={filters.article ?? ''} />
          </p>
          <p class="field">
            <label for="filter-q">نص في التعليق</label>
            <input type="text" id="filter-q" name="q" dir="auto" value={filters.q ?? ''} />
          </p>
          <p class="field">
            <label for="filter-email">البريد</label>
            <input type="text" id="filter-email" name="email" dir="ltr" value={filters.email ?? ''} />
          </p>
          <p class="field">
            <label for="filter-client">العميل (بصمة العنوان)</label>
            <input type="text" id="filter-client" name="client" dir="ltr" value={filters.client ?? ''} />
          </p>
          <button type="submit">تصفية</button>
        </form>
      </search>
      {p.comments.length === 0 ? (
        <p class="notice">لا تعليقات هنا.</p>
      ) : (
        <form method="post" action="/admin/comments/bulk">
          <input type="hidden" name="csrf" value={p.user.csrf} />
          <input type="hidden" name="back" value={p.self} />
          <div class="bulk">
            <p class="field">
              <label for="bulk-action">إجراء على التعليقات المختارة</label>
              <select id="bulk-action" name="bulk_action">
                {BULK_ACTIONS.map((action) => (
                  <option value={action}>{ACTION_NAMES[action].button}</option>
                ))}
              </select>
            </p>
            <button type="submit" name="action" value="bulk">
              نفّذ على المختارة
            </button>
          </div>
          <ol class="queue">
            {p.comments.map((comment) => (
              <li id={`row-${comment.id}`}>
                <input
                  type="checkbox"
                  class="pick"
                  name="ids"
                  value={String(comment.id)}
                  id={`pick-${comment.id}`}
                  aria-labelledby={`pick-label-${comment.id}`}
                />
                <div class="item">
                  <p class="facts">
                    <a href={`/admin/comments/${comment.id}`} id={`pick-label-${comment.id}`}>
                      التعليق {comment.id}
                    </a>
                  </p>
                  <Facts comment={comment} />
                  <Reasons reasons={p.reasons.get(comment.id)} />
                  <Reports report={p.reports.get(comment.id)} />
                  <Body text={comment.body} />
                  <RowActions comment={comment} />
                </div>
              </li>
            ))}
          </ol>
        </form>
      )}
      {p.nextHref ? (
        <nav class="pager" aria-label="صفحات">
          <a href={p.nextHref} rel="next">
            الأقدم ←
          </a>
        </nav>
      ) : null}
    </DeskLayout>
  );
}

/** Block periods offered, in days ("0": for good). */
export const BLOCK_PERIODS: Record<string, string> = { '1': 'يوم', '7': 'أسبوع', '30': 'شهر', '0': 'دائماً' };

/** Blocks in force, each with a form to lift it. */
export function BlocksPage({ user, blocks, done }: { user: DeskUser; blocks: Block[]; done?: string }) {
  return (
    <DeskLayout title="المحظورون" moderator={user} current="blocks">
      <h1>المحظورون</h1>
      {done ? (
        <p class="done" role="status">
          {done}
        </p>
      ) : null}
      <p class="notice">تذهب تعليقاتهم الجديدة إلى المزعجة دون أن يُقال لهم شيء مختلف.</p>
      {blocks.length === 0 ? (
        <p class="notice">لا أحد محظور.</p>
      ) : (
        <table>
          <caption class="vh">الحظر الساري</caption>
          <thead>
            <tr>
              <th scope="col">ماذا</th>
              <th scope="col">حتى</th>
              <th scope="col">من حظر</th>
              <th scope="col">رفع الحظر</th>
            </tr>
          </thead>
          <tbody>
            {blocks.map((b) => (
              <tr>
                <td dir="ltr">
                  {b.kind === 'email' ? 'بريد' : 'عميل'}: {b.value}
                </td>
                <td>{b.until ? <Time at={b.until} /> : 'دائماً'}</td>
                <td>
                  <bdi>{b.createdBy}</bdi>
                </td>
                <td>
                  <form method="post" action="/admin/blocks/remove">
                    <input type="hidden" name="csrf" value={user.csrf} />
                    <input type="hidden" name="kind" value={b.kind} />
                    <input type="hidden" name="value" value={b.value} />
                    <button type="submit" class="link-button">
                      رفع الحظر<span class="vh"> عن {b.value}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </DeskLayout>
  );
}

/** Everything the page of one comment shows. */
export interface CommentPageProps {
  user: DeskUser;
  comment: Comment;
  reasons: HoldReason[] | undefined;
  report: ReportSummary | undefined;
  log: Array<{ from: string; to: string; actor: string; at: string }>;
  done?: string;
  /** Whether the comment's article takes comments now (null when the article is no longer published). */
  articleOpen: boolean | null;
  /** Its earlier versions, newest first. */
  edits: EarlierVersion[];
  /** A refused edit: what was typed and why. */
  editForm?: { name: string; url: string; body: string; error: string };
  /** A refused reply: what was typed and why. */
  replyForm?: { body: string; error: string };
}

/** One comment: everything about it, its actions and its moderation history. */
export function CommentPage(props: CommentPageProps) {
  const { user, comment, reasons, report, log, done, articleOpen, edits, editForm, replyForm } = props;
  const typed = editForm ?? { name: comment.authorName, url: comment.authorUrl ?? '', body: comment.body };
  return (
    <DeskLayout title={`التعليق ${comment.id}`} moderator={user}>
      <h1>التعليق {comment.id}</h1>
      {done ? (
        <p class="done" role="status">
          {done}
        </p>
      ) : null}
      <Facts comment={comment} />
      <Reasons reasons={reasons} />
      <Reports report={report} />
      <Body text={comment.body} />
      <form method="post" action={`/admin/comments/${comment.id}/moderate`}>
        <input type="hidden" name="csrf" value={user.csrf} />
        <input type="hidden" name="back" value={`/admin/comments/${comment.id}`} />
        <RowActions comment={comment} />
      </form>
      {articleOpen === null ? null : (
        <form method="post" action={`/admin/articles/${encodeURIComponent(comment.articleSlug)}/comments-state`} class="bulk">
          <input type="hidden" name="csrf" value={user.csrf} />
          <input type="hidden" name="back" value={`/admin/comments/${comment.id}`} />
          <input type="hidden" name="state" value={articleOpen ? 'closed' : 'open'} />
          <p>{articleOpen ? 'التعليقات على هذا المقال مفتوحة.' : 'التعليقات على هذا المقال مغلقة.'}</p>
          <button type="submit">{articleOpen ? 'أغلق التعليقات على المقال' : 'أعد فتح التعليقات على المقال'}</button>
        </form>
      )}
      <form method="post" action={`/admin/comments/${comment.id}/block`} class="bulk">
        <input type="hidden" name="csrf" value={user.csrf} />
        <p class="field">
          <label for="block-kind">حظر</label>
          <select id="block-kind" name="kind">
            <option value="email">بريد صاحب التعليق</option>
            <option value="client">العميل (عنوانه)</option>
          </select>
        </p>
        <p class="field">
          <label for="block-for">لمدة</label>
          <select id="block-for" name="days">
            {Object.entries(BLOCK_PERIODS).map(([days, label]) => (
              <option value={days}>{label}</option>
            ))}
          </select>
        </p>
        <button type="submit">حظر</button>
      </form>
      {comment.status === 'approved' ? (
        <>
          <h2 id="reply">الرد باسم التحرير</h2>
          {replyForm ? (
            <p class="form-alert" role="alert" id="reply-status" tabindex={-1} autofocus>
              {replyForm.error}
            </p>
          ) : null}
          <form method="post" action={`/admin/comments/${comment.id}/reply`}>
            <input type="hidden" name="csrf" value={user.csrf} />
            <p class="field">
              <label for="reply-body">نص الرد (يُنشر فوراً مع شارة «المحرر»)</label>
              <textarea id="reply-body" name="body" rows={4} dir="auto" required>
                {replyForm?.body ?? ''}
              </textarea>
            </p>
            <p>
              <button type="submit">انشر الرد</button>
            </p>
          </form>
        </>
      ) : null}
      <h2 id="edit">تحرير التعليق</h2>
      {editForm ? (
        <p class="form-alert" role="alert" id="edit-status" tabindex={-1} autofocus>
          {editForm.error}
        </p>
      ) : null}
      <form method="post" action={`/admin/comments/${comment.id}/edit`}>
        <input type="hidden" name="csrf" value={user.csrf} />
        <p class="field">
          <label for="edit-name">الاسم</label>
          <input type="text" id="edit-name" name="name" dir="auto" required value={typed.name} />
        </p>
        <p class="field">
          <label for="edit-url">الموقع</label>
          <input type="url" id="edit-url" name="url" dir="ltr" value={typed.url} />
        </p>
        <p class="field">
          <label for="edit-body">النص</label>
          <textarea id="edit-body" name="body" rows={6} dir="auto" required>
            {typed.body}
          </textarea>
        </p>
        <p>
          <button type="submit">احفظ التعديل</button>
        </p>
      </form>
      <h2>السجل</h2>
      <HistoryTable entries={log.map((e) => ({ ...e, commentId: comment.id }))} caption="سجل الإشراف على هذا التعليق" />
      {edits.length > 0 ? (
        <>
          <h2>النسخ السابقة</h2>
          <ol class="queue earlier">
            {edits.map((e) => (
              <li>
                <div class="item">
                  <p class="facts">
                    <bdi>{e.name}</bdi>
                    {e.url ? <span dir="ltr"> · {e.url}</span> : null} · عدّله <bdi>{e.editedBy}</bdi> · <Time at={e.editedAt} />
                  </p>
                  <Body text={e.body} />
                </div>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </DeskLayout>
  );
}

function HistoryTable({ entries, caption }: { entries: Array<Omit<LogEntry, 'id'>>; caption: string }) {
  if (entries.length === 0) return <p class="notice">لا إجراءات بعد.</p>;
  return (
    <table>
      <caption class="vh">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">متى</th>
          <th scope="col">من</th>
          <th scope="col">التعليق</th>
          <th scope="col">من حالة</th>
          <th scope="col">إلى حالة</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr>
            <td>
              <Time at={e.at} />
            </td>
            <td>
              <bdi>{e.actor}</bdi>
            </td>
            <td>
              <a href={`/admin/comments/${e.commentId}`}>{e.commentId}</a>
            </td>
            <td>{LOG_NAMES[e.from] ?? e.from}</td>
            <td>{LOG_NAMES[e.to] ?? e.to}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The latest moderation actions across the site. */
export function LogPage({ user, entries, nextHref }: { user: DeskUser; entries: LogEntry[]; nextHref: string | null }) {
  return (
    <DeskLayout title="السجل" moderator={user} current="log">
      <h1>آخر إجراءات الإشراف</h1>
      <HistoryTable entries={entries} caption="آخر إجراءات الإشراف في الموقع" />
      {nextHref ? (
        <nav class="pager" aria-label="صفحات">
          <a href={nextHref} rel="next">
            الأقدم ←
          </a>
        </nav>
      ) : null}
    </DeskLayout>
  );
}

/** A refusal or notice on the desk (expired session, bad form, missing comment), with a way on. */
export function DeskMessagePage({ user, heading, children }: { user?: DeskUser; heading: string; children?: Child }) {
  return (
    <DeskLayout title={heading} {...(user ? { moderator: user } : {})}>
      <h1>{heading}</h1>
      <div role="alert">{children}</div>
      <p>
        <a href="/admin">العودة إلى المكتب</a>
      </p>
    </DeskLayout>
  );
}
