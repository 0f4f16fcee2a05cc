/**
 * The plain links above the comment thread that choose its order; the current one is marked for assistive
 * technology. Links, not a form: each order is a URL that can be shared, cached and followed without JavaScript.
 */
import { COMMENT_SORTS, type CommentSort, threadQuery } from '../../domain/comment-sort.ts';

/** Arabic names of the orders, as the links show them. */
const SORT_LABELS: Record<CommentSort, string> = {
  oldest: 'الأقدم',
  newest: 'الأحدث',
  'most-replied': 'الأكثر ردوداً',
  'most-agreed': 'الأكثر تأييداً',
};

/** The links of the article at `path`; `current` is the order shown. */
export function CommentSortNav({ path, current }: { path: string; current: CommentSort }) {
  return (
    <nav class="comment-sort" aria-label="ترتيب التعليقات">
      <span aria-hidden="true">ترتيب: </span>
      <ul>
        {COMMENT_SORTS.map((sort) => {
          const query = threadQuery({ sort });
          return (
            <li>
              <a href={`${path}${query ? `?${query}` : ''}#comments`} aria-current={sort === current ? 'page' : undefined}>
                {SORT_LABELS[sort]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
