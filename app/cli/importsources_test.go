package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/storage"
)

func pageFixture(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "annotate", "dataset", "testdata", "html", name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func twoArticleDocx(t *testing.T) []byte {
	t.Helper()
	p := func(s string) string { return `<w:p><w:r><w:t>` + s + `</w:t></w:r></w:p>` }
	body := p("First headline") + p("First body.") + `<w:p><w:r><w:br w:type="page"/></w:r></w:p>` + p("Second headline") + p("Second body.")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	w, _ := zw.Create("word/document.xml")
	fmt.Fprintf(w, `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>`, body)
	zw.Close()
	return buf.Bytes()
}

func TestImportWebPagesAndWordFilesWithTheirMetadata(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	corpus := filepath.Join(dir, "corpus")
	writeFile(t, filepath.Join(corpus, "story.html"), pageFixture(t, "article-widgets.html"))
	writeFile(t, filepath.Join(corpus, "wire.htm"), pageFixture(t, "jsonld-newsarticle.html"))
	writeFile(t, filepath.Join(corpus, "two.docx"), twoArticleDocx(t))

	code, stdout, stderr := runCLI(t, db, "import", "--split-articles", corpus)
	if code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr)
	}
	// The two pages carry the same story text: the second is a duplicate.
	if !strings.Contains(stdout, "3 documents added; 1 document already present") {
		t.Errorf("summary %q, want 3 documents (a page, 2 articles of the Word file) and a duplicate", stdout)
	}
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	list, err := store.Documents(context.Background(), annotate.DocumentFilter{})
	if err != nil || len(list) != 3 {
		t.Fatalf("documents %+v, %v", list, err)
	}
	if list[0].Title != "Port talks collapse as strike enters third week" || list[0].Outlet != "The Harbour Courier" ||
		list[0].Published != "2024-03-05T18:42:00+01:00" || list[2].Title != "Second headline" {
		t.Errorf("library rows: %+v", list)
	}
	if _, err := store.DocumentOriginal(context.Background(), list[0].ID); err != nil {
		t.Errorf("the page's HTML was not kept: %v", err)
	}
	out := filepath.Join(dir, "out.jsonl")
	if code, _, stderr := runCLI(t, db, "export", "--format", "spacy", "--status", "all", "--out", out); code != 0 {
		t.Fatalf("export exited %d: %s", code, stderr)
	}
	exported, _ := os.ReadFile(out)
	for _, want := range []string{`"outlet": "The Harbour Courier"`, `"authors": ["Ana Pavić","Tom Hale"]`, `"date": "2024-03-05T18:42:00+01:00"`, `"url": "https://harbourcourier.example/news/2024/03/port-talks-collapse"`} {
		if !bytes.Contains(exported, []byte(want)) {
			t.Errorf("export lacks %s", want)
		}
	}
}

func TestImportOfAPageWithoutAnArticleStoresNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	good := writeFile(t, filepath.Join(dir, "in", "a.html"), pageFixture(t, "article-widgets.html"))
	bad := writeFile(t, filepath.Join(dir, "in", "front.html"), pageFixture(t, "front-page.html"))
	code, _, stderr := runCLI(t, db, "import", good, bad)
	if code != 1 || !strings.Contains(stderr, bad+": no article found") {
		t.Fatalf("exit %d, stderr %q; want 1 and the front page named", code, stderr)
	}
	if stats, raw := readStats(t, db); stats.Documents != 0 {
		t.Errorf("stats after a failed import: %s", raw)
	}
}

func TestImportCleanListsWhatItRemoved(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	corpus := filepath.Join(dir, "corpus")
	for i := range 3 {
		page := fmt.Sprintf("Home | News | Sport\n\nArticle %d says “something” — 😀.\n\nComments\nblog comments powered by Disqus\n", i)
		writeFile(t, filepath.Join(corpus, fmt.Sprintf("p%d.txt", i)), []byte(page))
	}
	code, stdout, stderr := runCLI(t, db, "import", "--clean", corpus)
	if code != 0 {
		t.Fatalf("import exited %d: %s", code, stderr)
	}
	for _, want := range []string{
		filepath.Join(corpus, "p0.txt") + ": removed 3 lines",
		"  line 1 (repeated): Home | News | Sport",
		"  line 6 (repeated): blog comments powered by Disqus",
		"cleaned: removed 9 lines from 3 files (repeated 9)",
		"3 documents added",
	} {
		if !strings.Contains(stdout, want) {
			t.Errorf("output lacks %q:\n%s", want, stdout)
		}
	}
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	doc, err := store.Document(context.Background(), 1)
	if err != nil || doc.Text != "Article 0 says “something” — 😀.\n" {
		t.Errorf("stored text %q, %v", doc.Text, err)
	}
}
