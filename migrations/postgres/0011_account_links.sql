-- Invitation and password-reset links (issue #12). Only the SHA-256 of each token is stored;
-- a link works once, until it expires, and only while it is the newest of its kind for the
-- address (issuing another revokes it). Invitations no longer carry a first password: the
-- invited person chooses their own from the link. Organisations and ministry staff are
-- administered in the desk (deactivation, the 24/7 contact on the profile).
-- Keep in step with ../sqlite/0011_account_links.sql.

CREATE TABLE account_links (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    purpose TEXT NOT NULL CHECK (purpose IN ('invitation', 'password_reset')),
    token_sha256 TEXT NOT NULL UNIQUE,
    email TEXT NOT NULL,
    -- the invitation it accepts, or the account whose password it resets
    invitation_id BIGINT REFERENCES member_invitations (id) ON DELETE CASCADE,
    user_id BIGINT REFERENCES users (id),
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    used_at BIGINT,
    revoked_at BIGINT
);
CREATE INDEX account_links_email ON account_links (purpose, email);

-- Ministry staff are invited too: an invitation belongs to an organisation or to none.
ALTER TABLE member_invitations ALTER COLUMN org_id DROP NOT NULL;
ALTER TABLE member_invitations ALTER COLUMN password_hash SET DEFAULT '';
ALTER TABLE member_invitations DROP CONSTRAINT IF EXISTS member_invitations_role_check;
ALTER TABLE member_invitations ADD CONSTRAINT member_invitations_role_check
    CHECK (role IN ('operator_officer', 'operator_signatory', 'operator_admin', 'reviewer', 'review_lead'));
ALTER TABLE member_invitations ADD CONSTRAINT member_invitations_org_role
    CHECK ((role LIKE 'operator_%') = (org_id IS NOT NULL));
-- UNIQUE (org_id, email) stays: ministry invitations (no organisation) are replaced by their
-- storage code instead.

-- An organisation the system administrator deactivated: its people cannot sign in; its
-- filings stay.
ALTER TABLE organisations ADD COLUMN deactivated_at BIGINT;
ALTER TABLE organisations ADD COLUMN deactivated_by BIGINT REFERENCES users (id);
