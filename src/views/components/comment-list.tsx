/**
 * Approved comments under an article, threaded. Everything a reader wrote is escaped text: names isolated in
 * <bdi> so a right-to-left or left-to-right name cannot reorder the line around it, bodies with dir="auto".
 */
import type { CommentThread } from '../../domain/comment.ts';
import { MAX_DEPTH } from '../../domain/comment.ts';
import { formatDisplayDateTime } from '../../text/dates.ts';
import { AgreeButton, type AgreeContext } from './agree-button.tsx';
import { ReportLink } from './report-link.tsx';

/** What the list needs besides the threads. */
export interface CommentListProps {
  threads: CommentThread[];
  /** Ids of this browser's own held comments, shown with a notice. */
  held: ReadonlySet<number>;
  /** Whether reply links are offered. */
  open: boolean;
  /** Where the «أتفق» buttons of approved comments post; no buttons without it. */
  agree?: AgreeContext;
}

/** Paragraphs at blank lines, line breaks kept within them. */
function Body({ text }: { text: string }) {
  return (
    <div class="comment-body">
      {text.split(/\n{2,}/).map((paragraph) => (
        <p dir="auto">
          {paragraph.split('\n').map((line, i) => (
            <>
              {i > 0 ? <br /> : null}
              {line}
            </>
          ))}
        </p>
      ))}
    </div>
  );
}

function Item({ comment, held, open, agree }: { comment: CommentThread } & Omit<CommentListProps, 'threads'>) {
  const author = comment.authorUrl ? (
    <a href={comment.authorUrl} rel="nofollow ugc noopener">
      {comment.authorName}
    </a>
  ) : (
    comment.authorName
  );
  const isHeld = held.has(comment.id);
  return (
    <li>
      {/* A div, not an <article>: a comment has no heading of its own, and an untitled article is an outline gap. */}
      <div class={isHeld ? 'comment held' : 'comment'} id={`comment-${comment.id}`}>
        <p class="comment-meta">
          <bdi class="comment-author">{author}</bdi>
          {comment.role ? <span class="newsroom">المحرر</span> : null}
          {comment.pinned ? <span class="pinned">مثبّت</span> : null}
          {' · '}
          <a href={`#comment-${comment.id}`} class="comment-date">
            <time datetime={comment.createdAt}>{formatDisplayDateTime(comment.createdAt)}</time>
          </a>
        </p>
        {isHeld ? (
          <p class="held-note" role="status">
            تعليقك بانتظار المراجعة
          </p>
        ) : null}
        <Body text={comment.body} />
        {agree && !isHeld ? <AgreeButton context={agree} commentId={comment.id} count={comment.agreeCount} /> : null}
        {open && !isHeld && comment.depth < MAX_DEPTH ? (
          <a class="reply" href={`?replyto=${comment.id}#respond`}>
            ردّ على <bdi>{comment.authorName}</bdi>
          </a>
        ) : null}
        {isHeld ? null : <ReportLink id={comment.id} />}
      </div>
      {comment.replies.length > 0 ? <CommentList threads={comment.replies} held={held} open={open} agree={agree} /> : null}
    </li>
  );
}

/** A list of threads (nested lists for replies). */
export function CommentList({ threads, held, open, agree }: CommentListProps) {
  return (
    <ol class="comment-list">
      {threads.map((comment) => (
        <Item comment={comment} held={held} open={open} agree={agree} />
      ))}
    </ol>
  );
}
