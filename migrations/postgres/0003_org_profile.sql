-- Organisation profile (issue #3): the organisation's standing facts, and its services,
-- facilities and dependencies. Answers are stored as JSON keyed by field (the field
-- catalogue is in app/src/domain/profile_fields.rs), like report content.
-- Keep in step with ../sqlite/0003_org_profile.sql.

CREATE TABLE org_profiles (
    org_id BIGINT PRIMARY KEY REFERENCES organisations (id),
    content_json TEXT NOT NULL,
    revision BIGINT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users (id),
    updated_at BIGINT NOT NULL
);

CREATE TABLE org_records (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    kind TEXT NOT NULL CHECK (kind IN ('service', 'facility', 'dependency')),
    content_json TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    created_at BIGINT NOT NULL
);
CREATE INDEX org_records_org ON org_records (org_id, kind);
