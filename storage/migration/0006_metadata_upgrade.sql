-- Newsmark schema, version 6 (issue 15).
--
-- 1. The original file of an HTML import may be stored compressed: content_encoding
--    is '' for the bytes as they are (every row before this version) or 'zstd' for
--    one Zstandard frame (RFC 8878) holding them. `zstd -d` reads such a blob
--    written out with SQLite's writefile().
ALTER TABLE document_originals ADD COLUMN content_encoding TEXT NOT NULL DEFAULT '';
