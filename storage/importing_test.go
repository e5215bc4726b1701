package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// tableCounts is the number of rows in every table, to check that nothing was left
// behind.
func tableCounts(t *testing.T, db *DB) string {
	t.Helper()
	var parts []string
	for _, table := range []string{"labels", "documents", "spans", "span_history"} {
		parts = append(parts, fmt.Sprintf("%s=%d", table, rowCount(t, db, table)))
	}
	return strings.Join(parts, " ")
}

func TestImportDeduplicatesByContent(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	text := "Officials said “the port is closed” — again.\r\n"
	first, err := db.Import(ctx, records([]annotate.ImportRecord{
		textRecord("a.txt", text),
		textRecord("b.txt", "Another article."),
		textRecord("copy-of-a.txt", text, annotate.Span{Start: 15, End: 35, Label: "QUOTE"}),
	}), annotate.ImportOptions{Annotator: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	if first.Documents != 2 || first.Duplicates != 1 || first.Spans != 1 {
		t.Errorf("first import = %+v, want 2 documents, 1 duplicate, 1 span", first)
	}
	if len(first.DocIDs) != 3 || first.DocIDs[0] != first.DocIDs[2] || first.DocIDs[0] == first.DocIDs[1] {
		t.Errorf("DocIDs = %v, want the copy to map to the first document", first.DocIDs)
	}

	second, err := db.Import(ctx, records([]annotate.ImportRecord{
		textRecord("again/a.txt", text, annotate.Span{Start: 15, End: 35, Label: "QUOTE"}, annotate.Span{Start: 0, End: 9, Label: "CLAIM"}),
	}), annotate.ImportOptions{Annotator: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	if second.Documents != 0 || second.Duplicates != 1 || second.Spans != 1 || second.SpansExisting != 1 {
		t.Errorf("second import = %+v, want 0 documents, 1 duplicate, 1 new span, 1 existing", second)
	}
	if second.DocIDs[0] != first.DocIDs[0] {
		t.Errorf("re-import mapped to document %d, want %d", second.DocIDs[0], first.DocIDs[0])
	}
	if n := rowCount(t, db, "documents"); n != 2 {
		t.Errorf("%d documents stored, want 2", n)
	}
	spans, _ := db.Spans(ctx, first.DocIDs[0])
	if len(spans) != 2 || spans[1].Text != "“the port is closed”" || spans[1].Annotator != "ana" {
		t.Errorf("spans = %+v", spans)
	}
	doc, _ := db.Document(ctx, first.DocIDs[0])
	if doc.Status != annotate.StatusInProgress || doc.Title != "a.txt" || doc.Text != text || doc.Hash != annotate.ContentHash(text) {
		t.Errorf("document = %+v; want the first title, exact text, in progress", doc)
	}
}

func TestAFailedImportLeavesNoRows(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	importOne(t, db, "Already here.")
	before := tableCounts(t, db)

	var progress []int
	_, err := db.Import(ctx, records([]annotate.ImportRecord{
		textRecord("good1.txt", "A good article.", annotate.Span{Start: 0, End: 6, Label: "NEWLABEL"}),
		textRecord("empty.txt", ""),
		textRecord("good2.txt", "Another good one."),
		textRecord("outside.txt", "Short.", annotate.Span{Start: 2, End: 60, Label: "CLAIM"}),
		{}, // replaced by the yielded error below
		textRecord("badutf8.txt", "caf\xe9"),
	}, nil, nil, nil, nil, annotate.RecordError{Origin: "broken.jsonl:7", Err: errors.New("malformed JSON")}),
		annotate.ImportOptions{Progress: func(done int) { progress = append(progress, done) }})

	var importErr *annotate.ImportError
	if !errors.As(err, &importErr) {
		t.Fatalf("error = %v, want *annotate.ImportError", err)
	}
	if importErr.Total != 4 {
		t.Errorf("import error lists %d problems, want 4: %v", importErr.Total, err)
	}
	for _, want := range []string{"empty.txt", "outside.txt", "2-60 is outside", "broken.jsonl:7: malformed JSON", "badutf8.txt", "UTF-8", "nothing was stored"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%v", want, err)
		}
	}
	if after := tableCounts(t, db); after != before {
		t.Errorf("rows before %s, after %s", before, after)
	}
	if fmt.Sprint(progress) != "[1 2 3 4 5 6]" {
		t.Errorf("progress calls %v, want 1..6", progress)
	}
}

func TestSkipInvalidImportsTheGoodRecords(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	res, err := db.Import(ctx, records([]annotate.ImportRecord{
		textRecord("good1.txt", "A good article.", annotate.Span{Start: 0, End: 6, Label: "CLAIM"}),
		textRecord("empty.txt", ""),
		{},
		textRecord("reversed.txt", "Text here.", annotate.Span{Start: 5, End: 2, Label: "CLAIM"}),
		textRecord("good2.txt", "Another good one."),
	}, nil, nil, errors.New("cannot read scan.pdf: binary file")), annotate.ImportOptions{SkipInvalid: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 2 || res.Spans != 1 || len(res.DocIDs) != 2 {
		t.Errorf("result = %+v, want 2 documents and 1 span", res)
	}
	var origins []string
	for _, p := range res.Invalid {
		origins = append(origins, p.Origin)
	}
	if fmt.Sprint(origins) != "[empty.txt record 3 reversed.txt]" {
		t.Errorf("invalid origins = %v", origins)
	}
	if n := rowCount(t, db, "documents"); n != 2 {
		t.Errorf("%d documents stored, want 2", n)
	}
	if n := rowCount(t, db, "span_history"); n != 1 {
		t.Errorf("%d history entries, want 1 (the good span)", n)
	}
}

func TestImportCreatesUnknownLabelsUnlessRefused(t *testing.T) {
	ctx := context.Background()

	t.Run("unknown labels are created with distinct fallback colours", func(t *testing.T) {
		db := openSeeded(t)
		res, err := db.Import(ctx, records([]annotate.ImportRecord{
			textRecord("a.txt", "Alpha beta gamma.", annotate.Span{Start: 0, End: 5, Label: "PERSON"}, annotate.Span{Start: 6, End: 10, Label: "place name"}),
			textRecord("b.txt", "Delta epsilon.", annotate.Span{Start: 0, End: 5, Label: "PERSON"}),
		}), annotate.ImportOptions{})
		if err != nil {
			t.Fatal(err)
		}
		if fmt.Sprint(res.LabelsCreated) != "[PERSON place_name]" {
			t.Errorf("LabelsCreated = %v", res.LabelsCreated)
		}
		labels, _ := db.Labels(ctx)
		colours := map[string]string{}
		for _, l := range labels {
			if other, clash := colours[l.Color]; clash {
				t.Errorf("labels %s and %s share colour %s", other, l.Name, l.Color)
			}
			colours[l.Color] = l.Name
		}
		if len(labels) != 6 || labels[4].Name != "PERSON" || labels[5].Name != "place_name" {
			t.Errorf("labels = %+v", labels)
		}
	})

	t.Run("refusing unknown labels names the label and stores nothing", func(t *testing.T) {
		db := openSeeded(t)
		before := tableCounts(t, db)
		_, err := db.Import(ctx, records([]annotate.ImportRecord{
			textRecord("a.txt", "Alpha beta gamma.", annotate.Span{Start: 0, End: 5, Label: "PERSON"}),
		}), annotate.ImportOptions{RefuseUnknownLabels: true})
		if err == nil || !strings.Contains(err.Error(), `a.txt: span 1: unknown label "PERSON"`) {
			t.Errorf("error = %v", err)
		}
		if after := tableCounts(t, db); after != before {
			t.Errorf("rows before %s, after %s", before, after)
		}
	})

	t.Run("a label created by a skipped record is undone with it", func(t *testing.T) {
		db := openSeeded(t)
		// The span is valid but the second one is not: the whole record goes.
		res, err := db.Import(ctx, records([]annotate.ImportRecord{
			textRecord("a.txt", "Alpha beta.", annotate.Span{Start: 0, End: 5, Label: "PERSON"}, annotate.Span{Start: 0, End: 99, Label: "CLAIM"}),
			textRecord("b.txt", "Gamma.", annotate.Span{Start: 0, End: 5, Label: "PERSON"}),
		}), annotate.ImportOptions{SkipInvalid: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Invalid) != 1 || fmt.Sprint(res.LabelsCreated) != "[PERSON]" || res.Spans != 1 {
			t.Errorf("result = %+v", res)
		}
	})
}

func TestImportKeepsMetadataExactly(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	var meta map[string]any
	raw := `{"doc_id":"x-1","big":12345678901234567890,"ratio":0.1,"tags":["a","b"],"nested":{"ok":true}}`
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	if err := dec.Decode(&meta); err != nil {
		t.Fatal(err)
	}
	rec := textRecord("m.jsonl:1", "Text with metadata.")
	rec.Document.Meta = meta
	res, err := db.Import(ctx, records([]annotate.ImportRecord{rec}), annotate.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	doc, err := db.Document(ctx, res.DocIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	out, _ := json.Marshal(doc.Meta)
	if string(out) != `{"big":12345678901234567890,"doc_id":"x-1","nested":{"ok":true},"ratio":0.1,"tags":["a","b"]}` {
		t.Errorf("meta came back as %s", out)
	}
}

func TestImportOfNothingSucceeds(t *testing.T) {
	db := openSeeded(t)
	res, err := db.Import(context.Background(), records(nil), annotate.ImportOptions{})
	if err != nil || res.Documents != 0 || len(res.DocIDs) != 0 {
		t.Errorf("empty import = %+v, %v", res, err)
	}
}

func TestImportStopsWhenCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	db := openSeeded(t)
	before := tableCounts(t, db)
	feed := func(yield func(annotate.ImportRecord, error) bool) {
		for i := 0; i < 100; i++ {
			if i == 10 {
				cancel()
			}
			if !yield(textRecord(fmt.Sprintf("%d.txt", i), fmt.Sprintf("Article number %d.", i)), nil) {
				return
			}
		}
	}
	_, err := db.Import(ctx, feed, annotate.ImportOptions{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("error = %v, want context.Canceled", err)
	}
	if after := tableCounts(t, db); after != before {
		t.Errorf("rows before %s, after %s", before, after)
	}
}

func TestImportWritesHistory(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	span := annotate.Span{Start: 0, End: 5, Label: "CLAIM", Annotator: "bo"}
	docID := importOne(t, db, "Alpha beta.", span, annotate.Span{Start: 6, End: 10, Label: "QUOTE"})
	changes, err := db.History(ctx, docID)
	if err != nil {
		t.Fatal(err)
	}
	if len(changes) != 2 {
		t.Fatalf("history has %d entries, want 2", len(changes))
	}
	c := changes[0]
	if c.Action != annotate.ActionCreate || c.Before != nil || c.After == nil || c.After.Text != "Alpha" || c.Annotator != "bo" || c.After.ID != c.SpanID {
		t.Errorf("first entry = %+v (after %+v)", c, c.After)
	}
}

func TestImportStopsReadingWhenItReturns(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	db := openSeeded(t)
	var calls atomic.Int64
	endless := func(yield func(annotate.ImportRecord, error) bool) {
		for i := 0; ; i++ {
			calls.Add(1)
			if !yield(textRecord(fmt.Sprintf("%d.txt", i), fmt.Sprintf("Article %d.", i)), nil) {
				return
			}
		}
	}
	_, err := db.Import(ctx, endless, annotate.ImportOptions{Progress: func(done int) {
		if done == 50 {
			cancel()
		}
	}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("error = %v, want context.Canceled", err)
	}
	after := calls.Load()
	runtime.Gosched()
	time.Sleep(10 * time.Millisecond) // give a leaked reader the chance to show itself
	if calls.Load() != after {
		t.Errorf("the records were still being read after Import returned (%d, then %d)", after, calls.Load())
	}
	if n := rowCount(t, db, "documents"); n != 0 {
		t.Errorf("%d documents stored by a cancelled import", n)
	}
}

func TestAPanickingDecoderBecomesAnError(t *testing.T) {
	db := openSeeded(t)
	broken := func(yield func(annotate.ImportRecord, error) bool) {
		if !yield(textRecord("a.txt", "Fine."), nil) {
			return
		}
		var m map[string]int
		m["boom"]++ // a decoder bug
	}
	_, err := db.Import(context.Background(), broken, annotate.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "internal error while reading records") {
		t.Errorf("error = %v", err)
	}
	if n := rowCount(t, db, "documents"); n != 0 {
		t.Errorf("%d documents stored", n)
	}
}

func TestLargeDocumentsImport(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	// 21 MB each, over the read-ahead budget together, with a span at the very end
	// behind non-ASCII text.
	body := strings.Repeat("Paragraph — “quoted” 😀 text.\r\n", 21<<20/len("Paragraph — “quoted” 😀 text.\r\n"))
	var recs []annotate.ImportRecord
	for i := 0; i < 4; i++ {
		text := fmt.Sprintf("Transcript %d\n", i) + body + "THE END"
		length := len([]rune(text))
		recs = append(recs, textRecord(fmt.Sprintf("big%d.txt", i), text, annotate.Span{Start: length - 7, End: length, Label: "CLAIM"}))
	}
	res, err := db.Import(ctx, records(recs), annotate.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 4 || res.Spans != 4 {
		t.Errorf("result = %+v", res)
	}
	spans, _ := db.Spans(ctx, res.DocIDs[3])
	if len(spans) != 1 || spans[0].Text != "THE END" {
		t.Errorf("span at the end = %+v", spans)
	}
}

func TestImportOnlyAnnotatorSkipsOtherPeoplesSpans(t *testing.T) {
	db := openSeeded(t)
	text := "“Pavić” said\u00a0— 😀 the plant is safe."
	importOne(t, db, text)
	rec := textRecord("bob.jsonl:1", text, by("bob", "QUOTE", 0, 7), by("", "CLAIM", 15, 35), by("carol", "QUOTE", 0, 7))
	res, err := db.Import(context.Background(), records([]annotate.ImportRecord{rec}),
		annotate.ImportOptions{Annotator: "bob", OnlyAnnotator: true, RequireMatch: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Spans != 2 || res.Duplicates != 1 || res.SpansOtherAnnotators != 1 || len(res.OtherAnnotators) != 1 || res.OtherAnnotators[0] != "carol" {
		t.Errorf("result %+v, want bob's 2 spans on the matched document and carol's skipped", res)
	}
}

func TestImportRequireMatchRefusesAFileMatchingNothing(t *testing.T) {
	ctx := context.Background()
	t.Run("a database holding only the sample takes anything", func(t *testing.T) {
		db := openTemp(t)
		sample := annotate.Document{Title: "Sample", Text: "A sample article.", Sample: true}
		if err := db.Seed(ctx, testLabels(), &sample); err != nil {
			t.Fatal(err)
		}
		_, err := db.Import(ctx, records([]annotate.ImportRecord{textRecord("a.jsonl:1", "Something new.")}),
			annotate.ImportOptions{Annotator: "bob", RequireMatch: true})
		if err != nil {
			t.Errorf("import into a database with only the sample: %v", err)
		}
	})
	t.Run("a database with articles refuses a file of other texts", func(t *testing.T) {
		db := openSeeded(t)
		importOne(t, db, "The article everyone annotated.")
		before := rowCount(t, db, "documents")
		_, err := db.Import(ctx, records([]annotate.ImportRecord{
			textRecord("a.jsonl:1", "The article everyone annotated!", by("", "CLAIM", 0, 3)),
			textRecord("a.jsonl:2", "Another text.", by("", "CLAIM", 0, 3)),
		}), annotate.ImportOptions{Annotator: "bob", RequireMatch: true})
		wantCode(t, err, annotate.EINVALID)
		if rowCount(t, db, "documents") != before || rowCount(t, db, "spans") != 0 {
			t.Errorf("the refused import stored something")
		}
	})
}
