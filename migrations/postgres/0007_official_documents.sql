-- Official documents are frozen (issue #10): the PDF of a filed version, and the notice of
-- a measure, are stored once with their own SHA-256 and the template and catalogue versions
-- they were made with; downloads serve these bytes, never a new rendering.
-- Keep in step with ../sqlite/0007_official_documents.sql.
CREATE TABLE official_documents (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    -- 'filing' (subject: filings.id) or 'measure' (subject: measures.id)
    kind TEXT NOT NULL CHECK (kind IN ('filing', 'measure')),
    subject_id BIGINT NOT NULL,
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BYTEA NOT NULL,
    template_version TEXT NOT NULL,
    catalogue_version TEXT NOT NULL,
    created_at BIGINT NOT NULL,
    UNIQUE (kind, subject_id)
);

CREATE FUNCTION official_documents_immutable() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'official documents are immutable';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER official_documents_immutable
BEFORE UPDATE OR DELETE ON official_documents
FOR EACH ROW EXECUTE FUNCTION official_documents_immutable();
