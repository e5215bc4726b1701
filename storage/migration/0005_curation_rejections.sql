-- Curation rejections (issue 13). A curator's "no" to a candidate span (a start,
-- end and label some annotator marked) in a document, kept for the curated layer
-- it was said for, so that the curation view shows it decided after a restart.
-- The label is kept by id: renaming it keeps the rejection, deleting it drops it.
CREATE TABLE curation_rejections (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL,
    label_id     INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    curator      TEXT    NOT NULL,
    rejected_by  TEXT    NOT NULL DEFAULT '',
    rejected_at  TEXT    NOT NULL,
    CHECK (end_offset > start_offset),
    PRIMARY KEY (document_id, curator, start_offset, end_offset, label_id)
) WITHOUT ROWID;

CREATE INDEX curation_rejections_label ON curation_rejections(label_id);
