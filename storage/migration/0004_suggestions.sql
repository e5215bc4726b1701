-- Suggestions (issue 12). Pending suggestions are what `newsmark suggest --apply`
-- stored for the workbench; rejected ones are remembered by document, label and
-- range and never proposed again for that document. Labels are kept by name: a
-- suggestion's label need not exist in the label set yet.
CREATE TABLE pending_suggestions (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id   INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start_offset  INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset    INTEGER NOT NULL,
    label         TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    rule          TEXT    NOT NULL,
    confidence    REAL    NOT NULL CHECK (confidence >= 0 AND confidence <= 1),
    source        TEXT    NOT NULL DEFAULT '',
    mention_start INTEGER,                   -- NULL when no source mention was found
    mention_end   INTEGER,
    mention_rule  TEXT    NOT NULL DEFAULT '',
    attrs         TEXT,                      -- JSON object (CASUALTY attributes), or NULL
    created_at    TEXT    NOT NULL,
    CHECK (end_offset > start_offset),
    UNIQUE (document_id, start_offset, end_offset, label)
);

CREATE TABLE rejected_suggestions (
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL,
    end_offset   INTEGER NOT NULL,
    label        TEXT    NOT NULL,
    annotator    TEXT    NOT NULL DEFAULT '',
    rejected_at  TEXT    NOT NULL,
    PRIMARY KEY (document_id, start_offset, end_offset, label)
) WITHOUT ROWID;
