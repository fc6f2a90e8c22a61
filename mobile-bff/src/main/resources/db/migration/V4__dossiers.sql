-- Dossiers (hồ sơ thủ tục hành chính), their timeline, and citizens' ratings.

CREATE TABLE dossier (
    id                 bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- national format <agency code>-YYMMDD-NNNN, e.g. H26.99-251122-0001
    code               varchar(40)  NOT NULL UNIQUE,
    agency_code        varchar(20)  NOT NULL,
    procedure_code     varchar(50)  NOT NULL,
    procedure_name     text         NOT NULL,
    field              text         NOT NULL,
    -- HMAC-SHA256(pii pepper, citizen ID): the ID itself is never stored
    applicant_ref      char(64)     NOT NULL,
    -- shown in full to its owner only, masked everywhere else
    applicant_name     text         NOT NULL,
    receiving_point_id varchar(32)  NOT NULL REFERENCES service_point (id),
    received_at        timestamptz  NOT NULL,
    original_due_at    timestamptz  NOT NULL,
    -- the due time in force: extensions and the time spent paused (5, 6) move it
    due_at             timestamptz  NOT NULL,
    channel            text         NOT NULL CHECK (channel IN ('online', 'counter', 'agent', 'postal')),
    result_delivery    text         NOT NULL CHECK (result_delivery IN ('counter', 'postal', 'electronic')),
    status             smallint     NOT NULL CHECK (status BETWEEN 1 AND 10),
    -- when the current status was reached (the newest applied status event)
    status_at          timestamptz  NOT NULL,
    -- when the result was ready (status 9), for the timing class of finished dossiers
    finished_at        timestamptz,
    -- HMAC-SHA256(pii pepper, code + secret) of the 8-character lookup secret on the receipt
    lookup_secret_hash char(64)     NOT NULL,
    filed_by_client    text         NOT NULL,
    version            bigint       NOT NULL DEFAULT 1,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now()
);

CREATE INDEX dossier_owner_idx ON dossier (applicant_ref, received_at DESC);
-- the Center's view of dossiers still running
CREATE INDEX dossier_active_due_idx ON dossier (due_at) WHERE status IN (1, 2, 4);
CREATE INDEX dossier_point_idx ON dossier (receiving_point_id);

-- Every change of a dossier, in its timeline and in the change feed.
CREATE TABLE dossier_event (
    id              bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    dossier_id      bigint       NOT NULL REFERENCES dossier (id),
    filed_by_client text         NOT NULL,
    -- the client that sent the event, and its own id for it: replays are recognised by the pair
    client_id       text         NOT NULL,
    event_id        varchar(100) NOT NULL,
    kind            text         NOT NULL CHECK (kind IN ('FILED', 'STATUS', 'DUE_EXTENDED')),
    status          smallint     CHECK (status BETWEEN 1 AND 10),
    occurred_at     timestamptz  NOT NULL,
    agency          text,
    note            text,
    due_at          timestamptz,
    reason          text,
    -- false for an event older than the newest applied one: timeline only
    applied         boolean      NOT NULL,
    -- the dossier as this event left it, so that a replay answers as the first time did
    status_after    smallint     NOT NULL,
    due_after       timestamptz  NOT NULL,
    version_after   bigint       NOT NULL,
    fingerprint     char(64)     NOT NULL,
    recorded_at     timestamptz  NOT NULL DEFAULT now(),
    -- the writing transaction: the change feed only reads rows below every running transaction
    txid            xid8         NOT NULL DEFAULT pg_current_xact_id(),
    CONSTRAINT dossier_event_replay UNIQUE (client_id, event_id)
);

CREATE INDEX dossier_event_timeline_idx ON dossier_event (dossier_id, occurred_at, id);
CREATE INDEX dossier_event_feed_idx ON dossier_event (txid, id);
CREATE INDEX dossier_event_client_feed_idx ON dossier_event (filed_by_client, txid, id);

-- The last number given per agency and day, for generated codes.
CREATE TABLE dossier_code_counter (
    agency_code varchar(20) NOT NULL,
    day         date        NOT NULL,
    last_number integer     NOT NULL,
    PRIMARY KEY (agency_code, day)
);

CREATE TABLE dossier_rating (
    dossier_id  bigint      PRIMARY KEY REFERENCES dossier (id),
    score       smallint    NOT NULL CHECK (score BETWEEN 1 AND 5),
    comment     text        CHECK (char_length(comment) <= 1000),
    point_id    varchar(32) NOT NULL REFERENCES service_point (id),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE INDEX dossier_rating_point_idx ON dossier_rating (point_id);
