package storage

import (
	"context"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestLayersGiveEachStatementItsSourceAttributeElseItsLinkedMention(t *testing.T) {
	db := openWithSources(t)
	ctx := context.Background()
	// “Pavić” = 0–7, the plant = 18–27 (code points).
	doc := importOne(t, db, layerText)
	create := func(s annotate.Span) annotate.Span {
		t.Helper()
		s.DocID = doc
		stored, err := db.CreateSpan(ctx, s)
		if err != nil {
			t.Fatal(err)
		}
		return stored
	}
	link := func(head, child annotate.Span) {
		t.Helper()
		if _, err := db.LinkSpans(ctx, annotate.Link{Head: head.ID, Child: child.ID, Label: annotate.RelationSource}, "t"); err != nil {
			t.Fatal(err)
		}
	}
	// alice: a source attribute and a link to other words: the attribute wins.
	aliceQuote := create(annotate.Span{Start: 18, End: 27, Label: "QUOTE", Annotator: "alice", Attrs: annotate.Attrs{"source": annotate.SourceValue("Ana  Pavić")}})
	link(aliceQuote, create(annotate.Span{Start: 0, End: 7, Label: "SOURCE", Annotator: "alice"}))
	// bob: only the link: the mention's words.
	bobQuote := create(annotate.Span{Start: 18, End: 27, Label: "QUOTE", Annotator: "bob"})
	link(bobQuote, create(annotate.Span{Start: 0, End: 7, Label: "SOURCE", Annotator: "bob"}))
	// carol: neither.
	create(annotate.Span{Start: 18, End: 27, Label: "QUOTE", Annotator: "carol"})

	docs := collectLayers(t, db, annotate.LayerFilter{Labels: []string{"QUOTE"}, Sources: true})
	if len(docs) != 1 {
		t.Fatalf("%d documents", len(docs))
	}
	got := map[string]string{}
	for _, s := range docs[0].Spans {
		got[s.Annotator] = s.Attrs["source"].Text
	}
	want := map[string]string{"alice": "Ana Pavić", "bob": "“Pavić”", "carol": ""}
	for who, w := range want {
		if got[who] != w {
			t.Errorf("%s's QUOTE source %q, want %q", who, got[who], w)
		}
	}
	plain := collectLayers(t, db, annotate.LayerFilter{Labels: []string{"QUOTE"}})
	for _, s := range plain[0].Spans {
		if s.Attrs != nil {
			t.Errorf("without Sources, %s's span carries %v", s.Annotator, s.Attrs)
		}
	}
}

// openWithSources is a seeded database whose QUOTE label declares a source
// attribute and which has a SOURCE label for mentions.
func openWithSources(t *testing.T) *DB {
	t.Helper()
	db := openSeeded(t)
	ctx := context.Background()
	if _, err := db.DeclareAttribute(ctx, "QUOTE", annotate.AttrDecl{Name: "source", Type: annotate.AttrSource}); err != nil {
		t.Fatal(err)
	}
	if _, err := db.CreateLabel(ctx, annotate.Label{Name: "SOURCE", Color: "#56B4E9"}); err != nil && annotate.ErrorCode(err) != annotate.ECONFLICT {
		t.Fatal(err)
	}
	return db
}
