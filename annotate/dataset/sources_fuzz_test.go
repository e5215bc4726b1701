package dataset

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzClean: cleaning only ever cuts whole lines off the ends of a text. What it
// keeps is one piece of the input, and the lines it reports removed are exactly
// the non-blank lines outside that piece.
func FuzzClean(f *testing.F) {
	f.Add("Home | News | Sport\n\nThe port reopened.\r\nComments\n© 2024 X\n")
	f.Add("“Quote” — 😀\u00a0text\nblog comments powered by Disqus")
	f.Add("\n\n\n")
	c := NewCleaner(nil)
	f.Fuzz(func(t *testing.T, text string) {
		cleaned, removed, unchanged := c.Clean(text)
		start := strings.Index(text, cleaned)
		if start < 0 {
			t.Fatalf("cleaned text %q is not a piece of %q", cleaned, text)
		}
		if unchanged && (cleaned != text || removed != nil) {
			t.Fatalf("unchanged but %q, %v", cleaned, removed)
		}
		if len(removed) == 0 && cleaned != text {
			t.Fatalf("text changed to %q with nothing reported", cleaned)
		}
		for _, r := range removed {
			if strings.TrimSpace(r.Text) == "" || r.Reason == "" {
				t.Fatalf("reported a blank line or no reason: %+v", r)
			}
		}
	})
}

// FuzzDecodeHTML: any bytes give valid UTF-8 or an error, never a panic.
func FuzzDecodeHTML(f *testing.F) {
	f.Add([]byte(`<meta charset="windows-1252"><p>caf\xe9</p>`))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	f.Add([]byte(`<meta http-equiv="content-type" content="text/html; charset=koi8-r">`))
	f.Fuzz(func(t *testing.T, page []byte) {
		text, err := decodeHTML(page)
		if err == nil && !utf8.Valid(text) {
			t.Fatalf("decoded text is not UTF-8: %q", text)
		}
	})
}

// FuzzExtractDocx: any bytes are refused with an error or read, never a panic.
func FuzzExtractDocx(f *testing.F) {
	f.Add([]byte("PK\x03\x04"), false)
	f.Add([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, true)
	f.Fuzz(func(t *testing.T, data []byte, split bool) {
		docs, err := extractDocx(data, "fuzz.docx", split, DocxLimits{DocumentXML: 1 << 20, CoreXML: 1 << 16})
		if err == nil && len(docs) == 0 {
			t.Fatal("no error and no document")
		}
	})
}

// FuzzDropScripts: any bytes give a page no longer than the input that keeps
// everything outside script and style elements, never a panic.
func FuzzDropScripts(f *testing.F) {
	f.Add([]byte(`<title>a <script></title><script>x()</script ><STYLE>p{}</STYLE/><!-- <style> -->`))
	f.Add([]byte("<script type=application/ld+json>{}</script>"))
	f.Add([]byte("<scrip<script>"))
	f.Fuzz(func(t *testing.T, page []byte) {
		out := dropScripts(page)
		if len(out) > len(page) {
			t.Fatalf("output of %d bytes from %d", len(out), len(page))
		}
		if !bytes.Contains(bytes.ToLower(page), []byte("<s")) && !bytes.Equal(out, page) {
			t.Fatalf("a page without <s changed: %q -> %q", page, out)
		}
	})
}
