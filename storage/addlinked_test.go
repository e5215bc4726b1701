package storage

import (
	"context"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestAddLinkedSpansStoresAttrsAndLinksOrNothing(t *testing.T) {
	db := openWithSources(t)
	ctx := context.Background()
	doc := importOne(t, db, layerText)
	quote := annotate.Span{DocID: doc, Start: 18, End: 27, Label: "QUOTE", Annotator: "curator", Note: "checked",
		Attrs: annotate.Attrs{"source": annotate.SourceValue("Ana Pavić")}}
	mention := annotate.Span{DocID: doc, Start: 0, End: 7, Label: "SOURCE", Annotator: "curator"}
	link := annotate.RangeLink{DocID: doc, Annotator: "curator", Label: annotate.RelationSource, Head: quote, Child: mention}

	// A link to a span that is not there stores nothing, the spans included.
	bad := link
	bad.Child = annotate.Span{Start: 8, End: 12, Label: "SOURCE"}
	_, _, err := db.AddLinkedSpans(ctx, []annotate.Span{quote, mention}, []annotate.RangeLink{bad}, "carol")
	wantCode(t, err, annotate.ENOTFOUND)
	if n := rowCount(t, db, "spans"); n != 0 {
		t.Fatalf("%d spans stored by a failed call", n)
	}

	added, linked, err := db.AddLinkedSpans(ctx, []annotate.Span{quote, mention}, []annotate.RangeLink{link}, "carol")
	if err != nil || added != 2 || linked != 1 {
		t.Fatalf("added %d, linked %d (%v), want 2 and 1", added, linked, err)
	}
	spans, err := db.Spans(ctx, doc)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range spans {
		if s.Label == "QUOTE" && (s.Attrs["source"].Text != "Ana Pavić" || s.Note != "checked" || len(s.Links) != 1) {
			t.Errorf("stored QUOTE %+v, want its source, note and link", s)
		}
	}
	added, linked, err = db.AddLinkedSpans(ctx, []annotate.Span{quote, mention}, []annotate.RangeLink{link}, "carol")
	if err != nil || added != 0 || linked != 0 {
		t.Errorf("again: added %d, linked %d (%v), want nothing", added, linked, err)
	}

	wrong := quote
	wrong.Start, wrong.End, wrong.Attrs = 28, 33, annotate.Attrs{"count": annotate.NumberValue(3)}
	_, err = db.AddSpans(ctx, []annotate.Span{wrong}, "carol")
	wantCode(t, err, annotate.EINVALID)
	if err == nil || !strings.Contains(err.Error(), "count") {
		t.Errorf("an attribute QUOTE does not declare: %v, want it named", err)
	}
}
