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
	var scratch []byte // used again for every page, as a worker does
	o := packOriginal(enc, "text/html", noise, &scratch)
	want := append([]byte(nil), noise...)
	noise[0] ^= 0xFF // the buffer is reused
	if o.Encoding != "" || !bytes.Equal(o.Content, want) {
		t.Errorf("incompressible page: encoding %q, %d bytes, equal to the page before reuse: %v", o.Encoding, len(o.Content), bytes.Equal(o.Content, want))
	}
	page := bytes.Repeat([]byte("<li><a href=/x>“Section” — 😀</a></li>"), 200)
	o = packOriginal(enc, "text/html", page, &scratch)
	if o.Encoding != annotate.OriginalZstd || len(o.Content)*10 > len(page) {
		t.Errorf("repetitive page: encoding %q, %d of %d bytes", o.Encoding, len(o.Content), len(page))
	}
	// The compressed bytes are the Original's own: packing the next page into the
	// same scratch memory leaves them as they were.
	next := packOriginal(enc, "text/html", bytes.Repeat([]byte("<p>other ‘page’</p>"), 300), &scratch)
	dec, err := zstd.NewReader(nil)
	if err != nil {
		t.Fatal(err)
	}
	defer dec.Close()
	for _, c := range []struct {
		o    *annotate.Original
		want []byte
	}{{o, page}, {next, bytes.Repeat([]byte("<p>other ‘page’</p>"), 300)}} {
		got, err := dec.DecodeAll(c.o.Content, nil)
		if err != nil || !bytes.Equal(got, c.want) {
			t.Errorf("after reusing the scratch memory: %d bytes, %v; want the page's %d bytes", len(got), err, len(c.want))
		}
	}
}

// The page without its scripts is built in scratch memory a worker uses again for
// its next page: nothing of an extracted document may point into it.
func TestExtractionIsTheSameWithReusedScratch(t *testing.T) {
	article, err := os.ReadFile(filepath.Join("testdata", "html", "article-widgets.html"))
	if err != nil {
		t.Fatal(err)
	}
	script := "<script>var x = “1”;</script><style>p{}</style>"
	a := []byte(strings.Replace(string(article), "</head>", script+"</head>", 1))
	b := []byte(strings.Replace(strings.Replace(string(a), "Talks are due", "Talks — 😀 — are due", 1), "<p>", "<p>Überall ", -1))
	var scratch []byte
	gotA, err := extractHTML(a, "a.html", &scratch)
	if err != nil {
		t.Fatal(err)
	}
	if cap(scratch) == 0 {
		t.Fatal("the scratch memory was not used: the test page has a script to drop")
	}
	if _, err := extractHTML(b, "b.html", &scratch); err != nil {
		t.Fatal(err)
	}
	wantA, err := ExtractHTML(a, "a.html")
	if err != nil {
		t.Fatal(err)
	}
	if gotA.Text != wantA.Text || gotA.Title != wantA.Title || gotA.Outlet != wantA.Outlet ||
		strings.Join(gotA.Authors, ";") != strings.Join(wantA.Authors, ";") || gotA.Published != wantA.Published || gotA.URL != wantA.URL {
		t.Errorf("with reused scratch memory:\n%+v\nwithout:\n%+v", gotA, wantA)
	}
}
