package dataset

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// readAll collects Read's records and errors.
func readAll(t *testing.T, paths []string, opts ReadOptions) ([]annotate.ImportRecord, []error) {
	t.Helper()
	var recs []annotate.ImportRecord
	var errs []error
	for rec, err := range Read(paths, opts) {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		recs = append(recs, rec)
	}
	return recs, errs
}

func writeFile(t *testing.T, path string, data string) string {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadFolderOfTextFilesRecursivelyInSortedOrder(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "b.txt"), "\ufeffSecond “story”\r\nBody — with\u00a0NBSP 😀\r\n")
	writeFile(t, filepath.Join(dir, "a.md"), "# First\n\nText.\n")
	writeFile(t, filepath.Join(dir, "sub", "c.txt"), "Third\n")
	writeFile(t, filepath.Join(dir, "notes.pdf"), "%PDF-1.4 not an article")
	writeFile(t, filepath.Join(dir, ".hidden.txt"), "hidden")
	writeFile(t, filepath.Join(dir, ".git", "x.txt"), "hidden folder")
	recs, errs := readAll(t, []string{dir}, ReadOptions{})
	if len(errs) != 0 {
		t.Fatalf("errors: %v", errs)
	}
	var titles []string
	for _, r := range recs {
		titles = append(titles, r.Document.Title)
	}
	if got, want := strings.Join(titles, "|"), "First|Second “story”|Third"; got != want {
		t.Fatalf("titles %q, want %q", got, want)
	}
	second := recs[1].Document
	if second.Text != "Second “story”\r\nBody — with\u00a0NBSP 😀\r\n" {
		t.Errorf("BOM not dropped or CRLF changed: %q", second.Text)
	}
	if second.Source != filepath.Join(dir, "b.txt") || second.Hash != annotate.ContentHash(second.Text) {
		t.Errorf("source %q hash %q", second.Source, second.Hash)
	}
}

func TestReadExplicitFileWithUnknownExtensionIsText(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "article.log"), "<p>Hello</p>")
	recs, errs := readAll(t, []string{path}, ReadOptions{})
	if len(errs) != 0 || len(recs) != 1 || recs[0].Document.Text != "<p>Hello</p>" {
		t.Fatalf("recs %+v errs %v", recs, errs)
	}
}

func TestReadBadTextInputs(t *testing.T) {
	dir := t.TempDir()
	cases := []struct {
		name, file, content, want string
	}{
		{"invalid UTF-8 names the byte offset", "latin1.txt", "caf\xe9 au lait", "byte offset 3"},
		{"invalid UTF-8 after a BOM counts the BOM", "bom.txt", "\ufeffab\xff", "byte offset 5"},
		{"a binary file is refused", "image.txt", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"},
		{"an empty file is refused", "empty.txt", "", "is empty"},
		{"a whitespace-only file is refused", "blank.txt", " \r\n\t\u00a0\n", "only whitespace"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := writeFile(t, filepath.Join(dir, c.file), c.content)
			recs, errs := readAll(t, []string{path}, ReadOptions{})
			if len(recs) != 0 || len(errs) != 1 {
				t.Fatalf("recs %d errs %v", len(recs), errs)
			}
			var re annotate.RecordError
			if !asRecordError(errs[0], &re) || re.Origin != path {
				t.Fatalf("error %#v does not name %s", errs[0], path)
			}
			if !strings.Contains(errs[0].Error(), c.want) {
				t.Fatalf("error %q does not say %q", errs[0], c.want)
			}
		})
	}
	t.Run("a missing path is reported", func(t *testing.T) {
		_, errs := readAll(t, []string{filepath.Join(dir, "nope.txt")}, ReadOptions{})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "nope.txt: no such file") {
			t.Fatalf("errs %v", errs)
		}
	})
	t.Run("a file over the size limit is refused before reading", func(t *testing.T) {
		path := filepath.Join(dir, "huge.txt")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		// A sparse file: the size check must come from Stat, not from reading.
		if err := f.Truncate(annotate.MaxDocumentBytes + 1); err != nil {
			t.Fatal(err)
		}
		f.Close()
		_, errs := readAll(t, []string{path}, ReadOptions{})
		if len(errs) != 1 || !strings.Contains(errs[0].Error(), "over the limit") {
			t.Fatalf("errs %v", errs)
		}
	})
}

func asRecordError(err error, target *annotate.RecordError) bool {
	re, ok := err.(annotate.RecordError)
	if ok {
		*target = re
	}
	return ok
}

func TestReadJSONLRecords(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "in.jsonl"),
		"\ufeff{\"text\": \"Plain “one”\", \"meta\": {\"title\": \"T1\", \"url\": \"http://x\", \"n\": 12345678901234567890}}\r\n"+
			"\n"+
			`{"text": "No meta 😀 here"}`+"\n"+
			`{"text": "x", "meta": "oops"}`+"\n"+
			`{"text": 5}`+"\n"+
			`{"meta": {}}`+"\n"+
			`{"text": "   "}`+"\n"+
			`{"text": "broken"`+"\n"+
			`[1,2]`+"\n"+
			`not json`+"\n")
	recs, errs := readAll(t, []string{path}, ReadOptions{})
	if len(recs) != 2 {
		t.Fatalf("got %d records, want 2: %+v", len(recs), recs)
	}
	if d := recs[0].Document; d.Title != "T1" || d.Text != "Plain “one”" || d.URL != "http://x" || d.Meta["url"] != nil || d.Meta["title"] != nil {
		t.Errorf("first record %+v", d)
	}
	if n := recs[0].Document.Meta["n"]; n == nil || n.(interface{ String() string }).String() != "12345678901234567890" {
		t.Errorf("big number in meta changed: %v", n)
	}
	if d := recs[1].Document; d.Title != "No meta 😀 here" || recs[1].Origin != path+":3" {
		t.Errorf("second record %+v origin %s", d, recs[1].Origin)
	}
	wants := []string{
		path + `:4: "meta" is a string, want an object`,
		path + `:5: "text" is a number, want a string`,
		path + `:6: record has no "text" key`,
		path + `:7: "text" is empty`,
		path + `:8: malformed JSON`,
		path + `:9: malformed JSON: a record must be an object {...}, got an array`,
		path + `:10: malformed JSON: the line is not JSON (it starts "not json")`,
	}
	if len(errs) != len(wants) {
		t.Fatalf("errors %v", errs)
	}
	for i, want := range wants {
		if !strings.HasPrefix(errs[i].Error(), want) {
			t.Errorf("error %d = %q, want prefix %q", i, errs[i], want)
		}
	}
}

func TestReadStopsWhenTheConsumerStops(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"a.txt", "b.txt", "c.txt"} {
		writeFile(t, filepath.Join(dir, name), name)
	}
	n := 0
	for range Read([]string{dir}, ReadOptions{}) {
		n++
		break
	}
	if n != 1 {
		t.Fatalf("read %d", n)
	}
}

func TestReadFolderSniffsJSONFilesByTheirFirstByte(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "lines.json"), `{"text": "one"}`+"\n"+`{"text": "two"}`+"\n")
	writeFile(t, filepath.Join(dir, "tasks.json"), `[{"data": {"text": "three"}}]`)
	writeFile(t, filepath.Join(dir, "array.jsonl"), ` [{"data": {"text": "four"}}]`)
	recs, errs := readAll(t, []string{dir}, ReadOptions{})
	if len(errs) > 0 || len(recs) != 4 {
		t.Fatalf("records %d, errors %v", len(recs), errs)
	}
}
