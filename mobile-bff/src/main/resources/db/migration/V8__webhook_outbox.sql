-- The webhook outbox (issue 6): a status change of a dossier filed by an agent with a webhook,
-- written in the same transaction as the change, delivered in order per dossier.
CREATE TABLE webhook_message (
    id              bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    client_id       text        NOT NULL,
    dossier_code    varchar(40) NOT NULL,
    -- the Standard Webhooks message id: the same on every retry, so receivers can deduplicate
    message_id      text        NOT NULL UNIQUE,
    -- the body exactly as it is sent and signed
    payload         text        NOT NULL,
    state           text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'dead')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);

CREATE INDEX webhook_message_due_idx ON webhook_message (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_message_order_idx ON webhook_message (client_id, dossier_code, id) WHERE state = 'pending';
