package dataset

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/klauspost/compress/zstd"

	"github.com/newsmark/newsmark/annotate"
)

// Pages are read into buffers used again for later pages: every document's
// Original must still be its own page's bytes once later pages have been read,
// whether it came compressed or, for a page compression does not shrink, as a copy.
func TestEveryPageKeepsItsOwnOriginalWhileBuffersAreReused(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(filepath.Join("testdata", "html", "article-widgets.html"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string][]byte{}
	for i := range 20 {
		page := strings.Replace(string(article), "Talks are due", fmt.Sprintf("Talks (%d) are due", i), 1)
		if i%4 == 0 { // a large page: its buffer outgrows the others'
			page = strings.Replace(page, "</body>", strings.Repeat("<!-- padding “—” -->", 5000*(i+1))+"</body>", 1)
		}
		name := filepath.Join(dir, fmt.Sprintf("page-%02d.html", i))
		writeFile(t, name, page)
		want[name] = []byte(page)
	}
	dec, err := zstd.NewReader(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	recs, errs := readAll(t, []string{dir}, ReadOptions{})
	if len(errs) > 0 || len(recs) != len(want) {
		t.Fatalf("%d records, errors %v", len(recs), errs)
	}
	for _, rec := range recs {
		o := rec.Document.Original
		if o == nil || o.MediaType != "text/html" {
			t.Fatalf("%s: original %+v", rec.Origin, o)
		}
		content := o.Content
		switch o.Encoding {
		case annotate.OriginalZstd:
			if len(content) >= len(want[rec.Origin]) {
				t.Errorf("%s: compressed original is %d bytes, the page %d", rec.Origin, len(content), len(want[rec.Origin]))
			}
			if content, err = dec.DecodeAll(content, nil); err != nil {
				t.Fatalf("%s: %v", rec.Origin, err)
			}
		case "":
		default:
			t.Fatalf("%s: encoding %q", rec.Origin, o.Encoding)
		}
		if !bytes.Equal(content, want[rec.Origin]) {
			t.Errorf("%s: original is not the page's bytes (%d bytes, want %d)", rec.Origin, len(content), len(want[rec.Origin]))
		}
		if !strings.Contains(rec.Document.Text, "Talks (") {
			t.Errorf("%s: text lost its article: %.80q", rec.Origin, rec.Document.Text)
		}
	}
}

// A page compression cannot shrink comes as a copy of its bytes, never as the
// buffer the next page is read into.
func TestPackOriginalCopiesWhatItCannotShrink(t *testing.T) {
	var p pagePacker
	defer p.close()
	enc, err := p.encoder()
	if err != nil {
		t.Fatal(err)
	}
	noise := make([]byte, 4096) // a xorshift sequence: no repeats for Zstandard to find
	x := uint64(2026)
	for i := range noise {
		x ^= x << 13
		x ^= x >> 7
		x ^= x << 17
		noise[i] = byte(x)
	}
	o := packOriginal(enc, "text/html", noise)
	want := append([]byte(nil), noise...)
	noise[0] ^= 0xFF // the buffer is reused
	if o.Encoding != "" || !bytes.Equal(o.Content, want) {
		t.Errorf("incompressible page: encoding %q, %d bytes, equal to the page before reuse: %v", o.Encoding, len(o.Content), bytes.Equal(o.Content, want))
	}
	page := bytes.Repeat([]byte("<li><a href=/x>“Section” — 😀</a></li>"), 200)
	o = packOriginal(enc, "text/html", page)
	if o.Encoding != annotate.OriginalZstd || len(o.Content)*10 > len(page) {
		t.Errorf("repetitive page: encoding %q, %d of %d bytes", o.Encoding, len(o.Content), len(page))
	}
}
