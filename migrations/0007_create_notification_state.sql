-- What the background jobs remember between runs (see src/storage/notifications.ts):
--   digest_sent_at  when the last moderators' digest was claimed (ISO 8601, UTC)
--   queue_seen_at   when a moderator last looked at the queue (a moderation action, or the pending list opened)
-- A new digest goes out only when the queue was looked at since the last one, so a flood is one e-mail.
CREATE TABLE notification_state (
  name  TEXT PRIMARY KEY CHECK (name IN ('digest_sent_at', 'queue_seen_at')),
  value TEXT NOT NULL
);

-- Retention looks comments up by age: client data (created_at, any status) and trash/spam age (updated_at).
CREATE INDEX comments_status_updated ON comments (status, updated_at);
CREATE INDEX comments_created ON comments (created_at);
