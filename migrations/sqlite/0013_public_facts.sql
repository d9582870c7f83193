-- What the public side searches, filters and counts (issue #14), kept on each publication and
-- rewritten with it (approval, correction): computed in Rust from what was published only
-- (domain::public::PublicFacts), so no query reads a filing's unpublished answers. Rows from
-- before this migration are filled in at start-up (facts_version below the current one).
-- Keep in step with ../postgres/0013_public_facts.sql.

ALTER TABLE publications ADD COLUMN org_id INTEGER REFERENCES organisations (id);
-- onset, or the publication time when the filing has none: the public list's order
ALTER TABLE publications ADD COLUMN sort_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN onset_at INTEGER;
ALTER TABLE publications ADD COLUMN duration_min INTEGER;
ALTER TABLE publications ADD COLUMN user_minutes INTEGER;
ALTER TABLE publications ADD COLUMN users_affected INTEGER;
ALTER TABLE publications ADD COLUMN cause TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN services TEXT NOT NULL DEFAULT '';
ALTER TABLE publications ADD COLUMN year INTEGER;
ALTER TABLE publications ADD COLUMN commitments TEXT NOT NULL DEFAULT 'none';
ALTER TABLE publications ADD COLUMN commitments_due INTEGER;
ALTER TABLE publications ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
-- the last publication or correction: feeds' "updated", open data's Last-Modified
ALTER TABLE publications ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE publications ADD COLUMN facts_version INTEGER NOT NULL DEFAULT 0;

CREATE INDEX publications_sort ON publications (sort_at DESC, id DESC);
CREATE INDEX publications_org_sort ON publications (org_id, sort_at DESC, id DESC);
CREATE INDEX publications_updated ON publications (updated_at DESC, id DESC);
