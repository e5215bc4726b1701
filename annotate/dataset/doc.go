// Package dataset reads and writes the dataset formats researchers move annotations
// in: plain text, JSONL (Prodigy/spaCy, doccano, Hugging Face), CoNLL, brat, Label
// Studio and CSV, as pinned down in FORMATS.md. It is pure Go: it imports annotate,
// never Fyne or database/sql.
//
// # Offsets
//
// Newsmark counts code points (Python's text[start:end]). Files may count code
// points, UTF-16 units or UTF-8 bytes (ReadOptions.Unit, ExportOptions.Unit); the
// conversion is annotate's (Offsets, Walker), the one place that converts.
// Decoders check every span: inside the text, start before end, not inside a
// character, and, where the file repeats the span's text (spacy, Label Studio,
// brat), that the offsets cover exactly that text — a mismatch nearly always means a wrong unit, and the error
// says so. Text is kept byte for byte: only a leading BOM is dropped; CRLF stays.
//
// # Import choices
//
//   - Plain text (.txt, .md): one document per file, titled by its first non-blank
//     line (annotate.TitleFromText, "#" of a Markdown heading removed); Source is
//     the path. Files over annotate.MaxDocumentBytes are refused from their size
//     before they are read, and reading stops one byte past it whatever the size
//     said (a pipe, /dev/zero); binary files (a NUL byte, or over 10% control
//     bytes in the first 8 KB), invalid UTF-8 (with the byte offset), empty and
//     whitespace-only files are refused with the file named. UTF-16 with a byte
//     order mark is decoded (a lone surrogate in it is refused).
//   - Folders are read recursively in name order. Hidden files and folders and
//     files of other extensions are skipped silently; entries that are not
//     regular files (named pipes, devices, sockets, broken links) are skipped and
//     reported to ReadOptions.Skipped, never opened. A file named explicitly is
//     always read (as text under auto if its extension is unknown), a pipe too.
//   - JSON: a lone UTF-16 surrogate escape, nesting deeper than 64 levels and a
//     meta "title" or "source" that is not a string are refused with the line.
//   - auto: .txt/.md text; .jsonl/.ndjson JSON lines, each line sniffed by its keys
//     ("spans" spacy, "label" or doccano 1.6+ "entities" doccano, "tokens"+"ner_tags"
//     without "text" hf, else
//     plain {"text", "meta"}); .json Label Studio (or JSON lines if it starts with
//     "{"); .conll/.bio/.iob CoNLL; .ann and folders holding .ann files brat; .csv
//     is refused (export only).
//   - meta keys become the document's metadata fields by Document.ApplyMeta (title;
//     outlet/publisher/source; authors/author/byline; date/published; url;
//     lang/language; a source that looks like a path stays the source);
//     meta.doc_id (a Newsmark export's own id) is dropped; other keys, and values
//     that do not fit their field, stay in Document.Meta, numbers exact.
//   - .html/.htm: ExtractHTML (Readability, charset rules, metadata, the page kept
//     as the document's Original, which Read hands on compressed: Encoding
//     annotate.OriginalZstd, see pagePacker); .docx: ExtractDocx (ReadOptions.SplitArticles
//     for files of several articles). Both are extracted on worker goroutines and
//     handed on in file order.
//   - ReadOptions.Clean removes boilerplate lines at the ends of plain-text files
//     by Cleaner's rules and reports each removed line to ReadOptions.OnClean.
//   - Unknown labels pass through (after annotate.NormalizeLabelName): storage
//     creates them, or refuses them with ImportOptions.RefuseUnknownLabels
//     (`import --refuse-unknown-labels`).
//   - Prodigy records answered "reject" or "ignore" import without their spans.
//   - hf and CoNLL carry no text: it is rebuilt from the tokens, joined by single
//     spaces (CoNLL: sentences joined by "\n"). Numeric hf tags are looked up in
//     labels.json beside the file. An I- tag without its B- starts a span.
//   - brat: attributes (A, M) and relations (R) between text-bound annotations
//     are read; events and normalisations are ignored; a discontinuous span
//     becomes one span from its first start to its last end.
//   - Attributes and relations: see the comment in attrs.go for where each
//     format keeps them. Values are checked against the labels' declarations
//     when stored (storage), where a file's error names the file, line and span.
//
// # Export choices
//
//   - Tokens (spacy --tokens, hf, conll) come from Tokenize: Unicode word boundaries
//     (UAX #29 via rivo/uniseg), whitespace dropped; see Tokenize for how
//     punctuation, curly quotes and apostrophes split.
//   - BIO formats place spans longest first, then earliest, then by label; a span
//     is widened to whole tokens (counted as changed) or dropped if its tokens are
//     taken or it covers no token (counted as dropped), per label in ExportSummary.
//   - CoNLL sentences are the lines of the document (a line break between two
//     tokens starts a sentence); a span crossing a line break continues with I-.
//   - Where a span's annotator and note go: spacy — optional "annotator" and "note"
//     span keys (Prodigy and spaCy ignore keys they do not know); Label Studio — the
//     note in the region's "meta": {"text": [note]}, no annotator; brat — the note
//     as "#N AnnotatorNotes TN" (line breaks become spaces), no annotator; CSV —
//     columns; doccano, hf, conll — nowhere.
//   - Document metadata: exportMeta adds outlet, authors (an array), date, url and
//     lang to the JSONL formats' meta and Label Studio's task meta; brat writes
//     DOC.json beside DOC.txt (read back on import); CSV appends the columns
//     outlet, authors, date, url, lang; hf and CoNLL carry none.
//   - Identifiers: spacy meta.doc_id and hf "id" are strings ("7"), doccano and
//     Label Studio "id" are numbers, brat files are doc-000007.txt/.ann.
//   - Export writes to a temporary file beside the target and renames it; folders
//     (brat, any --split) are written to a temporary folder and renamed. A folder
//     is replaced only if it is empty or an earlier Newsmark export (it holds the
//     hidden marker file .newsmark-export); any other folder is refused. A
//     symbolic link is followed and the file it leads to replaced (the link
//     stays); a character device or named pipe is written straight into (hf
//     then writes no labels.json); other special files are refused. Temporary
//     files are locked while written, and the next export to a folder removes
//     the unlocked ones a killed export left. hf replaces a labels.json only if
//     an hf export wrote it, unless ExportOptions.ReplaceLabels.
//   - --split assigns each document by a hash of the seed and its content hash:
//     deterministic, independent of order and of what else is exported, so shares
//     are close to (not exactly) the fractions on small exports.
package dataset
