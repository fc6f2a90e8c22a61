-- A dead-lettered webhook message that ops send again gets a new 24 h retry window: the window
-- starts when the message was written, or when it was last put back in the queue.
ALTER TABLE webhook_message ADD COLUMN window_started_at timestamptz;
UPDATE webhook_message SET window_started_at = created_at;
ALTER TABLE webhook_message ALTER COLUMN window_started_at SET NOT NULL,
    ALTER COLUMN window_started_at SET DEFAULT now();

-- ops list one client's messages, newest first
CREATE INDEX webhook_message_client_idx ON webhook_message (client_id, id DESC);
