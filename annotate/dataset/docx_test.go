package dataset

import (
	"archive/zip"
	"bytes"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// makeDocx builds a .docx in memory: body is the inside of <w:body>, core the
// docProps/core.xml (none if "").
func makeDocx(t *testing.T, body, core string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	files := [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`},
		{"word/document.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`},
	}
	if core != "" {
		files = append(files, [2]string{"docProps/core.xml", `<?xml version="1.0"?><cp:coreProperties
 xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">` + core + `</cp:coreProperties>`})
	}
	for _, f := range files {
		w, err := zw.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(f[1]))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func para(text string) string {
	return `<w:p><w:r><w:t xml:space="preserve">` + text + `</w:t></w:r></w:p>`
}

const pageBreak = `<w:p><w:r><w:br w:type="page"/></w:r></w:p>`

func TestExtractDocxKeepsParagraphsAndReadsCoreProperties(t *testing.T) {
	body := para("“We stay,” she said — 14\u00a0civilians 😀 fled.") +
		`<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr><w:r><w:t>Split </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>runs</w:t></w:r>` +
		`<w:r><w:tab/><w:t>tab</w:t><w:br/><w:t>line</w:t></w:r><w:del><w:r><w:delText>deleted</w:delText></w:r></w:del>` +
		`<w:r><w:instrText> HYPERLINK "x" </w:instrText></w:r></w:p>` +
		`<w:p></w:p><w:p><w:r><w:t></w:t></w:r></w:p>` +
		para("Third &amp; last.") +
		`<w:sectPr/>`
	core := `<dc:title>Port talks collapse</dc:title><dc:creator>Ana Pavić; Tom Hale</dc:creator><dc:language>en-GB</dc:language>`
	docs, err := ExtractDocx(makeDocx(t, body, core), "a.docx", false)
	if err != nil {
		t.Fatal(err)
	}
	want := "“We stay,” she said — 14\u00a0civilians 😀 fled.\n\nSplit runs\ttab\nline\n\nThird & last."
	if len(docs) != 1 || docs[0].Text != want {
		t.Fatalf("docs %d, text %q\nwant %q", len(docs), docs[0].Text, want)
	}
	d := docs[0]
	if d.Title != "Port talks collapse" || !slices.Equal(d.Authors, []string{"Ana Pavić", "Tom Hale"}) || d.Language != "en-GB" || d.Source != "a.docx" {
		t.Errorf("metadata: %+v", d)
	}
	// Without core properties the first line is the title.
	docs, err = ExtractDocx(makeDocx(t, para("Headline here")+para("Body."), ""), "b.docx", false)
	if err != nil || docs[0].Title != "Headline here" || docs[0].Authors != nil {
		t.Errorf("without core.xml: %+v, %v", docs, err)
	}
}

func TestExtractDocxRefusesWhatIsNotAReadableWordFile(t *testing.T) {
	ole := []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}
	encrypted := append(append([]byte{}, ole...), append(make([]byte, 100), utf16Name("EncryptionInfo")...)...)
	var notDocx bytes.Buffer
	zw := zip.NewWriter(&notDocx)
	w, _ := zw.Create("photos/cat.jpg")
	w.Write([]byte("jpeg"))
	zw.Close()
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty file", nil, "is empty"},
		{"empty document", makeDocx(t, `<w:p/><w:p><w:r><w:t>  </w:t></w:r></w:p>`, ""), "holds no text"},
		{"encrypted", encrypted, "password-protected"},
		{"old .doc", append(ole, make([]byte, 600)...), "Word 97–2003 .doc"},
		{"a zip that is not a docx", notDocx.Bytes(), "no word/document.xml"},
		{"not a zip", []byte("{\\rtf1 hello}"), "not a zip archive"},
		{"damaged zip", []byte("PK\x03\x04 broken"), "damaged"},
		{"malformed XML", makeDocx(t, `<w:p><w:r><w:t>unclosed</w:r></w:p>`, ""), "not valid XML"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ExtractDocx(c.data, "x.docx", false)
			if err == nil || !strings.Contains(err.Error(), c.want) || annotate.ErrorCode(err) != annotate.EINVALID {
				t.Errorf("error %v, want an invalid error saying %q", err, c.want)
			}
		})
	}
}

