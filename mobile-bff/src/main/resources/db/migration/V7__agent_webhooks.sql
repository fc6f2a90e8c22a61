-- Agents' webhooks (issue 6): where the status changes of the dossiers an agent filed are POSTed.

CREATE TABLE agent_webhook (
    client_id  text        PRIMARY KEY,
    url        text        NOT NULL,
    -- the Standard Webhooks signing secret (whsec_ + base64): needed in clear to sign, never returned
    secret     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
