-- Reader comments, their moderation log, idempotency records and per-article versions (for page ETags).
-- Lengths are checked in characters (SQLite's length() on TEXT counts code points), never bytes.

CREATE TABLE comments (
  id               INTEGER PRIMARY KEY AUTOINCREMENT,
  article_slug     TEXT    NOT NULL CHECK (length(article_slug) BETWEEN 1 AND 300),
  parent_id        INTEGER REFERENCES comments (id),
  depth            INTEGER NOT NULL DEFAULT 1 CHECK (depth BETWEEN 1 AND 5),
  author_name      TEXT    NOT NULL CHECK (length(author_name) BETWEEN 1 AND 245),
  author_email     TEXT    NOT NULL CHECK (length(author_email) BETWEEN 3 AND 100),
  author_url       TEXT    CHECK (author_url IS NULL OR (length(author_url) <= 200 AND (author_url LIKE 'http://%' OR author_url LIKE 'https://%'))),
  body             TEXT    NOT NULL CHECK (length(body) BETWEEN 1 AND 65525),
  -- sha-256 of the body after Arabic folding and whitespace collapsing: what "the same comment" means.
  body_fingerprint TEXT    NOT NULL CHECK (length(body_fingerprint) = 64),
  status           TEXT    NOT NULL CHECK (status IN ('pending', 'approved', 'spam', 'trash')),
  created_at       TEXT    NOT NULL CHECK (created_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  updated_at       TEXT    NOT NULL CHECK (updated_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
  -- HMAC-SHA-256 of the client IP with the IP_HASH_SECRET secret; the raw IP is never stored.
  ip_hash          TEXT    NOT NULL CHECK (length(ip_hash) = 64),
  user_agent       TEXT    NOT NULL DEFAULT '' CHECK (length(user_agent) <= 254),
  idempotency_key  TEXT    CHECK (idempotency_key IS NULL OR length(idempotency_key) BETWEEN 1 AND 255),
  CHECK (parent_id IS NULL OR parent_id <> id)
);

-- The public thread of an article: approved comments, oldest first.
CREATE INDEX comments_article_status ON comments (article_slug, status, parent_id, id);
-- Replies of a comment (thread walks, re-parenting on delete).
CREATE INDEX comments_parent ON comments (parent_id);
-- Flood control and "has this email an approved comment already".
CREATE INDEX comments_ip_recent ON comments (ip_hash, created_at);
CREATE INDEX comments_email ON comments (author_email COLLATE NOCASE, status, created_at);
-- Moderation queue, newest first, by status.
CREATE INDEX comments_status_id ON comments (status, id);
-- A duplicate is the same article, parent, email and normalised body, unless the earlier one is in the trash.
CREATE UNIQUE INDEX comments_no_duplicates
  ON comments (article_slug, ifnull(parent_id, 0), lower(author_email), body_fingerprint)
  WHERE status <> 'trash';

-- Who changed which comment's status, and when. Rows outlive the comments they describe (hard deletes).
CREATE TABLE moderation_log (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id  INTEGER NOT NULL,
  from_status TEXT    NOT NULL,
  to_status   TEXT    NOT NULL CHECK (to_status IN ('pending', 'approved', 'spam', 'trash', 'deleted')),
  actor       TEXT    NOT NULL CHECK (length(actor) BETWEEN 1 AND 100),
  at          TEXT    NOT NULL
);
CREATE INDEX moderation_log_comment ON moderation_log (comment_id, id);

-- First responses of POSTs sent with an Idempotency-Key, replayed for 24 hours.
CREATE TABLE idempotency_keys (
  key                 TEXT    PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 255),
  request_fingerprint TEXT    NOT NULL,
  comment_id          INTEGER NOT NULL,
  response_status     INTEGER NOT NULL CHECK (response_status IN (201, 202)),
  created_at          TEXT    NOT NULL
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);

-- Bumped whenever an article's visible comments may have changed; part of the article page's ETag.
CREATE TABLE comment_versions (
  article_slug TEXT    PRIMARY KEY,
  version      INTEGER NOT NULL DEFAULT 0
);
