package storage

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// A saved page is mostly repeated markup: its row holds a zstd frame a fraction of
// its size, and DocumentOriginal gives back the bytes as imported, invalid UTF-8
// included.
func TestOriginalsAreStoredCompressedAndReadBackUntouched(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	page := []byte("<html><head><meta charset=windows-1252></head><body>\x93Quoted\x94 \x97 caf\xe9" +
		strings.Repeat(`<li class="nav__item"><a href="/section">Section</a></li>`, 2000) + "</body></html>")
	rec := metadataRecord()
	rec.Document.Original = &annotate.Original{MediaType: "text/html", Content: page}
	tiny := metadataRecord() // too small to shrink: stored as it is
	tiny.Document.Text = "another text"
	tiny.Document.Original = &annotate.Original{MediaType: "text/html", Content: []byte("<p>x</p>")}
	res, err := db.Import(ctx, records([]annotate.ImportRecord{rec, tiny}), annotate.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var encoding string
	var stored int
	if err := db.read.QueryRow(`SELECT content_encoding, length(content) FROM document_originals WHERE document_id = ?`, res.DocIDs[0]).
		Scan(&encoding, &stored); err != nil {
		t.Fatal(err)
	}
	if encoding != "zstd" || stored*10 > len(page) {
		t.Errorf("stored as %q in %d bytes for a %d-byte page; want zstd, under a tenth", encoding, stored, len(page))
	}
	for i, want := range [][]byte{page, []byte("<p>x</p>")} {
		got, err := db.DocumentOriginal(ctx, res.DocIDs[i])
		if err != nil || !bytes.Equal(got.Content, want) || got.MediaType != "text/html" {
			t.Errorf("original %d: %d bytes, %q, %v; want the %d bytes imported", i, len(got.Content), got.MediaType, err, len(want))
		}
	}
	if err := db.read.QueryRow(`SELECT content_encoding FROM document_originals WHERE document_id = ?`, res.DocIDs[1]).Scan(&encoding); err != nil || encoding != "" {
		t.Errorf("tiny original stored with encoding %q, %v; want as it is", encoding, err)
	}
}

func TestADamagedOrUnknownOriginalIsAnErrorNamingTheDocument(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	rec := metadataRecord()
	rec.Document.Original = &annotate.Original{MediaType: "text/html", Content: bytes.Repeat([]byte("<p>page</p>"), 500)}
	res, err := db.Import(ctx, records([]annotate.ImportRecord{rec}), annotate.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id := res.DocIDs[0]
	for _, c := range []struct{ name, update, want string }{
		{"damaged frame", `UPDATE document_originals SET content = substr(content, 1, length(content) - 6)`, "damaged"},
		{"unknown encoding", `UPDATE document_originals SET content_encoding = 'br'`, `"br"`},
	} {
		if _, err := db.sql.Exec(c.update); err != nil {
			t.Fatal(err)
		}
		_, err := db.DocumentOriginal(ctx, id)
		if err == nil || !strings.Contains(err.Error(), c.want) || !strings.Contains(err.Error(), "document") {
			t.Errorf("%s: %v; want an error naming the document and saying %s", c.name, err, c.want)
		}
	}
}
