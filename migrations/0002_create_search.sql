-- Arabic-aware full-text search over articles and approved comments (see src/text/search.ts).
-- title and body hold folded, lightly stemmed words (the same normaliser runs on every query); the UNINDEXED
-- columns say what a row is and keep the original text for snippets.
CREATE VIRTUAL TABLE search_index USING fts5(
  title,
  body,
  kind UNINDEXED,
  ref UNINDEXED,
  article_slug UNINDEXED,
  original UNINDEXED,
  tokenize = 'unicode61 remove_diacritics 0'
);

-- Which version of each article the index holds, so a publish re-indexes exactly what changed.
CREATE TABLE search_articles (
  slug TEXT PRIMARY KEY,
  hash TEXT NOT NULL
);
