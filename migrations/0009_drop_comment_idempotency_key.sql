-- comments.idempotency_key was written on every insert and never read: an Idempotency-Key lives in
-- idempotency_keys (migration 0003), which also keeps the first response to replay. Its CHECK constraint belongs to
-- the column alone, so SQLite can drop it in place.
ALTER TABLE comments DROP COLUMN idempotency_key;
