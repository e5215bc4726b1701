package editor

import (
	"slices"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestSetMetadataIsOneUndoableStep(t *testing.T) {
	f := newFixture(t, trickyText, "Second article.")
	id := f.ids[0]
	before := f.ed.Doc().Metadata()
	meta := annotate.Metadata{Title: "  Ceasefire “now” ", Outlet: "The Courier", Authors: []string{"Ana Pavić", "Tom Hale"},
		Published: "2024-03-05", URL: "https://courier.example/a", Language: "en", Extra: map[string]any{"desk": "World"}}
	f.must(f.ed.SetMetadata(meta))

	stored, err := f.db.Document(f.ctx, id)
	f.must(err)
	if stored.Title != "Ceasefire “now”" || stored.Outlet != "The Courier" || !slices.Equal(stored.Authors, meta.Authors) || stored.Meta["desk"] != "World" {
		t.Errorf("stored after edit: %+v", stored)
	}
	row := f.ed.Documents()[f.ed.DocIndex(id)]
	if row.Title != "Ceasefire “now”" || row.Outlet != "The Courier" || row.Published != "2024-03-05" {
		t.Errorf("library row after edit: %+v", row)
	}
	if f.ed.Doc().Outlet != "The Courier" {
		t.Errorf("open document after edit: %+v", f.ed.Doc())
	}
	if !slices.ContainsFunc(f.events, func(ev Event) bool { return ev.Kind == MetadataChanged && ev.DocID == id }) {
		t.Errorf("no MetadataChanged event: %+v", f.events)
	}

	applied, ok, err := f.ed.Undo()
	if !ok || err != nil || applied.Step.Metadata == nil || applied.Step.Describe() != "document information edit" {
		t.Fatalf("undo: %+v %v %v", applied, ok, err)
	}
	stored, err = f.db.Document(f.ctx, id)
	f.must(err)
	if stored.Title != before.Title || stored.Outlet != "" || stored.Authors != nil || stored.Meta != nil {
		t.Errorf("stored after undo: %+v, want %+v", stored, before)
	}
	if f.ed.Documents()[f.ed.DocIndex(id)].Outlet != "" {
		t.Error("library row keeps the outlet after undo")
	}
	// Redo from another document opens this one again, as every redo does.
	f.must(f.ed.Open(f.ids[1]))
	if _, ok, err := f.ed.Redo(); !ok || err != nil {
		t.Fatalf("redo: %v %v", ok, err)
	}
	if f.ed.DocID() != id || f.ed.Doc().Title != "Ceasefire “now”" {
		t.Errorf("after redo: open %d, title %q", f.ed.DocID(), f.ed.Doc().Title)
	}
}

func TestSetMetadataRefusesBadFieldsAndChangesNothing(t *testing.T) {
	f := newFixture(t, trickyText)
	title := f.ed.Doc().Title
	for name, meta := range map[string]annotate.Metadata{
		"empty title":    {Title: "  "},
		"ambiguous date": {Title: "T", Published: "03/05/2024"},
		"relative URL":   {Title: "T", URL: "news/a"},
	} {
		if err := f.ed.SetMetadata(meta); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	if f.ed.CanUndo() || f.ed.Doc().Title != title {
		t.Errorf("a refused edit left a step or changed the title to %q", f.ed.Doc().Title)
	}
}
