-- The ministry's side of an incident (issue #4): the case (assignment, closure), per-duty
-- assessment, requests for information with their threads, measures with the items the
-- operator must complete, and the public summary's draft, approval and corrections.
-- Keep in step with ../postgres/0004_review_cases.sql.

-- Queue filters read these instead of parsing content: copied from the content when filed.
ALTER TABLE filings ADD COLUMN regimes TEXT NOT NULL DEFAULT '';
ALTER TABLE filings ADD COLUMN severity TEXT NOT NULL DEFAULT '';
UPDATE filings SET
    regimes = COALESCE(json_extract(content_json, '$.regimes'), ''),
    severity = COALESCE(json_extract(content_json, '$.severity'), '');

-- One row per incident the ministry has touched; absent = unassigned and open.
CREATE TABLE cases (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    assignee_id INTEGER REFERENCES users (id),
    assigned_at INTEGER,
    closed_at INTEGER,
    closed_by INTEGER REFERENCES users (id),
    close_note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cases_assignee ON cases (assignee_id);

-- When each ministry user last opened each case ("new since last visit").
CREATE TABLE case_visits (
    user_id INTEGER NOT NULL REFERENCES users (id),
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    seen_at INTEGER NOT NULL,
    PRIMARY KEY (user_id, incident_id)
);

-- Internal: operators never read this table.
CREATE TABLE assessments (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    catalog_version TEXT NOT NULL,
    duty_id TEXT NOT NULL,
    finding TEXT NOT NULL CHECK (finding IN ('compliant', 'partially', 'non_compliant', 'not_applicable', 'not_assessed')),
    rationale TEXT NOT NULL,
    evidence TEXT NOT NULL,
    assessed_by INTEGER NOT NULL REFERENCES users (id),
    assessed_at INTEGER NOT NULL,
    UNIQUE (incident_id, duty_id)
);

CREATE TABLE info_requests (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    filing_id INTEGER NOT NULL REFERENCES filings (id),
    number INTEGER NOT NULL,
    question TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    asked_by INTEGER NOT NULL REFERENCES users (id),
    asked_at INTEGER NOT NULL,
    answered_at INTEGER,
    closed_at INTEGER,
    closed_by INTEGER REFERENCES users (id),
    UNIQUE (incident_id, number)
);

CREATE TABLE request_messages (
    id INTEGER PRIMARY KEY,
    request_id INTEGER NOT NULL REFERENCES info_requests (id),
    author_id INTEGER NOT NULL REFERENCES users (id),
    from_ministry INTEGER NOT NULL CHECK (from_ministry IN (0, 1)),
    body TEXT NOT NULL,
    attachment_id INTEGER REFERENCES attachments (id),
    at INTEGER NOT NULL
);
CREATE INDEX request_messages_request ON request_messages (request_id);

CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    number INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('guidance', 'corrective_order', 'correction_request', 'administrative_fine', 'penalty_surcharge')),
    legal_basis TEXT NOT NULL,
    content TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    amount_krw INTEGER,
    issued_by INTEGER NOT NULL REFERENCES users (id),
    issued_at INTEGER NOT NULL,
    acknowledged_by INTEGER REFERENCES users (id),
    acknowledged_at INTEGER,
    UNIQUE (incident_id, number)
);

CREATE TABLE measure_items (
    id INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures (id),
    number INTEGER NOT NULL,
    text TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('required', 'done', 'accepted', 'rejected', 'waived')),
    operator_note TEXT NOT NULL DEFAULT '',
    done_by INTEGER REFERENCES users (id),
    done_at INTEGER,
    verdict_reason TEXT NOT NULL DEFAULT '',
    verified_by INTEGER REFERENCES users (id),
    verified_at INTEGER,
    UNIQUE (measure_id, number)
);

-- The summary being written (first publication or a correction). Internal until approved.
CREATE TABLE summary_drafts (
    incident_id INTEGER PRIMARY KEY REFERENCES incidents (id),
    fields_json TEXT NOT NULL,
    revision INTEGER NOT NULL,
    drafted_by INTEGER NOT NULL REFERENCES users (id),
    drafted_at INTEGER NOT NULL,
    -- set when sent for approval; the approver must be a review lead other than drafted_by
    submitted_at INTEGER
);

-- What the public reads: the redacted text, the findings and measures as approved.
ALTER TABLE publications ADD COLUMN body_json TEXT NOT NULL DEFAULT '{}';
ALTER TABLE publications ADD COLUMN drafted_by INTEGER REFERENCES users (id);
ALTER TABLE publications ADD COLUMN approved_by INTEGER REFERENCES users (id);

CREATE TABLE publication_corrections (
    id INTEGER PRIMARY KEY,
    incident_id INTEGER NOT NULL REFERENCES incidents (id),
    corrected_at INTEGER NOT NULL,
    drafted_by INTEGER NOT NULL REFERENCES users (id),
    approved_by INTEGER NOT NULL REFERENCES users (id),
    reason_ko TEXT NOT NULL,
    reason_en TEXT NOT NULL
);
CREATE INDEX publication_corrections_incident ON publication_corrections (incident_id);
