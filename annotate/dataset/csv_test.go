package dataset

import (
	"bytes"
	"context"
	"encoding/csv"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestCSVNeutralisesFormulaCellsAndKeepsTheRest(t *testing.T) {
	cases := map[string]string{
		"=1+2":         "'=1+2",
		"+44 20 7946":  "'+44 20 7946",
		"-5 dead":      "'-5 dead",
		"@SUM(A1)":     "'@SUM(A1)",
		"\tTAB":        "'\tTAB",
		"“=quoted”":    "“=quoted”",
		"plain — text": "plain — text",
		"":             "",
	}
	for in, want := range cases {
		if got := SafeCell(in); got != want {
			t.Errorf("SafeCell(%q) = %q, want %q", in, got, want)
		}
	}
	text := "=cmd|' /C calc'!A0 and more"
	doc := annotate.AnnotatedDocument{
		Document: annotate.Document{ID: 3, Title: "@title", Text: text},
		Spans:    []annotate.Span{{Start: 0, End: 18, Label: "CLAIM", Annotator: "+x", Note: "-n"}},
	}
	var buf bytes.Buffer
	if _, err := Export(context.Background(), docsSeq([]annotate.AnnotatedDocument{doc}), "-", &buf, ExportOptions{Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&buf).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"3", "'@title", "0", "18", "CLAIM", "'=cmd|' /C calc'!A0", "'+x", "'-n", "", "", "", "", "", ""}
	if len(rows) != 2 || len(rows[1]) != len(want) {
		t.Fatalf("rows %q", rows)
	}
	for i := range want {
		if rows[1][i] != want[i] {
			t.Errorf("column %s = %q, want %q", rows[0][i], rows[1][i], want[i])
		}
	}
}

func TestCSVWithoutSpansStillHasItsHeader(t *testing.T) {
	var buf bytes.Buffer
	if _, err := Export(context.Background(), docsSeq(nil), "-", &buf, ExportOptions{Format: FormatCSV}); err != nil {
		t.Fatal(err)
	}
	if buf.String() != "doc_id,title,start,end,label,text,annotator,note,created_at,outlet,authors,date,url,lang\n" {
		t.Fatalf("got %q", buf.String())
	}
}
