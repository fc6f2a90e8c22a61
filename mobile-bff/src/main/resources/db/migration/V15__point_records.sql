-- Each point's public service record over the last 90 days (the pointrecord feature): counts only,
-- no personal data. One row per point, replaced whole by each refresh.
CREATE TABLE point_record (
    point_id                varchar(32) PRIMARY KEY REFERENCES service_point (id) ON DELETE CASCADE,
    received                integer     NOT NULL,
    finished                integer     NOT NULL,
    on_time_or_early        integer     NOT NULL,
    -- working minutes from receipt to result, paused time left out; null when nothing finished
    median_working_minutes  integer,
    ratings                 integer     NOT NULL,
    satisfied               integer     NOT NULL
);

-- The one row that says which refresh the records are from, and who is computing the next:
-- a replica claims it (claim, claimed_until) when the last refresh is old enough and no lease is
-- running; its results are written only while its claim still holds.
CREATE TABLE point_record_refresh (
    singleton     boolean     PRIMARY KEY DEFAULT true CHECK (singleton),
    generation    bigint      NOT NULL DEFAULT 0,
    window_from   timestamptz,
    window_to     timestamptz,
    claim         uuid,
    claimed_until timestamptz
);

INSERT INTO point_record_refresh DEFAULT VALUES;

-- the refresh reads the dossiers finished, and those received, in the window
CREATE INDEX dossier_finished_at_idx ON dossier (finished_at) WHERE finished_at IS NOT NULL;
CREATE INDEX dossier_received_at_idx ON dossier (received_at);
