-- Organisation profile (issue #3): the organisation's standing facts, and its services,
-- facilities and dependencies. Answers are stored as JSON keyed by field (the field
-- catalogue is in app/src/domain/profile_fields.rs), like report content.
-- Keep in step with ../postgres/0003_org_profile.sql.

CREATE TABLE org_profiles (
    org_id INTEGER PRIMARY KEY REFERENCES organisations (id),
    content_json TEXT NOT NULL,
    revision INTEGER NOT NULL,
    updated_by INTEGER NOT NULL REFERENCES users (id),
    updated_at INTEGER NOT NULL
);

CREATE TABLE org_records (
    id INTEGER PRIMARY KEY,
    org_id INTEGER NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('service', 'facility', 'dependency')),
    content_json TEXT NOT NULL,
    created_by INTEGER NOT NULL REFERENCES users (id),
    created_at INTEGER NOT NULL
);
CREATE INDEX org_records_org ON org_records (org_id, kind);
