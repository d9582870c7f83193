-- Staged filing (issue #3): drafts that are edited until a signatory files them, who
-- drafted and who approved each version, and evidence attachments.
-- Keep in step with ../sqlite/0002_drafts_versions_attachments.sql.

ALTER TABLE filings ADD COLUMN drafted_by BIGINT REFERENCES users (id);
ALTER TABLE filings ADD COLUMN approved_sha256 TEXT CHECK (approved_sha256 IS NULL OR approved_sha256 = content_sha256);
ALTER TABLE filings ADD COLUMN signatory_title TEXT;

CREATE TABLE drafts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL UNIQUE REFERENCES incidents (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    stage TEXT NOT NULL CHECK (stage IN ('initial', 'interim', 'final')),
    content_json TEXT NOT NULL,
    revision BIGINT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users (id),
    updated_at BIGINT NOT NULL
);
CREATE INDEX drafts_org ON drafts (org_id);

CREATE TABLE attachments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes BIGINT NOT NULL,
    sha256 TEXT NOT NULL,
    data BYTEA NOT NULL,
    description TEXT NOT NULL,
    uploaded_by BIGINT NOT NULL REFERENCES users (id),
    uploaded_at BIGINT NOT NULL
);
CREATE INDEX attachments_incident ON attachments (incident_id);
