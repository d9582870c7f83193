-- The machine interface (issue #15): personal API tokens and the answers kept for retried
-- POSTs (Idempotency-Key).
-- Keep in step with ../sqlite/0014_api.sql.

-- A token is `od_<prefix>_<secret>`; only the SHA-256 of the whole token is kept. The prefix is
-- public (shown in lists, used to find the row); the role and organisation at creation are kept
-- so that a change of either ends the token.
CREATE TABLE api_tokens (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    org_id BIGINT REFERENCES organisations (id),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL UNIQUE,
    token_sha256 TEXT NOT NULL,
    -- comma-separated scopes granted, and those used at least once (first use is audited)
    scopes TEXT NOT NULL,
    scopes_used TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    last_used_at BIGINT,
    revoked_at BIGINT,
    revoked_by BIGINT REFERENCES users (id)
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- The first answer to a POST sent with an Idempotency-Key, replayed to a retry of the same
-- request; `status` is NULL while the first request is still running.
CREATE TABLE api_idempotency (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    token_id BIGINT NOT NULL REFERENCES api_tokens (id),
    idem_key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    status BIGINT,
    content_type TEXT,
    location TEXT,
    body BYTEA,
    created_at BIGINT NOT NULL,
    UNIQUE (token_id, idem_key)
);
CREATE INDEX api_idempotency_created ON api_idempotency (created_at);
