-- Newsmark schema, version 3: document metadata as fields, and the original file.
-- Authors are one name per line (names never hold a line break; annotate checks).
-- published is ISO 8601 text ("2024-03-05" or "2024-03-05T14:30:00+01:00"), so
-- sorting the text sorts by date; '' when unknown.

ALTER TABLE documents ADD COLUMN outlet    TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN authors   TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN published TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN url       TEXT NOT NULL DEFAULT '';
ALTER TABLE documents ADD COLUMN language  TEXT NOT NULL DEFAULT '';
CREATE INDEX documents_published ON documents(published);

-- The file a document's text was extracted from (an HTML page), bytes untouched,
-- so the extraction can be redone. Apart from documents so that listing and
-- reading documents never pages through it.
CREATE TABLE document_originals (
    document_id INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    media_type  TEXT NOT NULL,
    content     BLOB NOT NULL
);
