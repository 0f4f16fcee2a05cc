/**
 * The one rule of which comments readers see, as SQL: approved, with every ancestor approved. Kept apart from
 * comments.ts (which needs the Workers types) so the WordPress importer, a Node script, runs the same statement.
 */
/** Recomputes the `visible` column of one article's comments (`?1` is its slug). */
export const REFRESH_VISIBILITY_SQL = `WITH RECURSIVE shown (id) AS (
         SELECT id FROM comments WHERE article_slug = ?1 AND parent_id IS NULL AND status = 'approved'
         UNION ALL
         SELECT c.id FROM comments c JOIN shown s ON c.parent_id = s.id WHERE c.status = 'approved'
       )
       UPDATE comments SET visible = (id IN (SELECT id FROM shown))
       WHERE article_slug = ?1 AND visible <> (id IN (SELECT id FROM shown))`;
