-- Outage Desk schema, PostgreSQL. Keep in step with ../sqlite/0001_initial.sql.
-- Times are whole seconds since the Unix epoch, UTC (BIGINT, like SQLite's INTEGER).

CREATE TABLE organisations (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug TEXT NOT NULL UNIQUE,
    name_ko TEXT NOT NULL,
    name_en TEXT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('operator_officer', 'operator_signatory', 'operator_admin', 'reviewer', 'review_lead', 'system_admin')),
    org_id BIGINT REFERENCES organisations (id),
    created_at BIGINT NOT NULL,
    CHECK ((role LIKE 'operator_%') = (org_id IS NOT NULL))
);

CREATE TABLE login_attempts (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    throttle_key TEXT NOT NULL,
    attempted_at BIGINT NOT NULL
);
CREATE INDEX login_attempts_key_time ON login_attempts (throttle_key, attempted_at);

CREATE TABLE incidents (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    reference TEXT UNIQUE,
    title TEXT NOT NULL,
    opened_by BIGINT NOT NULL REFERENCES users (id),
    opened_at BIGINT NOT NULL
);
CREATE INDEX incidents_org ON incidents (org_id);

CREATE TABLE filings (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    org_id BIGINT NOT NULL REFERENCES organisations (id),
    version BIGINT NOT NULL,
    reference TEXT NOT NULL UNIQUE,
    stage TEXT NOT NULL CHECK (stage IN ('initial', 'interim', 'final')),
    status TEXT NOT NULL CHECK (status IN ('submitted', 'published')),
    content_json TEXT NOT NULL,
    content_sha256 TEXT NOT NULL,
    submitted_by BIGINT NOT NULL REFERENCES users (id),
    submitted_at BIGINT NOT NULL,
    UNIQUE (incident_id, version)
);
CREATE INDEX filings_org_time ON filings (org_id, submitted_at);
CREATE INDEX filings_time ON filings (submitted_at);

-- Filed content is evidence: it can never change once stored.
CREATE FUNCTION filings_content_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'filed content is immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER filings_content_immutable
BEFORE UPDATE OF content_json, content_sha256, submitted_by, submitted_at, version ON filings
FOR EACH ROW EXECUTE FUNCTION filings_content_immutable();

CREATE TABLE publications (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL UNIQUE REFERENCES incidents (id),
    filing_id BIGINT NOT NULL REFERENCES filings (id),
    headline_ko TEXT NOT NULL,
    headline_en TEXT NOT NULL,
    summary_ko TEXT NOT NULL,
    summary_en TEXT NOT NULL,
    published_by BIGINT NOT NULL REFERENCES users (id),
    published_at BIGINT NOT NULL
);

CREATE TABLE audit_log (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at BIGINT NOT NULL,
    actor_id BIGINT REFERENCES users (id),
    org_id BIGINT REFERENCES organisations (id),
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_subject ON audit_log (subject);
