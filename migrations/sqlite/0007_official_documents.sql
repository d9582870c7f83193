-- Official documents are frozen (issue #10): the PDF of a filed version, and the notice of
-- a measure, are stored once with their own SHA-256 and the template and catalogue versions
-- they were made with; downloads serve these bytes, never a new rendering.
-- Keep in step with ../postgres/0007_official_documents.sql.
CREATE TABLE official_documents (
    id INTEGER PRIMARY KEY,
    -- 'filing' (subject: filings.id) or 'measure' (subject: measures.id)
    kind TEXT NOT NULL CHECK (kind IN ('filing', 'measure')),
    subject_id INTEGER NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BLOB NOT NULL,
    template_version TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (kind, subject_id)
);

CREATE TRIGGER official_documents_immutable
BEFORE UPDATE ON official_documents
BEGIN
    SELECT RAISE(ABORT, 'official documents are immutable');
END;

CREATE TRIGGER official_documents_kept
BEFORE DELETE ON official_documents
BEGIN
    SELECT RAISE(ABORT, 'official documents are kept');
END;
