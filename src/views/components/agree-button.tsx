/**
 * The «أتفق» ("I agree") button of an approved comment, with its count: a plain form, so it works without
 * JavaScript and by keyboard. The same button takes the agreement back; the server answers 303 to the comment.
 * The action carries the reader's view (order, page of threads) so the redirect returns to the same place.
 */
import { agreePath } from '../../urls.ts';

/** Text of the button. */
const AGREE_LABEL = 'أتفق';

/** Where the button sits: the view's query (`sort=…&comments_after=…`, may be empty), kept by the redirect. */
export interface AgreeContext {
  view: string;
}

/** The button of one comment. */
export function AgreeButton({ context, commentId, count }: { context: AgreeContext; commentId: number; count: number }) {
  const action = `${agreePath(commentId)}${context.view ? `?${context.view}` : ''}`;
  return (
    <form class="agree" method="post" action={action}>
      <button type="submit">
        {AGREE_LABEL} <span class="agree-count">({count})</span>
      </button>
    </form>
  );
}
