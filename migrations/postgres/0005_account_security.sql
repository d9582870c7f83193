-- Account security (issue #9): sessions that end when the password changes or the account is
-- disabled, first passwords that must be changed, and members added as invitations so that
-- adding one never reveals whether the address has an account elsewhere.
-- Keep in step with ../sqlite/0005_account_security.sql.

ALTER TABLE users ADD COLUMN session_epoch BIGINT NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN must_change_password BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE users ADD COLUMN disabled_at BIGINT;
ALTER TABLE users ADD COLUMN disabled_by BIGINT REFERENCES users (id);

CREATE TABLE member_invitations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('operator_officer', 'operator_signatory', 'operator_admin')),
    password_hash TEXT NOT NULL,
    invited_by BIGINT NOT NULL REFERENCES users (id),
    invited_at BIGINT NOT NULL,
    UNIQUE (org_id, email)
);
CREATE INDEX member_invitations_email ON member_invitations (email, invited_at);
