/** Previous / next links of a paginated list (nothing when there is one page). */

/** What the pager needs: where it is, how many pages, how to link to one, and its words. */
export interface PagerProps {
  page: number;
  pages: number;
  href: (page: number) => string;
  label: string;
  previous: string;
  next: string;
}

/** The pager navigation. */
export function Pager({ page, pages, href, label, previous, next }: PagerProps) {
  if (pages <= 1) return null;
  return (
    <nav class="pager" aria-label={label}>
      {page > 1 ? <a href={href(page - 1)}>{previous}</a> : <span />}
      {page < pages ? <a href={href(page + 1)}>{next}</a> : <span />}
    </nav>
  );
}
