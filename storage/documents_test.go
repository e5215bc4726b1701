package storage

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestForeignKeys(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "Text with spans.", annotate.Span{Start: 0, End: 4, Label: "CLAIM"}, annotate.Span{Start: 10, End: 15, Label: "QUOTE"})
	keep := importOne(t, db, "Another document.")
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: keep, Start: 0, End: 7, Label: "CLAIM"}); err != nil {
		t.Fatal(err)
	}

	t.Run("deleting a document removes its spans", func(t *testing.T) {
		if err := db.DeleteDocument(ctx, docID); err != nil {
			t.Fatal(err)
		}
		if n := rowCount(t, db, "spans"); n != 1 {
			t.Errorf("%d spans left, want the other document's 1", n)
		}
		_, err := db.Document(ctx, docID)
		wantCode(t, err, annotate.ENOTFOUND)
		wantCode(t, db.DeleteDocument(ctx, docID), annotate.ENOTFOUND)
	})

	t.Run("the schema refuses a span for a missing document", func(t *testing.T) {
		_, err := db.sql.Exec(`INSERT INTO spans (document_id, start_offset, end_offset, label_id, text, created_at, updated_at)
			VALUES (?, 0, 1, (SELECT id FROM labels LIMIT 1), 'x', '', '')`, docID+1000)
		if err == nil {
			t.Error("a span for a missing document was stored")
		}
		_, err = db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: 0, End: 4, Label: "CLAIM"})
		wantCode(t, err, annotate.ENOTFOUND)
	})

	t.Run("a deleted document's id is not reused", func(t *testing.T) {
		again := importOne(t, db, "Text with spans.")
		if again == docID {
			t.Errorf("re-imported text got the deleted id %d", docID)
		}
	})
}

func TestDocumentsListAndStatus(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	a := importOne(t, db, "First.")
	b := importOne(t, db, "Second.")
	c := importOne(t, db, "Third.")
	if err := db.SetDocumentStatus(ctx, b, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	wantCode(t, db.SetDocumentStatus(ctx, c, "finished"), annotate.EINVALID)
	wantCode(t, db.SetDocumentStatus(ctx, 999, annotate.StatusDone), annotate.ENOTFOUND)
	for _, tc := range []struct {
		status annotate.Status
		want   string
	}{
		{"", fmt.Sprint([]int64{a, b, c})},
		{annotate.StatusDone, fmt.Sprint([]int64{b})},
		{annotate.StatusNew, fmt.Sprint([]int64{a, c})},
		{annotate.StatusInProgress, "[]"},
	} {
		docs, err := db.Documents(ctx, annotate.DocumentFilter{Status: tc.status})
		if err != nil {
			t.Fatal(err)
		}
		var ids []int64
		for _, d := range docs {
			ids = append(ids, d.ID)
		}
		if got := fmt.Sprint(ids); got != tc.want && !(tc.want == "[]" && ids == nil) {
			t.Errorf("status %q lists %s, want %s", tc.status, got, tc.want)
		}
	}
	_, err := db.Documents(ctx, annotate.DocumentFilter{Status: "bogus"})
	wantCode(t, err, annotate.EINVALID)
}

func TestStatsCountEveryLabel(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	stats, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if stats.Documents != 0 || stats.Annotations != 0 || len(stats.Labels) != 4 || stats.Labels["CASUALTY"] != 0 {
		t.Errorf("empty stats = %+v, want every label at zero", stats)
	}
	if _, ok := stats.Labels["DEMAND"]; !ok {
		t.Error("a label with no spans is missing from the stats")
	}
	importOne(t, db, "A quote, a claim, another claim.", annotate.Span{Start: 2, End: 7, Label: "QUOTE"},
		annotate.Span{Start: 9, End: 16, Label: "CLAIM"}, annotate.Span{Start: 18, End: 31, Label: "CLAIM"})
	importOne(t, db, "Nothing annotated.")
	stats, _ = db.Stats(ctx)
	want := "{2 3 map[CASUALTY:0 CLAIM:2 DEMAND:0 QUOTE:1] map[done:0 in_progress:1 new:1]}"
	if got := fmt.Sprint(stats); got != want {
		t.Errorf("stats = %s, want %s", got, want)
	}
}

func TestExportStreamsDocumentsWithTheirSpans(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	first := importOne(t, db, "Alpha beta gamma.", annotate.Span{Start: 6, End: 10, Label: "QUOTE", Annotator: "x"}, annotate.Span{Start: 0, End: 5, Label: "CLAIM", Annotator: "y"})
	second := importOne(t, db, "No spans here.")
	third := importOne(t, db, "Delta 😀 epsilon.", annotate.Span{Start: 6, End: 7, Label: "CASUALTY", Annotator: "x"})
	if err := db.SetDocumentStatus(ctx, third, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}

	render := func(filter annotate.ExportFilter) string {
		var out []string
		for doc, err := range db.Export(ctx, filter) {
			if err != nil {
				t.Fatal(err)
			}
			entry := fmt.Sprintf("%d:", doc.Document.ID)
			for _, s := range doc.Spans {
				entry += fmt.Sprintf(" %s=%q", s.Label, s.Text)
			}
			out = append(out, entry)
		}
		return fmt.Sprint(out)
	}
	cases := []struct {
		name   string
		filter annotate.ExportFilter
		want   string
	}{
		{"everything", annotate.ExportFilter{}, fmt.Sprintf(`[%d: CLAIM="Alpha" QUOTE="beta" %d: %d: CASUALTY="😀"]`, first, second, third)},
		{"one label", annotate.ExportFilter{Labels: []string{"QUOTE"}}, fmt.Sprintf(`[%d: QUOTE="beta" %d: %d:]`, first, second, third)},
		{"one annotator", annotate.ExportFilter{Annotator: "x"}, fmt.Sprintf(`[%d: QUOTE="beta" %d: %d: CASUALTY="😀"]`, first, second, third)},
		{"done documents", annotate.ExportFilter{Status: annotate.StatusDone}, fmt.Sprintf(`[%d: CASUALTY="😀"]`, third)},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := render(c.filter); got != c.want {
				t.Errorf("got  %s\nwant %s", got, c.want)
			}
		})
	}

	t.Run("stopping early is fine", func(t *testing.T) {
		n := 0
		for range db.Export(ctx, annotate.ExportFilter{}) {
			n++
			break
		}
		if n != 1 {
			t.Errorf("got %d documents", n)
		}
		// The database is still usable: the cursor and snapshot were released.
		if _, err := db.CreateSpan(ctx, annotate.Span{DocID: second, Start: 0, End: 2, Label: "CLAIM"}); err != nil {
			t.Error(err)
		}
	})
}

