package dataset

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// ReadAhead starts reading at the call, before anyone ranges over the records;
// what it hands on is what Read hands on, in the same order.
func TestReadAheadYieldsWhatReadYields(t *testing.T) {
	dir := t.TempDir()
	article, err := os.ReadFile(filepath.Join("testdata", "html", "article-widgets.html"))
	if err != nil {
		t.Fatal(err)
	}
	for i := range 12 {
		if i%3 == 0 {
			writeFile(t, filepath.Join(dir, fmt.Sprintf("doc-%02d.txt", i)), fmt.Sprintf("Text “%d” — with an em dash\r\nand a second line 😀", i))
			continue
		}
		page := strings.Replace(string(article), "Talks are due", fmt.Sprintf("Talks (%d) are due", i), 1)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("page-%02d.html", i)), page)
	}
	writeFile(t, filepath.Join(dir, "page-99.html"), "<html><body><ul><li><a href=/a>A</a></li></ul></body></html>")
	want, wantErrs := readAll(t, []string{dir}, ReadOptions{})

	records, stop := ReadAhead([]string{dir}, ReadOptions{})
	defer stop()
	var got []annotate.ImportRecord
	var gotErrs []error
	for rec, err := range records {
		if err != nil {
			gotErrs = append(gotErrs, err)
			continue
		}
		got = append(got, rec)
	}
	if len(got) != len(want) || len(got) != 12 {
		t.Fatalf("ReadAhead gave %d records, Read %d, want 12", len(got), len(want))
	}
	for i := range got {
		if got[i].Origin != want[i].Origin || got[i].Document.Text != want[i].Document.Text || got[i].Document.Title != want[i].Document.Title {
			t.Errorf("record %d: ReadAhead %q %q, Read %q %q", i, got[i].Origin, got[i].Document.Title, want[i].Origin, want[i].Document.Title)
		}
	}
	if len(gotErrs) != 1 || len(wantErrs) != 1 || gotErrs[0].Error() != wantErrs[0].Error() {
		t.Errorf("errors: ReadAhead %v, Read %v", gotErrs, wantErrs)
	}
}

// A caller that fails before ranging (the database does not open) stops the
// reading: stop returns although the producer is blocked on a full queue, and no
// goroutine of the reading is left behind.
func TestReadAheadStopsWithoutBeingRanged(t *testing.T) {
	dir := t.TempDir()
	for i := range 400 { // more than the queue holds (4 batches of 64)
		writeFile(t, filepath.Join(dir, fmt.Sprintf("doc-%03d.txt", i)), fmt.Sprintf("Article %d’s text.", i))
	}
	before := runtime.NumGoroutine()
	_, stop := ReadAhead([]string{dir}, ReadOptions{})
	time.Sleep(20 * time.Millisecond) // let the producer fill the queue and block
	stop()
	stop() // a second call is harmless
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > before {
		if time.Now().After(deadline) {
			t.Fatalf("%d goroutines after stop, %d before ReadAhead", runtime.NumGoroutine(), before)
		}
		time.Sleep(time.Millisecond)
	}
}
