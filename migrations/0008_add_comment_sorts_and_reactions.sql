-- Comment sort orders and the «أتفق» reaction.
-- The sort keys live on the comment row so an index can serve each order (keyset paging, deep pages stay cheap).
-- Triggers keep them true whoever writes (form, API, moderation, deletes that re-parent replies, imports).

-- Approved direct replies of the comment ("most replied").
ALTER TABLE comments ADD COLUMN reply_count INTEGER NOT NULL DEFAULT 0;
-- Reactions given to the comment ("most agreed"); shown only while the comment is approved.
ALTER TABLE comments ADD COLUMN agree_count INTEGER NOT NULL DEFAULT 0;

UPDATE comments SET reply_count = (
  SELECT count(*) FROM comments AS r WHERE r.parent_id = comments.id AND r.status = 'approved'
);

-- Oldest and newest first are served by comments_article_status (article_slug, status, parent_id, id), both ways.
CREATE INDEX comments_most_replied ON comments (article_slug, status, parent_id, reply_count, id);
CREATE INDEX comments_most_agreed ON comments (article_slug, status, parent_id, agree_count, id);

-- One «أتفق» per client per comment. client_hash is the keyed client hash of comments.ip_hash (never the raw IP).
CREATE TABLE comment_reactions (
  comment_id  INTEGER NOT NULL,
  client_hash TEXT    NOT NULL CHECK (length(client_hash) = 64),
  created_at  TEXT    NOT NULL,
  PRIMARY KEY (comment_id, client_hash)
) WITHOUT ROWID;

CREATE TRIGGER comment_reactions_count_insert AFTER INSERT ON comment_reactions
BEGIN
  UPDATE comments SET agree_count = agree_count + 1 WHERE id = NEW.comment_id;
END;

CREATE TRIGGER comment_reactions_count_delete AFTER DELETE ON comment_reactions
BEGIN
  UPDATE comments SET agree_count = agree_count - 1 WHERE id = OLD.comment_id;
END;

CREATE TRIGGER comments_reply_count_insert AFTER INSERT ON comments
WHEN NEW.status = 'approved' AND NEW.parent_id IS NOT NULL
BEGIN
  UPDATE comments SET reply_count = reply_count + 1 WHERE id = NEW.parent_id;
END;

CREATE TRIGGER comments_reply_count_leave AFTER UPDATE OF status, parent_id ON comments
WHEN OLD.status = 'approved' AND OLD.parent_id IS NOT NULL
BEGIN
  UPDATE comments SET reply_count = reply_count - 1 WHERE id = OLD.parent_id;
END;

CREATE TRIGGER comments_reply_count_join AFTER UPDATE OF status, parent_id ON comments
WHEN NEW.status = 'approved' AND NEW.parent_id IS NOT NULL
BEGIN
  UPDATE comments SET reply_count = reply_count + 1 WHERE id = NEW.parent_id;
END;

CREATE TRIGGER comments_reply_count_delete AFTER DELETE ON comments
BEGIN
  UPDATE comments SET reply_count = reply_count - 1
  WHERE id = OLD.parent_id AND OLD.status = 'approved';
  DELETE FROM comment_reactions WHERE comment_id = OLD.id;
END;
