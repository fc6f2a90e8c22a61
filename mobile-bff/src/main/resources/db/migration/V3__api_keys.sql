-- Machine clients' API keys (agents, the city system). Only an HMAC of each key is kept; the
-- plain key is shown once, when it is made.

CREATE TABLE api_key (
    id          uuid        PRIMARY KEY DEFAULT gen_random_uuid(),
    client_id   text        NOT NULL CHECK (client_id ~ '^[a-z0-9][a-z0-9-]{2,62}$'),
    kind        text        NOT NULL CHECK (kind IN ('agent', 'system')),
    scopes      text[]      NOT NULL,
    rate_tier   text        NOT NULL,
    label       text,
    -- HMAC-SHA256(pepper, key) in hex; the pepper is a secret shared with the gateway
    key_hash    char(64)    NOT NULL UNIQUE,
    -- the first characters of the key, to recognise it in a list
    key_hint    text        NOT NULL,
    created_by  text,
    created_at  timestamptz NOT NULL DEFAULT now(),
    revoked_at  timestamptz
);

CREATE INDEX api_key_client_idx ON api_key (client_id);
