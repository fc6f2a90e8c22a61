-- Expected completion (mobile-bff/README.md, "Expected completion"): each finished dossier's
-- working time from receipt to result, pauses left out, and the distributions per group that every
-- replica keeps in memory. Maintained by one replica at a time (ForecastRefresher, which holds the
-- forecast_state row FOR UPDATE SKIP LOCKED for the length of a refresh).

-- One row per dossier that reached status 9, written once.
CREATE TABLE forecast_sample (
    dossier_id      bigint       PRIMARY KEY REFERENCES dossier (id),
    procedure_code  varchar(50)  NOT NULL,
    agency_code     varchar(20)  NOT NULL,
    field           text         NOT NULL,
    finished_at     timestamptz  NOT NULL,
    working_seconds integer      NOT NULL CHECK (working_seconds >= 0)
);

CREATE INDEX forecast_sample_finished_idx ON forecast_sample (finished_at);
CREATE INDEX forecast_sample_procedure_idx ON forecast_sample (procedure_code, finished_at);
CREATE INDEX forecast_sample_field_idx ON forecast_sample (field, finished_at);

-- The 101 percentiles (working seconds) and count of one group's samples in the window. A group
-- whose samples all left the window keeps its row with count 0 and no percentiles, so that a
-- replica loading the rows changed since its version learns that it is gone.
CREATE TABLE forecast_distribution (
    level        text       NOT NULL CHECK (level IN ('PROCEDURE_AT_AGENCY', 'PROCEDURE', 'FIELD')),
    key          text       NOT NULL,
    sample_count integer    NOT NULL CHECK (sample_count >= 0),
    percentiles  integer[]  NOT NULL,
    -- the refresh that wrote it: replicas load the rows above the version they hold
    version      bigint     NOT NULL,
    PRIMARY KEY (level, key)
);

CREATE INDEX forecast_distribution_version_idx ON forecast_distribution (version);

-- The refresh's bookkeeping: one row, also its claim.
CREATE TABLE forecast_state (
    id            smallint     PRIMARY KEY CHECK (id = 1),
    -- the last status-9 event sampled, in change-feed order (txid, id): nothing is skipped
    last_txid     xid8         NOT NULL DEFAULT '0',
    last_event_id bigint       NOT NULL DEFAULT 0,
    -- the window the distributions hold: results from window_from to window_to
    window_from   timestamptz  NOT NULL DEFAULT 'epoch',
    window_to     timestamptz  NOT NULL DEFAULT 'epoch',
    version       bigint       NOT NULL DEFAULT 0,
    refreshed_at  timestamptz
);

INSERT INTO forecast_state (id) VALUES (1);
