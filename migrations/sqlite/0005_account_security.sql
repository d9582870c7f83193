-- Account security (issue #9): sessions that end when the password changes or the account is
-- disabled, first passwords that must be changed, and members added as invitations so that
-- adding one never reveals whether the address has an account elsewhere.
-- Keep in step with ../postgres/0005_account_security.sql.

-- Sessions remember the epoch they were signed in at; bumping it ends every other session.
ALTER TABLE users ADD COLUMN session_epoch INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1));
ALTER TABLE users ADD COLUMN disabled_at INTEGER;
ALTER TABLE users ADD COLUMN disabled_by INTEGER REFERENCES users (id);

-- A colleague added by an organisation admin, until their first sign-in with the first
-- password makes the account (unless the address already has one: then it stays pending).
CREATE TABLE member_invitations (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('operator_officer', 'operator_signatory', 'operator_admin')),
    password_hash TEXT NOT NULL,
    invited_by INTEGER NOT NULL REFERENCES users (id),
    invited_at INTEGER NOT NULL,
    UNIQUE (org_id, email)
);
CREATE INDEX member_invitations_email ON member_invitations (email, invited_at);
