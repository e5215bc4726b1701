package storage

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

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

// An original an import hands on compressed (as web pages come) is stored as it
// is and read back as the page's bytes; an encoding this version does not know
// fails the import, naming the record, with nothing stored.
func TestOriginalsThatComeCompressedAreStoredAsTheyAre(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	page := []byte(strings.Repeat("<p>“Talks” — stall 😀</p>", 300))
	enc, err := zstd.NewWriter(nil)
	if err != nil {
		t.Fatal(err)
	}
	packed := enc.EncodeAll(page, nil)
	enc.Close()
	rec := metadataRecord()
	rec.Document.Original = &annotate.Original{MediaType: "text/html", Content: packed, Encoding: annotate.OriginalZstd}
	res, err := db.Import(ctx, records([]annotate.ImportRecord{rec}), annotate.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	var stored []byte
	if err := db.read.QueryRow(`SELECT content FROM document_originals WHERE document_id = ?`, res.DocIDs[0]).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(stored, packed) {
		t.Errorf("stored %d bytes, want the %d compressed bytes as they came", len(stored), len(packed))
	}
	if got, err := db.DocumentOriginal(ctx, res.DocIDs[0]); err != nil || !bytes.Equal(got.Content, page) || got.Encoding != "" {
		t.Errorf("original read back: %d bytes, encoding %q, %v; want the page's %d bytes", len(got.Content), got.Encoding, err, len(page))
	}

	bad := metadataRecord()
	bad.Origin = "weird.html"
	bad.Document.Text = "a different text"
	bad.Document.Original = &annotate.Original{MediaType: "text/html", Content: []byte("x"), Encoding: "br"}
	_, err = db.Import(ctx, records([]annotate.ImportRecord{bad}), annotate.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "weird.html") || !strings.Contains(err.Error(), `"br"`) {
		t.Errorf("import of an original in an unknown encoding: %v; want an error naming the record and the encoding", err)
	}
	var n int
	db.read.QueryRow(`SELECT count(*) FROM documents`).Scan(&n)
	if n != 1 {
		t.Errorf("%d documents after the failed import, want 1", n)
	}
}
