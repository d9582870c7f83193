-- Submissions made outside Outage Desk (issue #11): an officer records that a regulator was
-- already told (by phone, e-mail, its own portal) before the operator used the desk; a
-- signatory signs the record off, and only then does the clock of that regime's duty count it
-- (a record withdrawn before that never counts).
-- Keep in step with ../sqlite/0008_outside_submissions.sql.
ALTER TABLE incidents ADD COLUMN outside_numbered BIGINT NOT NULL DEFAULT 0;

CREATE TABLE outside_submissions (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    incident_id BIGINT NOT NULL REFERENCES incidents (id),
    number BIGINT NOT NULL,
    regime TEXT NOT NULL,
    duty TEXT NOT NULL,
    submitted_at BIGINT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('phone', 'email', 'portal', 'letter', 'in_person')),
    recipient TEXT NOT NULL,
    their_reference TEXT NOT NULL DEFAULT '',
    recorded_by BIGINT NOT NULL REFERENCES users (id),
    recorded_at BIGINT NOT NULL,
    signed_off_by BIGINT REFERENCES users (id),
    signed_off_at BIGINT,
    -- an officer may withdraw a record not yet signed off (a mistake); it is kept, never counted
    withdrawn_by BIGINT REFERENCES users (id),
    withdrawn_at BIGINT,
    UNIQUE (incident_id, number)
);
