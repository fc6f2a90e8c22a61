-- Reminders (issue 17): a result not collected, or an action still awaited, after some working days.

-- The dossiers whose owner turned reminders off; a dossier not listed gets them.
CREATE TABLE dossier_reminder_opt_out (
    dossier_id    bigint      PRIMARY KEY REFERENCES dossier (id),
    opted_out_at  timestamptz NOT NULL DEFAULT now()
);

-- Every reminder queued, once: the key is the dossier, the kind, the stay in the status it reminds
-- of (the dossier's status_at when it got there: a second pause is a new series) and the reminder's
-- number in that series. Replicas that scan at once race for the key; the loser queues nothing.
CREATE TABLE dossier_reminder (
    dossier_id      bigint      NOT NULL REFERENCES dossier (id),
    kind            text        NOT NULL CHECK (kind IN ('REMINDER_RESULT_READY', 'REMINDER_ACTION_NEEDED')),
    episode_at      timestamptz NOT NULL,
    ordinal         smallint    NOT NULL CHECK (ordinal >= 1),
    -- when it was queued (its inbox entry is the notification of this dossier and kind made then)
    sent_at         timestamptz NOT NULL,
    PRIMARY KEY (dossier_id, kind, episode_at, ordinal)
);

-- The scheduler's candidates: dossiers waiting for their owner, by when they started waiting.
CREATE INDEX dossier_reminder_candidates_idx ON dossier (status_at, id) WHERE status IN (5, 6, 9);

ALTER TABLE notification DROP CONSTRAINT notification_event_check;
ALTER TABLE notification ADD CONSTRAINT notification_event_check CHECK (event IN (
    'RESULT_READY', 'ACTION_NEEDED', 'DUE_EXTENDED', 'REMINDER_RESULT_READY', 'REMINDER_ACTION_NEEDED'));
