-- What a reader can see, kept with each comment, and the first response of every idempotent POST.

-- A comment is public only while it and every ancestor are approved: unapproving a parent hides its replies from
-- lists, counts, feeds, search and single-comment reads alike. Every write that changes a status or a parent
-- recomputes it for the article (src/storage/comments.ts, refreshVisibility).
ALTER TABLE comments ADD COLUMN visible INTEGER NOT NULL DEFAULT 0 CHECK (visible IN (0, 1));
WITH RECURSIVE shown (id) AS (
  SELECT id FROM comments WHERE parent_id IS NULL AND status = 'approved'
  UNION ALL
  SELECT c.id FROM comments c JOIN shown s ON c.parent_id = s.id WHERE c.status = 'approved'
)
UPDATE comments SET visible = 1 WHERE id IN (SELECT id FROM shown);
CREATE INDEX comments_visible ON comments (article_slug, visible, parent_id, id);

-- Idempotency records now exist from the moment a request claims its key (response_status NULL: in progress) and
-- keep the exact first response, so a retry replays it even after the comment was moderated or deleted.
-- Records of the old shape (fingerprinted differently, no body) are dropped: they expire within 24 hours anyway.
DROP TABLE idempotency_keys;
CREATE TABLE idempotency_keys (
  key                 TEXT    PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 255),
  -- sha-256 of the article slug and the parsed JSON body with its keys sorted.
  request_fingerprint TEXT    NOT NULL,
  comment_id          INTEGER,
  response_status     INTEGER CHECK (response_status IS NULL OR response_status IN (201, 202)),
  response_body       TEXT,
  created_at          TEXT    NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
