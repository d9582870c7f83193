-- The machine interface (issue #15): personal API tokens and the answers kept for retried
-- POSTs (Idempotency-Key).
-- Keep in step with ../postgres/0014_api.sql.

-- A token is `od_<prefix>_<secret>`; only the SHA-256 of the whole token is kept. The prefix is
-- public (shown in lists, used to find the row); the role and organisation at creation are kept
-- so that a change of either ends the token.
CREATE TABLE api_tokens (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    role TEXT NOT NULL,
    org_id INTEGER REFERENCES organisations (id),
    name TEXT NOT NULL,
    prefix TEXT NOT NULL UNIQUE,
    token_sha256 TEXT NOT NULL,
    -- comma-separated scopes granted, and those used at least once (first use is audited)
    scopes TEXT NOT NULL,
    scopes_used TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at INTEGER,
    revoked_by INTEGER REFERENCES users (id)
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

-- The first answer to a POST sent with an Idempotency-Key, replayed to a retry of the same
-- request; `status` is NULL while the first request is still running.
CREATE TABLE api_idempotency (
    id INTEGER PRIMARY KEY,
    token_id INTEGER NOT NULL REFERENCES api_tokens (id),
    idem_key TEXT NOT NULL,
    request_sha256 TEXT NOT NULL,
    status INTEGER,
    content_type TEXT,
    location TEXT,
    body BLOB,
    created_at INTEGER NOT NULL,
    UNIQUE (token_id, idem_key)
);
CREATE INDEX api_idempotency_created ON api_idempotency (created_at);
