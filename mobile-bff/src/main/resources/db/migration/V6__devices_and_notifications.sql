-- Citizens' phones, their in-app inbox, and the push outbox (issue 6).

-- An FCM registration token of a citizen's app. A token belongs to one citizen at a time: registered
-- again by someone else (a shared or handed-on phone), it moves to them.
CREATE TABLE device (
    token         varchar(4096) PRIMARY KEY,
    -- HMAC-SHA256(pii pepper, citizen ID), as dossier.applicant_ref
    citizen_ref   char(64)      NOT NULL,
    platform      text          NOT NULL CHECK (platform IN ('android', 'ios', 'web')),
    locale        text          NOT NULL CHECK (locale IN ('vi', 'en')),
    registered_at timestamptz   NOT NULL DEFAULT now(),
    -- refreshed at every registration: tokens unused for 60 days are pruned
    last_seen_at  timestamptz   NOT NULL DEFAULT now()
);

CREATE INDEX device_citizen_idx ON device (citizen_ref);
CREATE INDEX device_last_seen_idx ON device (last_seen_at);

-- The in-app inbox: one row per notification, whether or not the citizen has a device.
CREATE TABLE notification (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    citizen_ref     char(64)     NOT NULL,
    dossier_code    varchar(40)  NOT NULL,
    event           text         NOT NULL CHECK (event IN ('RESULT_READY', 'ACTION_NEEDED', 'DUE_EXTENDED')),
    -- the dossier as the triggering event left it
    status          smallint     NOT NULL CHECK (status BETWEEN 1 AND 10),
    dossier_version bigint       NOT NULL,
    due_at          timestamptz  NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    read_at         timestamptz
);

CREATE INDEX notification_inbox_idx ON notification (citizen_ref, id DESC);
CREATE INDEX notification_unread_idx ON notification (citizen_ref) WHERE read_at IS NULL;

-- The push outbox: one message per device the citizen had when the notification was written, in
-- the same transaction as the status change. The dispatcher claims due rows with
-- FOR UPDATE SKIP LOCKED; a message ends 'sent', 'dropped' (its token is gone) or 'dead'
-- (attempts exhausted, shown to ops), never silently.
CREATE TABLE push_message (
    id              bigint        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    notification_id bigint        NOT NULL REFERENCES notification (id),
    device_token    varchar(4096) NOT NULL,
    platform        text          NOT NULL,
    locale          text          NOT NULL,
    state           text          NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'sent', 'dropped', 'dead')),
    attempts        integer       NOT NULL DEFAULT 0,
    next_attempt_at timestamptz   NOT NULL DEFAULT now(),
    last_error      text,
    fcm_message_id  text,
    created_at      timestamptz   NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    CONSTRAINT push_message_once UNIQUE (notification_id, device_token)
);

CREATE INDEX push_message_due_idx ON push_message (next_attempt_at) WHERE state = 'pending';
CREATE INDEX push_message_dead_idx ON push_message (finished_at DESC) WHERE state = 'dead';
