/**
 * The reader's «إبلاغ» under an approved comment: a plain link to the report form (no JavaScript, a few bytes per
 * comment on the article page). Kept apart from the comment list's other controls.
 */

/** Path of a comment's report form. */
const reportPath = (id: number): string => `/comments/${id}/report`;

/** The report link of one comment. */
export function ReportLink({ id }: { id: number }) {
  return (
    <a class="report" href={reportPath(id)} rel="nofollow">
      إبلاغ
    </a>
  );
}
