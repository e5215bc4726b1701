-- Newsmark schema, version 6 (issue 15).
--
-- 1. The original file of an HTML import may be stored compressed: content_encoding
--    is '' for the bytes as they are (every row before this version) or 'zstd' for
--    one Zstandard frame (RFC 8878) holding them. `zstd -d` reads such a blob
--    written out with SQLite's writefile().
ALTER TABLE document_originals ADD COLUMN content_encoding TEXT NOT NULL DEFAULT '';

-- 2. Documents imported before version 3 kept their outlet, authors, date, URL and
--    language only as keys of their free meta JSON. Mapping them takes the rules
--    of a JSONL import (aliases, parsing of bylines and dates, validation), which
--    SQL cannot follow: that step is Go, metadataFromMeta in storage/migrate_meta.go,
--    run after this file in the same transaction.