func TestExtractDocxRefusesAZipBomb(t *testing.T) {
	// 4 MB of one repeated paragraph compresses to a few kilobytes: against a 1 MiB
	// limit it stands for a bomb, without a test that writes gigabytes.
	body := strings.Repeat(para("All work and no play makes Jack a dull boy."), 4<<20/60)
	data := makeDocx(t, body, "")
	if len(data) > 200<<10 {
		t.Fatalf("test file is %d bytes; it should compress well", len(data))
	}
	_, err := extractDocx(data, "bomb.docx", false, DocxLimits{DocumentXML: 1 << 20, CoreXML: 1 << 20})
	if err == nil || !strings.Contains(err.Error(), "zip bomb") || !strings.Contains(err.Error(), "word/document.xml") {
		t.Fatalf("error %v, want a zip-bomb refusal naming word/document.xml", err)
	}
	// The same file passes the default limits.
	if _, err := ExtractDocx(data, "bomb.docx", false); err != nil {
		t.Errorf("default limits refuse a 4 MB document.xml: %v", err)
	}
}

func TestSplitArticlesAtEndOfDocumentReadsTheDatabaseHeader(t *testing.T) {
	article := func(title, outlet, date, byline string, body ...string) string {
		s := para(title) + para(outlet) + para(date) + para("Copyright 2024 "+outlet) + para("Section: NEWS; Length: 120 words") +
			para("Byline: "+byline) + para("Body")
		for _, b := range body {
			s += para(b)
		}
		return s + para("Classification") + para("Language: ENGLISH") + para("Load-Date: March 6, 2024") + para("End of Document") + pageBreak
	}
	body := para("Results list: 2 documents") + pageBreak +
		article("Port talks collapse", "The Harbour Courier", "March 5, 2024 Tuesday", "Ana Pavić and Tom Hale", "First “paragraph”.", "Second — paragraph.") +
		article("Ferry fares to rise", "Coastal Wire", "March 6, 2024 Wednesday", "Ilse Marrow", "Fares rise 😀 by 4 per cent.")
	docs, err := ExtractDocx(makeDocx(t, body, "<dc:title>Nexis export</dc:title>"), "nexis.docx", true)
	if err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d articles, want 2: %+v", len(docs), docs)
	}
	a, b := docs[0], docs[1]
	// The cover page before the first article (up to its page break) is not part of
	// its header, and the header is not part of the text.
	if a.Title != "Port talks collapse" || a.Text != "First “paragraph”.\n\nSecond — paragraph." || a.Outlet != "The Harbour Courier" || a.Published != "2024-03-05" ||
		!slices.Equal(a.Authors, []string{"Ana Pavić", "Tom Hale"}) {
		t.Errorf("first article: %+v", a)
	}
	if b.Title != "Ferry fares to rise" || b.Outlet != "Coastal Wire" || b.Published != "2024-03-06" || b.Text != "Fares rise 😀 by 4 per cent." ||
		!slices.Equal(b.Authors, []string{"Ilse Marrow"}) || b.Meta["article"] != 2 {
		t.Errorf("second article: %+v", b)
	}
}

func TestSplitArticlesAtPageBreaksFollowedByATitle(t *testing.T) {
	body := para("First headline") + para("First body, which is long enough to be a paragraph.") + pageBreak +
		para("Second headline") + para("Second body.") +
		// A page break followed by a long paragraph is a page break inside an article.
		pageBreak + para(strings.Repeat("Still the second article. ", 12)) +
		`<w:p><w:pPr><w:pageBreakBefore/></w:pPr><w:r><w:t>Third headline</w:t></w:r></w:p>` + para("Third body.")
	docs, err := ExtractDocx(makeDocx(t, body, ""), "many.docx", true)
	if err != nil {
		t.Fatal(err)
	}
	var titles []string
	for _, d := range docs {
		titles = append(titles, d.Title)
	}
	if !slices.Equal(titles, []string{"First headline", "Second headline", "Third headline"}) {
		t.Fatalf("titles %q", titles)
	}
	if !strings.HasPrefix(docs[1].Text, "Second headline\n\nSecond body.\n\nStill the second") {
		t.Errorf("second article text %q", docs[1].Text)
	}
	// Without --split-articles it is one document.
	docs, err = ExtractDocx(makeDocx(t, body, ""), "many.docx", false)
	if err != nil || len(docs) != 1 {
		t.Errorf("unsplit: %d docs, %v", len(docs), err)
	}
}

func TestReadNamesEachSplitArticle(t *testing.T) {
	dir := t.TempDir()
	body := para("A headline") + para("A body.") + pageBreak + para("B headline") + para("B body.")
	writeFile(t, filepath.Join(dir, "two.docx"), string(makeDocx(t, body, "")))
	writeFile(t, filepath.Join(dir, "bad.docx"), "plain text, not Word")
	recs, errs := readAll(t, []string{dir}, ReadOptions{SplitArticles: true})
	if len(recs) != 2 || recs[1].Origin != filepath.Join(dir, "two.docx")+" (article 2)" {
		t.Errorf("records %+v", recs)
	}
	if len(errs) != 1 || !strings.Contains(errs[0].Error(), "bad.docx: is not a Word .docx file") {
		t.Errorf("errors %v", errs)
	}
}
