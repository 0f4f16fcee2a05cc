-- The article catalog: what list pages, feeds' neighbours and sitemaps show of each published article, so a request
-- reads one bounded range of an index instead of a document that lists the whole archive (it replaces KV v1:index).
-- The article itself stays one KV document (v1:article:<slug>). Written only by the publisher (scripts/publish.ts),
-- which also keeps here its manifest of what is published (source file, source hash, document hash).

CREATE TABLE articles (
  slug              TEXT    PRIMARY KEY,
  title             TEXT    NOT NULL,
  dek               TEXT    NOT NULL,
  category_slug     TEXT    NOT NULL,
  category_name     TEXT    NOT NULL,
  -- RFC 3339 with the newsroom's offset, as served; *_ms orders them.
  published_at      TEXT    NOT NULL,
  updated_at        TEXT    NOT NULL,
  published_ms      INTEGER NOT NULL,
  updated_ms        INTEGER NOT NULL,
  -- sha-256 of the KV document: the article's version (ETags, publish diffs).
  hash              TEXT    NOT NULL,
  -- Place in the oldest-first order of the site (0 = oldest) and of its category: page N of any list is a range of
  -- these, so the last page costs what the first does. New articles take the next numbers, so old rows keep theirs.
  position          INTEGER NOT NULL DEFAULT -1,
  category_position INTEGER NOT NULL DEFAULT -1,
  -- The publisher's manifest: which file this came from and the hash of that file as last rendered.
  source_path       TEXT    NOT NULL DEFAULT '',
  source_hash       TEXT    NOT NULL DEFAULT ''
) WITHOUT ROWID;

CREATE INDEX articles_by_position ON articles (position);
CREATE INDEX articles_by_category_position ON articles (category_slug, category_position);
CREATE INDEX articles_by_published ON articles (published_ms);

-- One row per list (the whole site under '', each category under its slug): its size and newest change, rebuilt by
-- each publish. The '' row always exists after a publish, so its absence means "never published" (503), not "empty".
CREATE TABLE article_lists (
  category_slug   TEXT    PRIMARY KEY,
  category_name   TEXT    NOT NULL,
  article_count   INTEGER NOT NULL,
  last_updated_at TEXT
) WITHOUT ROWID;

-- The article sitemaps: chunk n lists positions [n * size, (n + 1) * size), oldest first, so a new article only
-- changes the newest chunk. Rebuilt by each publish.
CREATE TABLE sitemap_chunks (
  number          INTEGER PRIMARY KEY,
  url_count       INTEGER NOT NULL,
  last_updated_at TEXT    NOT NULL
);

-- Hashes of the other KV documents the publisher wrote (feeds, the OpenAPI document), so it never lists KV.
CREATE TABLE published_documents (
  key  TEXT PRIMARY KEY,
  hash TEXT NOT NULL
) WITHOUT ROWID;
