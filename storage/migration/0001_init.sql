-- Newsmark schema, version 1.
-- Offsets are Unicode code points (Python's text[start:end]), end exclusive.
-- Timestamps are UTC text, fixed width (2006-01-02T15:04:05.000000Z), so they sort.

CREATE TABLE labels (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    color       TEXT    NOT NULL,
    hotkey      TEXT    NOT NULL DEFAULT '',
    description TEXT    NOT NULL DEFAULT '',
    sort_order  INTEGER NOT NULL DEFAULT 0
);
-- One key, one label: the annotator presses it without looking.
CREATE UNIQUE INDEX labels_hotkey ON labels(hotkey) WHERE hotkey <> '';

-- AUTOINCREMENT: ids are never reused, so history entries of a deleted document
-- never attach to a later one.
CREATE TABLE documents (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    title       TEXT    NOT NULL,
    source      TEXT    NOT NULL DEFAULT '',
    text        TEXT    NOT NULL,
    length      INTEGER NOT NULL,           -- in code points, so spans validate without reading text
    hash        TEXT    NOT NULL UNIQUE,    -- annotate.ContentHash(text): deduplicates imports
    status      TEXT    NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'in_progress', 'done')),
    sample      INTEGER NOT NULL DEFAULT 0 CHECK (sample IN (0, 1)),
    meta        TEXT,                       -- JSON object, or NULL for none
    imported_at TEXT    NOT NULL
);

-- AUTOINCREMENT: ids are never reused, so undo can restore a deleted span under its
-- old id without clashing with a span created since.
CREATE TABLE spans (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id  INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start_offset INTEGER NOT NULL CHECK (start_offset >= 0),
    end_offset   INTEGER NOT NULL,
    label_id     INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    text         TEXT    NOT NULL,          -- the covered text, kept for search and export
    annotator    TEXT    NOT NULL DEFAULT '',
    note         TEXT    NOT NULL DEFAULT '',
    created_at   TEXT    NOT NULL,
    updated_at   TEXT    NOT NULL,
    CHECK (end_offset > start_offset),
    -- Also the index for "spans of a document in text order".
    UNIQUE (document_id, start_offset, end_offset, label_id, annotator)
);
CREATE INDEX spans_label ON spans(label_id);

-- Append-only: no foreign keys, so the audit trail outlives the spans and documents
-- it describes.
CREATE TABLE span_history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    span_id     INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('create', 'delete', 'relabel', 'note', 'restore')),
    before      TEXT,                       -- JSON of the span before, NULL for a create
    after       TEXT,                       -- JSON of the span after, NULL for a delete
    annotator   TEXT    NOT NULL DEFAULT '',
    at          TEXT    NOT NULL
);
CREATE INDEX span_history_document ON span_history(document_id, id);
