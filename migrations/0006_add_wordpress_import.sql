-- A WordPress import (npm run import:wordpress): which comments came from which WordPress comment, so a second run
-- of the same export adds nothing; and the old site's URLs, answered with 301 by the Worker's not-found path.

-- WordPress's comment_id of an imported comment (NULL for comments written on Minbar).
ALTER TABLE comments ADD COLUMN wordpress_id INTEGER;
CREATE UNIQUE INDEX comments_wordpress_id ON comments (wordpress_id) WHERE wordpress_id IS NOT NULL;

-- Every WordPress comment id ever imported: a comment deleted on Minbar since (by a moderator, or by retention)
-- is not brought back by running the same export again.
CREATE TABLE wordpress_comments (
  wordpress_id INTEGER PRIMARY KEY
);

-- Old URL → canonical path. Keys (see src/domain/legacy-urls.ts): 'id:<post id>', 'post:<post_name>',
-- 'category:<nicename>', names percent-decoded and NFC.
CREATE TABLE legacy_urls (
  key    TEXT PRIMARY KEY CHECK (length(key) BETWEEN 3 AND 1000),
  target TEXT NOT NULL CHECK (target LIKE '/%' AND length(target) <= 2000)
) WITHOUT ROWID;
