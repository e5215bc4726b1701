package dataset

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestOnlyDoneDocumentsAreAcceptedAndTheSummaryCountsStatuses(t *testing.T) {
	docs := fixtureDocs(t) // the first is done, the second has no status
	inProgress := docs[1]
	inProgress.Document.ID, inProgress.Document.Status = 9, annotate.StatusInProgress
	docs = append(docs, inProgress)
	var buf bytes.Buffer
	summary, err := Export(context.Background(), docsSeq(docs), "-", &buf, ExportOptions{Format: FormatSpacy})
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	for i, want := range []bool{true, false, false} {
		if got := strings.HasSuffix(lines[i], `"answer": "accept"}`); got != want {
			t.Errorf("line %d (%s) accepted = %v, want %v", i, docs[i].Document.Status, got, want)
		}
	}
	if got := ByStatus(summary.ByStatus); got != " (1 done, 1 in progress, 1 new)" {
		t.Errorf("ByStatus = %q", got)
	}
	t.Run("importing the lines back marks only the accepted document done", func(t *testing.T) {
		for _, fast := range []bool{true, false} {
			// The careful decoder runs for spacy when asked by name; auto takes the fast path.
			format := FormatAuto
			if !fast {
				format = FormatSpacy
			}
			dec := NewJSONLDecoder(strings.NewReader(buf.String()), "x.jsonl", DecodeOptions{Format: format})
			var statuses []annotate.Status
			for {
				rec, err := dec.Decode()
				if err != nil {
					break
				}
				statuses = append(statuses, rec.Document.Status)
			}
			if len(statuses) != 3 || statuses[0] != annotate.StatusDone || statuses[1] != "" || statuses[2] != "" {
				t.Errorf("format %s: statuses %v, want [done, -, -]", format, statuses)
			}
		}
	})
}

func TestImportableExtensionsAreTheOnesAutoDetectionKnows(t *testing.T) {
	exts := ImportableExtensions()
	for _, want := range []string{".txt", ".md", ".jsonl", ".json", ".conll", ".ann"} {
		found := false
		for _, ext := range exts {
			found = found || ext == want
		}
		if !found {
			t.Errorf("%s missing from %v", want, exts)
		}
	}
	for _, ext := range exts {
		if formatByExt(ext) == "" {
			t.Errorf("%s is offered but not recognised", ext)
		}
	}
	if formatByExt(".pdf") != "" || formatByExt(".csv") != "" {
		t.Error(".pdf or .csv taken as importable")
	}
}
