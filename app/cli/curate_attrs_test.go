package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/storage"
)

// “No,” = 0–5, Ilse Marrow = 11–22, 14 civilians died = 24–41 (code points).
const sourcedText = "“No,” said Ilse Marrow. 14 civilians died."

func sourcedRecord(source, kind string) string {
	return `{"text": "` + sourcedText + `", "spans": [` +
		`{"start": 0, "end": 5, "label": "QUOTE", "attrs": {"source": "` + source + `"}}, ` +
		`{"start": 11, "end": 22, "label": "SOURCE"}, ` +
		`{"start": 24, "end": 41, "label": "CASUALTY", "attrs": {"count": 14, "kind": "` + kind + `"}}], ` +
		`"relations": [{"head_span": {"start": 0, "end": 5, "label": "QUOTE"}, "child_span": {"start": 11, "end": 22, "label": "SOURCE"}, "label": "SOURCE_OF"}]}` + "\n"
}

func TestCurateAutoAgreedCopiesAgreedAttributesAndLinks(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	alice := writeFile(t, filepath.Join(dir, "alice.jsonl"), []byte(sourcedRecord("Ilse Marrow", "killed")))
	bob := writeFile(t, filepath.Join(dir, "bob.jsonl"), []byte(sourcedRecord("ilse  marrow", "dead")))
	for who, file := range map[string]string{"alice": alice, "bob": bob} {
		if code, _, stderr := runCLI(t, db, "import", "--annotator", who, file); code != 0 {
			t.Fatalf("import --annotator %s: exit %d: %s", who, code, stderr)
		}
	}
	code, stdout, stderr := runCLI(t, db, "curate", "--auto", "agreed")
	if code != 0 || !strings.Contains(stdout, "3 spans added") || !strings.Contains(stdout, "1 link copied") ||
		!strings.Contains(stdout, "1 attribute left empty") {
		t.Fatalf("curate: exit %d, %q %q", code, stdout, stderr)
	}

	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	docs, err := store.Documents(context.Background(), annotate.DocumentFilter{})
	if err != nil || len(docs) != 1 {
		t.Fatalf("documents %v (%v)", docs, err)
	}
	spans, err := store.Spans(context.Background(), docs[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	curated := map[string]annotate.Span{}
	for _, s := range spans {
		if s.Annotator == "curator" {
			curated[s.Label] = s
		}
	}
	quote, mention, casualty := curated["QUOTE"], curated["SOURCE"], curated["CASUALTY"]
	if !strings.EqualFold(quote.Attrs["source"].Text, "Ilse Marrow") {
		t.Errorf("curated QUOTE attrs %v, want the source both named", quote.Attrs)
	}
	if len(quote.Links) != 1 || quote.Links[0].Child != mention.ID || quote.Links[0].Label != "SOURCE_OF" {
		t.Errorf("curated QUOTE links %+v, want SOURCE_OF to the curated mention %d", quote.Links, mention.ID)
	}
	if casualty.Attrs["count"].Number != 14 || casualty.Attrs["kind"].Text != "" {
		t.Errorf("curated CASUALTY attrs %v, want count 14 and no kind (killed or dead)", casualty.Attrs)
	}

	code, stdout, _ = runCLI(t, db, "curate", "--auto", "agreed")
	if code != 0 || !strings.Contains(stdout, "0 spans added") || !strings.Contains(stdout, "0 links copied") {
		t.Errorf("second curate: exit %d, %q", code, stdout)
	}
}

func TestCurateAutoAgreedLeavesRejectedSpansOut(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	for _, who := range []string{"alice", "bob"} {
		file := writeFile(t, filepath.Join(dir, who+".jsonl"), []byte(sourcedRecord("Ilse Marrow", "killed")))
		if code, _, stderr := runCLI(t, db, "import", "--annotator", who, file); code != 0 {
			t.Fatalf("import --annotator %s: exit %d: %s", who, code, stderr)
		}
	}
	store, err := storage.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	docs, _ := store.Documents(context.Background(), annotate.DocumentFilter{})
	if err := store.RejectCandidate(context.Background(), docs[0].ID, "SOURCE", 11, 22, "curator", "carol"); err != nil {
		t.Fatal(err)
	}
	store.Close()
	code, stdout, _ := runCLI(t, db, "curate", "--auto", "agreed")
	if code != 0 || !strings.Contains(stdout, "2 spans added") || !strings.Contains(stdout, "1 already there or rejected") || !strings.Contains(stdout, "0 links copied") {
		t.Errorf("curate with the mention rejected: exit %d, %q", code, stdout)
	}
}
