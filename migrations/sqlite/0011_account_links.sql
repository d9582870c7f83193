-- Invitation and password-reset links (issue #12). Only the SHA-256 of each token is stored;
-- a link works once, until it expires, and only while it is the newest of its kind for the
-- address (issuing another revokes it). Invitations no longer carry a first password: the
-- invited person chooses their own from the link. Organisations and ministry staff are
-- administered in the desk (deactivation, the 24/7 contact on the profile).
-- Keep in step with ../postgres/0011_account_links.sql.

-- Ministry staff are invited too: an invitation belongs to an organisation or to none.
CREATE TABLE member_invitations_new (
    id INTEGER PRIMARY KEY,
    org_id INTEGER REFERENCES organisations (id),
    email TEXT NOT NULL,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('operator_officer', 'operator_signatory', 'operator_admin', 'reviewer', 'review_lead')),
    password_hash TEXT NOT NULL DEFAULT '',
    invited_by INTEGER NOT NULL REFERENCES users (id),
    invited_at INTEGER NOT NULL,
    CHECK ((role LIKE 'operator_%') = (org_id IS NOT NULL)),
    -- ministry invitations (no organisation) are replaced by their storage code instead
    UNIQUE (org_id, email)
);
INSERT INTO member_invitations_new SELECT id, org_id, email, display_name, role, password_hash, invited_by, invited_at FROM member_invitations;
DROP TABLE member_invitations;
ALTER TABLE member_invitations_new RENAME TO member_invitations;
CREATE INDEX member_invitations_email ON member_invitations (email, invited_at);

-- (made after the rebuild above, which it refers to)
CREATE TABLE account_links (
    id INTEGER PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    token_sha256 TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    -- the invitation it accepts, or the account whose password it resets
    invitation_id INTEGER REFERENCES member_invitations (id) ON DELETE CASCADE,
    user_id INTEGER REFERENCES users (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at INTEGER,
    revoked_at INTEGER
);
CREATE INDEX account_links_email ON account_links (purpose, email);

-- An organisation the system administrator deactivated: its people cannot sign in; its
-- filings stay.
ALTER TABLE organisations ADD COLUMN deactivated_at INTEGER;
ALTER TABLE organisations ADD COLUMN deactivated_by INTEGER REFERENCES users (id);
