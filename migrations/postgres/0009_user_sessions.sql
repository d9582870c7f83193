-- Each signed-in session as its person sees it on "Your sessions" (issue #12): when it began,
-- when it was last used, from which browser; ending one there ends it at once, on every
-- instance (the session checks its row on each request).
-- Keep in step with ../sqlite/0009_user_sessions.sql.
CREATE TABLE user_sessions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    last_seen_at BIGINT NOT NULL,
    user_agent TEXT NOT NULL DEFAULT '',
    ended_at BIGINT
);
CREATE INDEX user_sessions_user ON user_sessions (user_id, ended_at);
