-- Two-step verification (issue #12): a time-based one-time code (RFC 6238) after the password.
-- The shared key must be read back to check a code, so it is stored as it is (see
-- docs/SECURITY.md: database backups are as secret as the service); recovery codes are
-- stored only as SHA-256 and work once.
-- Keep in step with ../sqlite/0012_two_step.sql.

-- the key in use (base32); NULL: not set up
ALTER TABLE users ADD COLUMN totp_secret TEXT;
ALTER TABLE users ADD COLUMN totp_enrolled_at BIGINT;
-- the last 30-second step whose code was accepted: no code is accepted twice
ALTER TABLE users ADD COLUMN totp_last_step BIGINT;
-- a key being set up, shown as a QR code until a code from it confirms it
ALTER TABLE users ADD COLUMN totp_setup_secret TEXT;
ALTER TABLE users ADD COLUMN totp_setup_at BIGINT;

CREATE TABLE recovery_codes (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES users (id),
    code_sha256 TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    used_at BIGINT,
    UNIQUE (user_id, code_sha256)
);
