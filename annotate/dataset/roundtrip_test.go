package dataset

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// storeLike turns decoded records into documents as a fresh database would hand
// them back: ids in import order starting at firstID, spans as decoded.
func storeLike(t *testing.T, recs []annotate.ImportRecord, firstID int64) []annotate.AnnotatedDocument {
	t.Helper()
	docs := make([]annotate.AnnotatedDocument, len(recs))
	for i, rec := range recs {
		doc := rec.Document
		doc.ID = firstID + int64(i)
		if doc.Hash != annotate.ContentHash(doc.Text) {
			t.Fatalf("record %s: hash does not match its text", rec.Origin)
		}
		docs[i] = annotate.AnnotatedDocument{Document: doc, Spans: rec.Spans}
	}
	return docs
}

func exportTo(t *testing.T, docs []annotate.AnnotatedDocument, out string, opts ExportOptions) []byte {
	t.Helper()
	if _, err := Export(context.Background(), docsSeq(docs), out, nil, opts); err != nil {
		t.Fatalf("export %s: %v", opts.Format, err)
	}
	if opts.Format == FormatBrat {
		var all bytes.Buffer
		entries, _ := os.ReadDir(out)
		for _, e := range entries {
			data, err := os.ReadFile(filepath.Join(out, e.Name()))
			if err != nil {
				t.Fatal(err)
			}
			fmt.Fprintf(&all, "== %s\n%s", e.Name(), data)
		}
		return all.Bytes()
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func spanKeys(spans []annotate.Span) []string {
	keys := make([]string, 0, len(spans))
	for _, s := range sortedSpans(spans) {
		keys = append(keys, fmt.Sprintf("%d-%d %s %q", s.Start, s.End, s.Label, s.Text))
	}
	return keys
}

func TestRoundTripEveryImportableFormat(t *testing.T) {
	cases := []struct {
		name     string
		format   Format
		unit     annotate.Unit
		tokens   bool
		lossless bool // spans come back exactly as exported
	}{
		{"spacy", FormatSpacy, annotate.UnitCodepoint, false, true},
		{"spacy with tokens", FormatSpacy, annotate.UnitCodepoint, true, true},
		{"spacy in utf16", FormatSpacy, annotate.UnitUTF16, false, true},
		{"spacy in bytes", FormatSpacy, annotate.UnitByte, false, true},
		{"doccano", FormatDoccano, annotate.UnitCodepoint, false, true},
		{"doccano in utf16", FormatDoccano, annotate.UnitUTF16, false, true},
		{"doccano in bytes", FormatDoccano, annotate.UnitByte, false, true},
		{"label-studio", FormatLabelStudio, annotate.UnitCodepoint, false, true},
		{"label-studio in utf16", FormatLabelStudio, annotate.UnitUTF16, false, true},
		{"brat", FormatBrat, annotate.UnitCodepoint, false, true},
		{"brat in bytes", FormatBrat, annotate.UnitByte, false, true},
		{"hf", FormatHF, annotate.UnitCodepoint, false, false},
		{"conll", FormatCoNLL, annotate.UnitCodepoint, false, false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := ExportOptions{Format: c.format, Unit: c.unit, Tokens: c.tokens, Labels: fixtureLabels()}
			name := "first" + c.format.Ext()
			first := exportTo(t, fixtureDocs(t), filepath.Join(dir, "1", name), opts)

			recs, errs := readAll(t, []string{filepath.Join(dir, "1", name)}, ReadOptions{Format: c.format, Unit: c.unit})
			if len(errs) > 0 || len(recs) != 2 {
				t.Fatalf("import: %d records, errors %v", len(recs), errs)
			}
			// Auto detection must agree with the explicit format.
			autoRecs, autoErrs := readAll(t, []string{filepath.Join(dir, "1", name)}, ReadOptions{Unit: c.unit})
			if len(autoErrs) > 0 || len(autoRecs) != 2 {
				t.Fatalf("auto import: %d records, errors %v", len(autoRecs), autoErrs)
			}
			docs := storeLike(t, recs, 7)
			second := exportTo(t, docs, filepath.Join(dir, "2", name), opts)
			if !bytes.Equal(first, second) {
				t.Fatalf("export → import → export changed the bytes\nfirst:  %s\nsecond: %s", first, second)
			}
			for i, doc := range docs {
				got := spanKeys(doc.Spans)
				if c.lossless {
					want := spanKeys(fixtureDocs(t)[i].Spans)
					if fmt.Sprint(got) != fmt.Sprint(want) {
						t.Errorf("doc %d spans\n got %v\nwant %v", i, got, want)
					}
				}
				// Decoding the second export gives the same code-point spans again.
				recs2, errs2 := readAll(t, []string{filepath.Join(dir, "2", name)}, ReadOptions{Format: c.format, Unit: c.unit})
				if len(errs2) > 0 {
					t.Fatal(errs2)
				}
				if again := spanKeys(recs2[i].Spans); fmt.Sprint(again) != fmt.Sprint(got) {
					t.Errorf("doc %d spans changed on the second round\n got %v\nwant %v", i, again, got)
				}
			}
		})
	}
}

func TestRoundTripKeepsAnnotatorsAndNotesWhereTheFormatHasAPlace(t *testing.T) {
	dir := t.TempDir()
	fixture := fixtureDocs(t)[0]
	for _, c := range []struct {
		format    Format
		annotator string
		note      string
	}{
		{FormatSpacy, "alice", "=SUM(A1) first quote\nsecond line"},
		{FormatLabelStudio, "", "=SUM(A1) first quote\nsecond line"},
		{FormatBrat, "", "=SUM(A1) first quote second line"}, // brat lines cannot hold line breaks
	} {
		out := filepath.Join(dir, string(c.format)+c.format.Ext())
		exportTo(t, []annotate.AnnotatedDocument{fixture}, out, ExportOptions{Format: c.format})
		recs, errs := readAll(t, []string{out}, ReadOptions{Format: c.format})
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		quote := sortedSpans(recs[0].Spans)[0]
		if quote.Annotator != c.annotator || quote.Note != c.note {
			t.Errorf("%s: annotator %q note %q, want %q %q", c.format, quote.Annotator, quote.Note, c.annotator, c.note)
		}
	}
}
