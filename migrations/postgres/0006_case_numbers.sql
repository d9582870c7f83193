-- Numbers of requests and measures per incident come from counters on the incident row
-- (issue #10): `UPDATE … RETURNING` takes the row's lock, so concurrent posts get distinct
-- numbers instead of MAX(number)+1 colliding on the unique index.
-- Keep in step with ../sqlite/0006_case_numbers.sql.
ALTER TABLE incidents ADD COLUMN requests_numbered BIGINT NOT NULL DEFAULT 0;
ALTER TABLE incidents ADD COLUMN measures_numbered BIGINT NOT NULL DEFAULT 0;
UPDATE incidents SET
    requests_numbered = (SELECT COALESCE(MAX(number), 0) FROM info_requests r WHERE r.incident_id = incidents.id),
    measures_numbered = (SELECT COALESCE(MAX(number), 0) FROM measures m WHERE m.incident_id = incidents.id);
