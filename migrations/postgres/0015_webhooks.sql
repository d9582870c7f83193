-- Webhooks (issue #15): an organisation's HTTPS endpoints for its events, and one delivery row
-- per event and endpoint, claimed under a lease by the instance that sends it (as the outbox).
-- The signing secret must be read back to sign, so it is stored as it is (docs/SECURITY.md:
-- database backups are as secret as the service); it is shown to the admin once.
-- Keep in step with ../sqlite/0015_webhooks.sql.

CREATE TABLE webhooks (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    url TEXT NOT NULL,
    -- comma-separated event codes (notification kinds of the operator side)
    events TEXT NOT NULL,
    secret TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    -- failed attempts in a row; reset by a delivered one
    failures BIGINT NOT NULL DEFAULT 0,
    disabled_at BIGINT,
    -- 'failures' (turned off by the desk) or 'admin'
    disabled_reason TEXT,
    deleted_at BIGINT
);
CREATE INDEX webhooks_org ON webhooks (org_id);

CREATE TABLE webhook_deliveries (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id BIGINT NOT NULL REFERENCES webhooks (id),
    event TEXT NOT NULL,
    reference TEXT NOT NULL DEFAULT '',
    detail TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
    attempts BIGINT NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    lease_owner TEXT,
    lease_until BIGINT,
    delivered_at BIGINT,
    -- the receiver's status code, or the error, of the last attempt
    last_status BIGINT,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (state, next_attempt_at, id);
CREATE INDEX webhook_deliveries_hook ON webhook_deliveries (webhook_id, id);
