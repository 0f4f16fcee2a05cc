-- Pinned comments: a moderator pins one comment to the top of its article (the desk's «تثبيت»).
-- One pin per article (pinning another replaces it); only an approved top-level comment is pinned. The pin is shown
-- first on the first page of the article's threads, in every order, and nowhere else in the list.

-- When it was pinned; NULL for every comment that is not.
ALTER TABLE comments ADD COLUMN pinned_at TEXT;
-- At most one pin per article, enforced here; also how the first page finds it.
CREATE UNIQUE INDEX comments_pinned ON comments (article_slug) WHERE pinned_at IS NOT NULL;

-- A pin ends when its comment leaves `approved` (unapproved, reported back to review, spam, trash, retention),
-- whoever writes the status: approving it again does not bring it back to the top. Deleting the row ends it too.
CREATE TRIGGER comments_unpin_on_leave AFTER UPDATE OF status ON comments
WHEN NEW.pinned_at IS NOT NULL AND NEW.status <> 'approved'
BEGIN
  UPDATE comments SET pinned_at = NULL WHERE id = NEW.id;
END;

-- The moderation log records pins too (from 'approved' to 'pinned', from 'pinned' to 'unpinned'): SQLite cannot
-- change a CHECK in place, so the table is rebuilt with its rows, ids and index.
CREATE TABLE moderation_log_new (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id  INTEGER NOT NULL,
  from_status TEXT    NOT NULL,
  to_status   TEXT    NOT NULL CHECK (to_status IN ('pending', 'approved', 'spam', 'trash', 'deleted', 'pinned', 'unpinned')),
  actor       TEXT    NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
  at          TEXT    NOT NULL
);
INSERT INTO moderation_log_new (id, comment_id, from_status, to_status, actor, at)
  SELECT id, comment_id, from_status, to_status, actor, at FROM moderation_log;
DROP TABLE moderation_log;
ALTER TABLE moderation_log_new RENAME TO moderation_log;
CREATE INDEX moderation_log_comment ON moderation_log (comment_id, id);
