-- The editor's desk: moderator accounts and their sessions, sign-in failures (rate limits), why a comment was held,
-- and readers' reports.

-- People who moderate in the browser. Passwords are PBKDF2-SHA-256 with a per-account salt (src/domain/password.ts).
CREATE TABLE moderators (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  name          TEXT    NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 64),
  password_hash TEXT    NOT NULL,
  salt          TEXT    NOT NULL,
  iterations    INTEGER NOT NULL CHECK (iterations > 0),
  created_at    TEXT    NOT NULL,
  disabled_at   TEXT
);

-- Server-side sessions: the cookie holds a random id, only its sha-256 is stored; sign-out revokes the row.
CREATE TABLE desk_sessions (
  id_hash      TEXT    PRIMARY KEY CHECK (length(id_hash) = 64),
  moderator_id INTEGER NOT NULL REFERENCES moderators (id),
  csrf_token   TEXT    NOT NULL,
  created_at   TEXT    NOT NULL,
  expires_at   TEXT    NOT NULL,
  revoked_at   TEXT
);
CREATE INDEX desk_sessions_moderator ON desk_sessions (moderator_id);

-- Failed sign-ins, by account (`account:<name>`) and by client (`client:<ip hash>`), for the sign-in rate limits.
CREATE TABLE signin_failures (
  scope TEXT NOT NULL,
  at    TEXT NOT NULL
);
CREATE INDEX signin_failures_scope ON signin_failures (scope, at);

-- Why a comment was held or judged spam, computed at submission (a JSON array of {code, detail?}).
CREATE TABLE comment_reasons (
  comment_id INTEGER PRIMARY KEY,
  reasons    TEXT    NOT NULL
);

-- Readers' reports: one per client per comment; resolved when a moderator acts on the comment.
CREATE TABLE comment_reports (
  comment_id  INTEGER NOT NULL,
  ip_hash     TEXT    NOT NULL CHECK (length(ip_hash) = 64),
  reason      TEXT    NOT NULL CHECK (reason IN ('spam', 'abuse', 'off-topic', 'personal')),
  at          TEXT    NOT NULL,
  resolved_at TEXT,
  PRIMARY KEY (comment_id, ip_hash)
);
CREATE INDEX comment_reports_open ON comment_reports (resolved_at, comment_id);

-- Blocked commenters: an email (lower-cased) or a client (IP hash), for a period or for good (until IS NULL).
-- Their new comments go to spam and they are told nothing different.
CREATE TABLE commenter_blocks (
  kind       TEXT NOT NULL CHECK (kind IN ('email', 'client')),
  value      TEXT NOT NULL CHECK (length(value) BETWEEN 1 AND 100),
  until      TEXT,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (kind, value)
);

-- Comments opened or closed on one article from the desk, overriding front matter and COMMENTS_CLOSE_AFTER_DAYS
-- without republishing.
CREATE TABLE article_comment_states (
  article_slug TEXT PRIMARY KEY,
  state        TEXT NOT NULL CHECK (state IN ('open', 'closed')),
  changed_by   TEXT NOT NULL,
  changed_at   TEXT NOT NULL
);

-- Who wrote a comment: a reader, or the newsroom replying from the desk (published at once, marked «المحرر»).
ALTER TABLE comments ADD COLUMN author_role TEXT NOT NULL DEFAULT 'reader' CHECK (author_role IN ('reader', 'newsroom'));

-- A comment's earlier versions: what a moderator's edit replaced, who edited and when.
CREATE TABLE comment_edits (
  id            INTEGER PRIMARY KEY AUTOINCREMENT,
  comment_id    INTEGER NOT NULL,
  previous_name TEXT    NOT NULL,
  previous_url  TEXT,
  previous_body TEXT    NOT NULL,
  edited_by     TEXT    NOT NULL,
  edited_at     TEXT    NOT NULL
);
CREATE INDEX comment_edits_comment ON comment_edits (comment_id, id);