func TestAllSpansStreamsEverySpan(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	a := importOne(t, db, "Alpha beta.", annotate.Span{Start: 0, End: 5, Label: "CLAIM"})
	importOne(t, db, "Gamma “delta”.", annotate.Span{Start: 6, End: 13, Label: "QUOTE"})
	if err := db.SetDocumentStatus(ctx, a, annotate.StatusDone); err != nil {
		t.Fatal(err)
	}
	var got []string
	for rec, err := range db.AllSpans(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, fmt.Sprintf("%s|%s|%s|%s", rec.Label, rec.Text, rec.DocTitle, rec.DocStatus))
	}
	want := "[CLAIM|Alpha|doc.txt|done QUOTE|“delta”|doc.txt|in_progress]"
	if fmt.Sprint(got) != want {
		t.Errorf("got %v, want %s", got, want)
	}
}

func TestSurroundingsCountCodePoints(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	text := "“😀 Talks —\u00a0stalled,” she said.\r\nAt least 14 civilians died."
	docID := importOne(t, db, text)
	runes := []rune(text)
	slice := func(a, b int) string { return string(runes[max(0, a):min(len(runes), b)]) }
	at := func(sub string) int {
		for i := range runes {
			if strings.HasPrefix(string(runes[i:]), sub) {
				return i
			}
		}
		t.Fatalf("%q not in text", sub)
		return -1
	}
	cases := []struct{ start, end, width int }{
		{at("stalled"), at("stalled") + 7, 5},        // after an emoji, an em dash and U+00A0
		{at("At least"), at("At least") + 8, 4},      // after CRLF
		{0, 2, 10},                                   // at the start: nothing before
		{at("died"), len(runes), 10},                 // at the end: nothing after
		{at("14"), at("14") + 2, 0},                  // width 0
		{at("she"), at("she") + 3, len(runes) + 100}, // wider than the text
	}
	for _, c := range cases {
		before, after, err := db.Surroundings(ctx, docID, c.start, c.end, c.width)
		if err != nil {
			t.Fatalf("Surroundings(%d, %d, %d): %v", c.start, c.end, c.width, err)
		}
		if want := slice(c.start-c.width, c.start); before != want {
			t.Errorf("before %d-%d (width %d) = %q, want %q", c.start, c.end, c.width, before, want)
		}
		if want := slice(c.end, c.end+c.width); after != want {
			t.Errorf("after %d-%d (width %d) = %q, want %q", c.start, c.end, c.width, after, want)
		}
	}
	_, _, err := db.Surroundings(ctx, docID+99, 0, 1, 5)
	wantCode(t, err, annotate.ENOTFOUND)
	_, _, err = db.Surroundings(ctx, docID, 5, 2, 5)
	wantCode(t, err, annotate.EINVALID)
}
