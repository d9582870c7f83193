-- The ministry's side of an incident (issue #4): the case (assignment, closure), per-duty
-- assessment, requests for information with their threads, measures with the items the
-- operator must complete, and the public summary's draft, approval and corrections.
-- Keep in step with ../sqlite/0004_review_cases.sql.

-- Queue filters read these instead of parsing content: copied from the content when filed.
ALTER TABLE filings ADD COLUMN regimes TEXT NOT NULL DEFAULT '';
ALTER TABLE filings ADD COLUMN severity TEXT NOT NULL DEFAULT '';
UPDATE filings SET
    regimes = COALESCE(content_json::jsonb ->> 'regimes', ''),
    severity = COALESCE(content_json::jsonb ->> 'severity', '');

-- One row per incident the ministry has touched; absent = unassigned and open.
CREATE TABLE cases (
    incident_id BIGINT PRIMARY KEY REFERENCES incidents (id),
    assignee_id BIGINT REFERENCES users (id),
    assigned_at BIGINT,
    closed_at BIGINT,
    closed_by BIGINT REFERENCES users (id),
    close_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_assignee ON cases (assignee_id);

-- When each ministry user last opened each case ("new since last visit").
CREATE TABLE case_visits (
    user_id BIGINT NOT NULL REFERENCES users (id),
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    seen_at BIGINT NOT NULL,
    PRIMARY KEY (user_id, incident_id)
);

-- Internal: operators never read this table.
CREATE TABLE assessments (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    catalog_version TEXT NOT NULL,
    duty_id TEXT NOT NULL,
    finding TEXT NOT NULL CHECK (finding IN ('compliant', 'partially', 'non_compliant', 'not_applicable', 'not_assessed')),
    rationale TEXT NOT NULL,
    evidence TEXT NOT NULL,
    assessed_by BIGINT NOT NULL REFERENCES users (id),
    assessed_at BIGINT NOT NULL,
    UNIQUE (incident_id, duty_id)
);

CREATE TABLE info_requests (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    filing_id BIGINT NOT NULL REFERENCES filings (id),
    number BIGINT NOT NULL,
    question TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    asked_by BIGINT NOT NULL REFERENCES users (id),
    asked_at BIGINT NOT NULL,
    answered_at BIGINT,
    closed_at BIGINT,
    closed_by BIGINT REFERENCES users (id),
    UNIQUE (incident_id, number)
);

CREATE TABLE request_messages (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    request_id BIGINT NOT NULL REFERENCES info_requests (id),
    author_id BIGINT NOT NULL REFERENCES users (id),
    from_ministry BIGINT NOT NULL CHECK (from_ministry IN (0, 1)),
    body TEXT NOT NULL,
    attachment_id BIGINT REFERENCES attachments (id),
    at BIGINT NOT NULL
);
CREATE INDEX request_messages_request ON request_messages (request_id);

CREATE TABLE measures (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    number BIGINT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('guidance', 'corrective_order', 'correction_request', 'administrative_fine', 'penalty_surcharge')),
    legal_basis TEXT NOT NULL,
    content TEXT NOT NULL,
    due_at BIGINT NOT NULL,
    amount_krw BIGINT,
    issued_by BIGINT NOT NULL REFERENCES users (id),
    issued_at BIGINT NOT NULL,
    acknowledged_by BIGINT REFERENCES users (id),
    acknowledged_at BIGINT,
    UNIQUE (incident_id, number)
);

CREATE TABLE measure_items (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    measure_id BIGINT NOT NULL REFERENCES measures (id),
    number BIGINT NOT NULL,
    text TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('required', 'done', 'accepted', 'rejected', 'waived')),
    operator_note TEXT NOT NULL DEFAULT '',
    done_by BIGINT REFERENCES users (id),
    done_at BIGINT,
    verdict_reason TEXT NOT NULL DEFAULT '',
    verified_by BIGINT REFERENCES users (id),
    verified_at BIGINT,
    UNIQUE (measure_id, number)
);

-- The summary being written (first publication or a correction). Internal until approved.
CREATE TABLE summary_drafts (
    incident_id BIGINT PRIMARY KEY REFERENCES incidents (id),
    fields_json TEXT NOT NULL,
    revision BIGINT NOT NULL,
    drafted_by BIGINT NOT NULL REFERENCES users (id),
    drafted_at BIGINT NOT NULL,
    -- set when sent for approval; the approver must be a review lead other than drafted_by
    submitted_at BIGINT
);

-- What the public reads: the redacted text, the findings and measures as approved.
ALTER TABLE publications ADD COLUMN body_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE publications ADD COLUMN drafted_by BIGINT REFERENCES users (id);
ALTER TABLE publications ADD COLUMN approved_by BIGINT REFERENCES users (id);

CREATE TABLE publication_corrections (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    corrected_at BIGINT NOT NULL,
    drafted_by BIGINT NOT NULL REFERENCES users (id),
    approved_by BIGINT NOT NULL REFERENCES users (id),
    reason_ko TEXT NOT NULL,
    reason_en TEXT NOT NULL
);
CREATE INDEX publication_corrections_incident ON publication_corrections (incident_id);
