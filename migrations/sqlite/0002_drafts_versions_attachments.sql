-- Staged filing (issue #3): drafts that are edited until a signatory files them, who
-- drafted and who approved each version, and evidence attachments.
-- Keep in step with ../postgres/0002_drafts_versions_attachments.sql.

-- The last person to edit the draft before it was filed, and the hash the signatory
-- approved (always equal to the filed hash; recorded so the approval is explicit).
ALTER TABLE filings ADD COLUMN drafted_by INTEGER REFERENCES users (id);
ALTER TABLE filings ADD COLUMN approved_sha256 TEXT CHECK (approved_sha256 IS NULL OR approved_sha256 = content_sha256);
ALTER TABLE filings ADD COLUMN signatory_title TEXT;

-- At most one draft per incident: the next stage being prepared. `revision` grows on
-- every save; a save names the revision it started from (optimistic concurrency).
CREATE TABLE drafts (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL UNIQUE REFERENCES incidents (id),
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    stage TEXT NOT NULL CHECK (stage IN ('initial', 'interim', 'final')),
    content_json TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users (id),
    updated_at INTEGER NOT NULL
);
CREATE INDEX drafts_org ON drafts (org_id);

CREATE TABLE attachments (
    id INTEGER PRIMARY KEY,
    public_id TEXT NOT NULL UNIQUE,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    file_name TEXT NOT NULL,
    content_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    data BLOB NOT NULL,
    description TEXT NOT NULL,
    uploaded_by INTEGER NOT NULL REFERENCES users (id),
    uploaded_at INTEGER NOT NULL
);
CREATE INDEX attachments_incident ON attachments (incident_id);
