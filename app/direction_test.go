package app

import (
	"testing"

	"fyne.io/fyne/v2"

	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

// directionItem returns View ▸ Text direction's entry whose label starts with prefix.
func directionItem(t *testing.T, w *Workbench, prefix string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.win.MainMenu().Items {
		for _, it := range m.Items {
			if m.Label != "View" || it.Label != "Text direction" {
				continue
			}
			for _, sub := range it.ChildMenu.Items {
				if len(sub.Label) >= len(prefix) && sub.Label[:len(prefix)] == prefix {
					return sub
				}
			}
		}
	}
	t.Fatalf("no View ▸ Text direction ▸ %s… item", prefix)
	return nil
}

func TestTextDirectionIsRememberedPerDocumentAndUndoable(t *testing.T) {
	// An English-led paragraph that quotes Hebrew: automatic makes it left to
	// right; a Hebrew article with an English first word needs forcing.
	first := "Reuters: ראש העירייה אמר שהישיבה נדחתה.\n"
	second := "Second document, English only.\n"
	f := newWBFixture(t, first, second)
	if got := f.w.view.Direction(); got != docview.DirectionAuto {
		t.Fatalf("a new document opens with direction %v, want automatic", got)
	}
	if !directionItem(t, f.w, "Automatic").Checked {
		t.Fatal("Automatic is not checked for a document without a direction")
	}

	directionItem(t, f.w, "Right to left").Action()
	if got := f.w.view.Direction(); got != docview.DirectionRTL {
		t.Fatalf("after Right to left the view's direction is %v", got)
	}
	if got := f.w.annotations.direction; got != docview.DirectionRTL {
		t.Fatalf("the annotation list's snippets are laid out %v, want right to left like the document", got)
	}
	if !directionItem(t, f.w, "Right to left").Checked || directionItem(t, f.w, "Automatic").Checked {
		t.Fatal("the check mark did not move to Right to left")
	}
	stored, err := f.db.Document(f.ctx, f.ids[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := stored.Metadata().Extra[metaDirection]; got != "rtl" {
		t.Fatalf("stored direction %v, want \"rtl\" in the document's metadata", got)
	}

	t.Run("another document keeps its own, and coming back restores it", func(t *testing.T) {
		f.w.openDocument(f.ids[1])
		if got := f.w.view.Direction(); got != docview.DirectionAuto {
			t.Fatalf("the second document opens with %v, want automatic", got)
		}
		f.w.openDocument(f.ids[0])
		if got := f.w.view.Direction(); got != docview.DirectionRTL {
			t.Fatalf("back on the first document the direction is %v, want right to left", got)
		}
	})

	t.Run("undo takes the choice back", func(t *testing.T) {
		f.w.onUndo()
		if got := f.w.view.Direction(); got != docview.DirectionAuto {
			t.Fatalf("after undo the direction is %v, want automatic", got)
		}
		stored, err := f.db.Document(f.ctx, f.ids[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := stored.Metadata().Extra[metaDirection]; ok {
			t.Fatalf("after undo the metadata still holds a direction: %v", stored.Metadata().Extra)
		}
		f.w.onRedo()
		if got := f.w.view.Direction(); got != docview.DirectionRTL {
			t.Fatalf("after redo the direction is %v, want right to left", got)
		}
	})

	t.Run("left to right replaces it and keeps other metadata", func(t *testing.T) {
		meta := f.w.ed.Doc().Metadata()
		meta.Extra = map[string]any{metaDirection: "rtl", "desk": "foreign"}
		if err := f.w.ed.SetMetadata(meta); err != nil {
			t.Fatal(err)
		}
		directionItem(t, f.w, "Left to right").Action()
		got := f.w.ed.Doc().Metadata().Extra
		if got[metaDirection] != "ltr" || got["desk"] != "foreign" || f.w.view.Direction() != docview.DirectionLTR {
			t.Fatalf("metadata %v, view %v: want ltr beside desk=foreign", got, f.w.view.Direction())
		}
	})
}

func TestCurationStripsFollowTheDocumentsDirection(t *testing.T) {
	f := curationWB(t)
	f.w.cur.setLayer(editor.Layer{Mode: editor.LayerCuration})
	strips := f.w.cur.strips
	if len(strips.strips) == 0 {
		t.Fatal("no annotator strips in the curation view")
	}
	directionItem(t, f.w, "Right to left").Action()
	for i, s := range strips.strips {
		if got := s.view.Direction(); got != docview.DirectionRTL {
			t.Fatalf("strip %d is laid out %v after Right to left, want it like the curated view", i, got)
		}
	}
	f.w.onUndo()
	for i, s := range strips.strips {
		if got := s.view.Direction(); got != docview.DirectionAuto {
			t.Fatalf("strip %d is laid out %v after undo, want automatic", i, got)
		}
	}
}
