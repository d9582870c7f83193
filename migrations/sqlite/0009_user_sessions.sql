-- Each signed-in session as its person sees it on "Your sessions" (issue #12): when it began,
-- when it was last used, from which browser; ending one there ends it at once, on every
-- instance (the session checks its row on each request).
-- Keep in step with ../postgres/0009_user_sessions.sql.
CREATE TABLE user_sessions (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    user_agent TEXT NOT NULL DEFAULT '',
    ended_at INTEGER
);
CREATE INDEX user_sessions_user ON user_sessions (user_id, ended_at);
