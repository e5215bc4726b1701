-- Newsmark schema, version 2: span attributes, sources and links between spans.

-- The attributes a label's spans may carry, in the order forms show them.
CREATE TABLE label_attributes (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    label_id   INTEGER NOT NULL REFERENCES labels(id) ON DELETE CASCADE,
    name       TEXT    NOT NULL,
    type       TEXT    NOT NULL CHECK (type IN ('text', 'number', 'choice', 'bool', 'source')),
    options    TEXT    NOT NULL DEFAULT '[]',   -- JSON array of the choices of a choice attribute
    sort_order INTEGER NOT NULL DEFAULT 0,
    UNIQUE (label_id, name)
);

-- The people, organisations and groups statements are attributed to, shared by
-- every document of the database.
CREATE TABLE sources (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    name       TEXT    NOT NULL,
    kind       TEXT    NOT NULL DEFAULT '' CHECK (kind IN ('', 'person', 'organisation', 'group')),
    created_at TEXT    NOT NULL
);

-- Every name of every source: its name (position 0) and its aliases. folded is
-- the name lower-cased with its spaces collapsed (in Go, Unicode-aware), so one
-- name means one source whichever way it is capitalised.
CREATE TABLE source_names (
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    name      TEXT    NOT NULL,
    folded    TEXT    NOT NULL UNIQUE,
    position  INTEGER NOT NULL,
    UNIQUE (source_id, position)
);

-- One value per span and attribute. value holds text and choices as TEXT,
-- numbers as REAL and yes/no as 0/1; a source value is source_id (the name is the
-- source's, so a merge or rename reaches every span). parsed marks a value a
-- parser filled in that no person has confirmed. label_id repeats the span's
-- label (kept by the trigger below) so that the sources ledger is one walk of an
-- index instead of a join with every span.
CREATE TABLE span_attributes (
    span_id   INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    name      TEXT    NOT NULL,
    label_id  INTEGER NOT NULL,
    type      TEXT    NOT NULL CHECK (type IN ('text', 'number', 'choice', 'bool', 'source')),
    value,
    source_id INTEGER REFERENCES sources(id),
    parsed    INTEGER NOT NULL DEFAULT 0 CHECK (parsed IN (0, 1)),
    PRIMARY KEY (span_id, name),
    CHECK ((type = 'source') = (source_id IS NOT NULL))
) WITHOUT ROWID;
CREATE INDEX span_attributes_source ON span_attributes(source_id, name, label_id) WHERE source_id IS NOT NULL;
CREATE TRIGGER span_attributes_follow_label AFTER UPDATE OF label_id ON spans BEGIN
    UPDATE span_attributes SET label_id = NEW.label_id WHERE span_id = NEW.id;
END;

-- Directed links between two spans of one document (a statement and its SOURCE
-- mention under SOURCE_OF). AUTOINCREMENT: undo restores a link under its old id.
CREATE TABLE span_links (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    head_id    INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    child_id   INTEGER NOT NULL REFERENCES spans(id) ON DELETE CASCADE,
    label      TEXT    NOT NULL,
    annotator  TEXT    NOT NULL DEFAULT '',
    created_at TEXT    NOT NULL,
    CHECK (head_id <> child_id),
    UNIQUE (head_id, child_id, label)
);
CREATE INDEX span_links_child ON span_links(child_id);

-- The history learns three actions. SQLite cannot change a CHECK constraint in
-- place, so the table is rebuilt with its rows and ids.
CREATE TABLE span_history_v2 (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    span_id     INTEGER NOT NULL,
    document_id INTEGER NOT NULL,
    action      TEXT    NOT NULL CHECK (action IN ('create', 'delete', 'relabel', 'note', 'restore', 'attr', 'link', 'unlink')),
    before      TEXT,
    after       TEXT,
    annotator   TEXT    NOT NULL DEFAULT '',
    at          TEXT    NOT NULL
);
INSERT INTO span_history_v2 (id, span_id, document_id, action, before, after, annotator, at)
    SELECT id, span_id, document_id, action, before, after, annotator, at FROM span_history;
DROP TABLE span_history;
ALTER TABLE span_history_v2 RENAME TO span_history;
CREATE INDEX span_history_document ON span_history(document_id, id);

-- A database made before attributes existed gets the default declarations on
-- the default labels it still has, and the SOURCE label (on key 5 if free). A new
-- database has no labels yet here: it is seeded from assets/labels.json, which
-- declares the same.
INSERT INTO label_attributes (label_id, name, type, options, sort_order)
    SELECT l.id, 'source', 'source', '[]', 0 FROM labels l WHERE l.name IN ('QUOTE', 'CLAIM', 'DEMAND');
INSERT INTO label_attributes (label_id, name, type, options, sort_order)
    SELECT l.id, a.name, a.type, a.options, a.sort_order FROM labels l,
    (SELECT 'count' AS name, 'number' AS type, '[]' AS options, 0 AS sort_order
     UNION ALL SELECT 'min', 'number', '[]', 1
     UNION ALL SELECT 'max', 'number', '[]', 2
     UNION ALL SELECT 'kind', 'choice', '["killed","dead","injured","missing","displaced","affected"]', 3
     UNION ALL SELECT 'qualifier', 'choice', '["exact","at least","more than","up to","about","vague"]', 4
     UNION ALL SELECT 'group', 'text', '[]', 5) a
    WHERE l.name = 'CASUALTY';
INSERT INTO labels (name, color, hotkey, description, sort_order)
    SELECT 'SOURCE', '#56B4E9',
        CASE WHEN EXISTS (SELECT 1 FROM labels WHERE hotkey = '5') THEN '' ELSE '5' END,
        'The words in the text that name the source of a quote, claim or demand ("Ilse Marrow, the city''s deputy mayor"; "residents"). Link it to the statements it speaks for (SOURCE_OF); each statement''s source attribute names the same source.',
        (SELECT coalesce(max(sort_order) + 1, 0) FROM labels)
    WHERE EXISTS (SELECT 1 FROM labels) AND NOT EXISTS (SELECT 1 FROM labels WHERE name = 'SOURCE');
