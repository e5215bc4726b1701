package storage

import (
	"bytes"
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/klauspost/compress/zstd"

	"github.com/newsmark/newsmark/annotate"
)

// The file a document was extracted from (an HTML page) is a row of
// document_originals (migration 0003). Since migration 0006 its content may be
// stored compressed, as one Zstandard frame (RFC 8878), with content_encoding
// 'zstd'; '' means the bytes as they are. Saved news pages are mostly repeated
// markup and shrink to a few per cent: an import of 1,000 pages of 100 KB wrote
// 100 MB to the write-ahead log and again to the database without it, and took
// longer for that than for compressing (about 0.1 ms a page). An import of web
// pages compresses them as it extracts them (annotate.OriginalZstd); other
// originals are compressed here, off the inserting goroutine.

// Content encodings of document_originals.content_encoding: those of
// annotate.Original.Encoding.
const (
	encodingIdentity = ""
	encodingZstd     = annotate.OriginalZstd
)

// maxOriginalBytes bounds a decompressed original: the largest source file an
// import reads (annotate.MaxSourceFileBytes). A frame claiming more is refused
// rather than allocated.
const maxOriginalBytes = annotate.MaxSourceFileBytes

// storedOriginal is an original as its row holds it.
type storedOriginal struct {
	mediaType string
	encoding  string
	content   []byte
}

// originalCompressor compresses originals for storage. One is made per import and
// used from the goroutine that checks records.
type originalCompressor struct {
	enc *zstd.Encoder
}

func newOriginalCompressor() (*originalCompressor, error) {
	enc, err := zstd.NewWriter(nil, zstd.WithEncoderLevel(zstd.SpeedFastest),
		zstd.WithEncoderConcurrency(1), zstd.WithLowerEncoderMem(true), zstd.WithEncoderCRC(true))
	if err != nil {
		return nil, fmt.Errorf("set up compression of original files: %w", err)
	}
	return &originalCompressor{enc: enc}, nil
}

// compress returns the row for an original: one compressed already (as an import
// of web pages hands them on) as it is; one that is not compressed when that
// makes it smaller, else as it is; nil for no original.
func (c *originalCompressor) compress(o *annotate.Original) (*storedOriginal, error) {
	if o == nil || len(o.Content) == 0 {
		return nil, nil
	}
	switch o.Encoding {
	case encodingZstd:
		return &storedOriginal{mediaType: o.MediaType, encoding: encodingZstd, content: o.Content}, nil
	case encodingIdentity:
	default:
		return nil, annotate.Errorf(annotate.EINVALID, "the original file is in an encoding this version does not know (%q)", o.Encoding)
	}
	if c != nil {
		if packed := c.enc.EncodeAll(o.Content, make([]byte, 0, len(o.Content)/8)); len(packed) < len(o.Content) {
			return &storedOriginal{mediaType: o.MediaType, encoding: encodingZstd, content: packed}, nil
		}
	}
	return &storedOriginal{mediaType: o.MediaType, encoding: encodingIdentity, content: o.Content}, nil
}

func (c *originalCompressor) close() {
	if c != nil {
		c.enc.Close()
	}
}

// insertOriginal keeps the file a document was extracted from, unless the document
// already has one (a re-import of the same text keeps the first).
func insertOriginal(ctx context.Context, tx *sql.Tx, docID int64, o *storedOriginal) error {
	if o == nil {
		return nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO document_originals (document_id, media_type, content_encoding, content) VALUES (?, ?, ?, ?)
		ON CONFLICT (document_id) DO NOTHING`, docID, o.mediaType, o.encoding, o.content)
	return err
}

// DocumentOriginal returns the file a document's text was extracted from, bytes
// untouched; an ENOTFOUND error if the document has none (plain text, JSONL).
func (db *DB) DocumentOriginal(ctx context.Context, docID int64) (annotate.Original, error) {
	var o storedOriginal
	err := db.read.QueryRowContext(ctx, `SELECT media_type, content_encoding, content FROM document_originals WHERE document_id = ?`, docID).
		Scan(&o.mediaType, &o.encoding, &o.content)
	if errors.Is(err, sql.ErrNoRows) {
		return annotate.Original{}, annotate.Errorf(annotate.ENOTFOUND, "document %d has no original file (it was not imported from HTML)", docID)
	}
	if err != nil {
		return annotate.Original{}, db.fail("read original", err)
	}
	content, err := o.decode()
	if err != nil {
		return annotate.Original{}, db.fail(fmt.Sprintf("read original of document %d", docID), err)
	}
	return annotate.Original{MediaType: o.mediaType, Content: content}, nil
}

// decode returns the original's bytes as imported.
func (o storedOriginal) decode() ([]byte, error) {
	switch o.encoding {
	case encodingIdentity:
		return o.content, nil
	case encodingZstd:
		dec, err := zstd.NewReader(bytes.NewReader(nil), zstd.WithDecoderConcurrency(1),
			zstd.WithDecoderMaxMemory(uint64(maxOriginalBytes)))
		if err != nil {
			return nil, err
		}
		defer dec.Close()
		out, err := dec.DecodeAll(o.content, nil)
		if err != nil {
			return nil, fmt.Errorf("stored original (%d bytes, zstd) is damaged: %w", len(o.content), err)
		}
		return out, nil
	}
	return nil, fmt.Errorf("stored original has content encoding %q, which this version does not know", o.encoding)
}
