package annotate

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"time"
	"unicode/utf8"
)

// Status is how far annotation of a document has got.
type Status string

const (
	StatusNew        Status = "new"
	StatusInProgress Status = "in_progress"
	StatusDone       Status = "done"
)

// Valid reports whether s is one of the known statuses.
func (s Status) Valid() bool {
	return s == StatusNew || s == StatusInProgress || s == StatusDone
}

// Display is the status as a person reads it.
func (s Status) Display() string {
	switch s {
	case StatusInProgress:
		return "in progress"
	case StatusDone:
		return "done"
	default:
		return "new"
	}
}

// MaxDocumentBytes is the largest text accepted for one document. News articles are a
// few kilobytes; 64 MiB leaves room for whole books and transcripts while refusing
// files that are clearly not articles before they fill memory.
const MaxDocumentBytes = 64 << 20

// MaxSourceFileBytes caps a web page or Word file an import reads, and so a
// document's Original: four times the text limit, since markup outweighs the text
// it holds.
const MaxSourceFileBytes = 4 * MaxDocumentBytes

// Document is one article: its text exactly as imported (after UTF-8 decoding and
// removal of a leading BOM), and where it came from.
type Document struct {
	ID         int64
	Title      string
	Source     string // file path or other origin, for the user's orientation
	Text       string // never normalised: \r and every other character are kept
	Hash       string // ContentHash(Text); re-importing the same text finds this document
	Status     Status
	Sample     bool           // the built-in sample article
	Meta       map[string]any // free metadata carried through imports and exports
	ImportedAt time.Time

	// Metadata fields (see Metadata; Title above is one of them).
	Outlet    string
	Authors   []string
	Published string // ISO 8601 date or date-time, "" if unknown
	URL       string
	Language  string
	// Original is the file the text was extracted from (an HTML page), kept so that
	// the extraction can be redone; nil for plain text. Only imports set it:
	// reading a document back does not load it (see Store.DocumentOriginal).
	Original *Original
}

// Original is a source file as it was imported, bytes untouched.
type Original struct {
	MediaType string // "text/html"
	Content   []byte
	// Encoding says how Content holds the file: "" for its bytes as they are,
	// OriginalZstd for one Zstandard frame (RFC 8878) of them. An import
	// compresses the pages it extracts on the extracting worker;
	// Store.DocumentOriginal always returns the bytes themselves ("").
	Encoding string
}

// OriginalZstd is the Encoding of an Original compressed with Zstandard.
const OriginalZstd = "zstd"

// DocumentSummary is what the library list shows of a document.
type DocumentSummary struct {
	ID        int64
	Title     string
	Source    string
	Status    Status
	Sample    bool
	Length    int // in code points
	SpanCount int
	Outlet    string
	Authors   []string
	Published string // ISO 8601, sorts as text
	URL       string
	Language  string
}

// ContentHash identifies a text for deduplication.
func ContentHash(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:])
}

// Validate checks the document's own fields; it does not look at spans.
func (d Document) Validate() error {
	if d.Text == "" {
		return Errorf(EINVALID, "document %q is empty", Clip(d.Title))
	}
	if len(d.Text) > MaxDocumentBytes {
		return Errorf(EINVALID, "document %q is %d bytes, over the limit of %d bytes", Clip(d.Title), len(d.Text), MaxDocumentBytes)
	}
	if !utf8.ValidString(d.Text) {
		return Errorf(EINVALID, "document %q is not valid UTF-8", Clip(d.Title))
	}
	if i := strings.IndexByte(d.Text, 0); i >= 0 {
		// NUL is never news text, and SQLite's character functions stop at it.
		return Errorf(EINVALID, "document %q contains a NUL character at byte %d", Clip(d.Title), i)
	}
	meta := d.Metadata()
	meta.Title = "" // titles come from first lines and file names; they are checked where typed
	if err := meta.Validate(); err != nil {
		return Errorf(EINVALID, "document %q: %s", d.Title, err.Error())
	}
	if d.Status != "" && !d.Status.Valid() {
		return Errorf(EINVALID, "document %q has unknown status %q", Clip(d.Title), d.Status)
	}
	return nil
}

// TitleFromText makes a title from the first non-blank line of text, shortened to a
// length that fits a list.
func TitleFromText(text string) string {
	for _, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(strings.TrimLeft(line, "#"))
		if line == "" {
			continue
		}
		const maxTitle = 80
		if utf8.RuneCountInString(line) > maxTitle {
			runes := []rune(line)
			return strings.TrimSpace(string(runes[:maxTitle])) + "…"
		}
		return line
	}
	return "Untitled"
}
