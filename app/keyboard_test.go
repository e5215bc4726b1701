package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// These tests drive the workbench as the GLFW driver does: key events go to the
// focused object, which must be the document view once a document is open.

func pressKey(f fyne.Focusable, name fyne.KeyName) {
	f.TypedKey(&fyne.KeyEvent{Name: name})
}

func TestTheViewHasTheFocusWhenADocumentOpens(t *testing.T) {
	f := newWBFixture(t, trickyText, "second\n")
	f.w.stepDocument(+1)
	if got := f.w.win.Canvas().Focused(); got != f.w.view {
		t.Fatalf("focused = %T, want the document view", got)
	}
}

func TestShiftArrowsThenADigitTagsThroughTheFocusedView(t *testing.T) {
	f := newWBFixture(t, trickyText)
	focused := f.w.win.Canvas().Focused()
	if focused != f.w.view {
		t.Fatalf("focused = %T, want the document view", focused)
	}
	keyable := focused.(desktop.Keyable)
	// Caret to the start of line 2 (after the emoji and CRLF, which the caret
	// crosses in one step: it is one grapheme cluster), then select 15 code
	// points: the quote with its curly marks.
	for range 32 {
		pressKey(focused, fyne.KeyRight)
	}
	keyable.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	for range 15 {
		pressKey(focused, fyne.KeyRight)
	}
	keyable.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	if got := f.w.status.selection.Text; got != "Selection 33–48 (15 chars)" {
		t.Fatalf("status = %q", got)
	}
	focused.TypedRune('2')
	got := rows(f.spans(f.w.ed.DocID()))
	want := []spanRow{{33, 48, "QUOTE", "“We will stay,”"}}
	if len(got) != 1 || got[0] != want[0] {
		t.Fatalf("stored %+v, want %+v", got, want)
	}
	// Tab reaches the new annotation; a digit relabels it; Delete removes it.
	pressKey(f.w.win.Canvas().Focused(), fyne.KeyTab)
	if f.w.annotations.selected == 0 {
		t.Fatalf("Tab did not select the annotation in the list")
	}
	f.w.win.Canvas().Focused().TypedRune('4')
	if got := rows(f.spans(f.w.ed.DocID())); len(got) != 1 || got[0].Label != "CASUALTY" {
		t.Fatalf("after relabel: %+v", got)
	}
	pressKey(f.w.win.Canvas().Focused(), fyne.KeyDelete)
	if got := f.spans(f.w.ed.DocID()); len(got) != 0 {
		t.Fatalf("after Delete: %+v", rows(got))
	}
}

func TestEscClosesADialogAndTheFocusReturnsToTheText(t *testing.T) {
	f := newWBFixture(t, trickyText)
	showShortcuts(f.w.win, f.w.dialogs.show)
	if f.w.win.Canvas().Overlays().Top() == nil {
		t.Fatal("no dialog shown")
	}
	f.w.onCanvasKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if top := f.w.win.Canvas().Overlays().Top(); top != nil {
		t.Fatalf("dialog still open after Esc: %T", top)
	}
	if got := f.w.win.Canvas().Focused(); got != f.w.view {
		t.Errorf("focused after the dialog = %T, want the document view", got)
	}
}

func TestCtrlZInATextFieldUndoesTypingNotAnnotations(t *testing.T) {
	f := newWBFixture(t, trickyText)
	f.tagText("“We will stay,”", '2')
	f.w.win.Canvas().Focus(f.w.library.filter)
	f.w.textFirst(&fyne.ShortcutUndo{}, f.w.onUndo)()
	if got := f.spans(f.w.ed.DocID()); len(got) != 1 {
		t.Fatalf("Ctrl+Z in the filter box undid an annotation: %d left", len(got))
	}
	f.w.focusView()
	f.w.textFirst(&fyne.ShortcutUndo{}, f.w.onUndo)()
	if got := f.spans(f.w.ed.DocID()); len(got) != 0 {
		t.Fatalf("Ctrl+Z in the text did not undo the annotation: %d left", len(got))
	}
	showShortcuts(f.w.win, f.w.dialogs.show)
	f.w.textFirst(&fyne.ShortcutRedo{}, f.w.onRedo)() // a dialog is open: annotations stay as they are
	if got := f.spans(f.w.ed.DocID()); len(got) != 0 {
		t.Fatalf("Ctrl+Shift+Z behind a dialog redid an annotation")
	}
}

// Ctrl pressed to open a dialog is released while the dialog has the keyboard;
// back in the document, Shift+Right must move by one character, not a word.
func TestModifierReleasedInADialogDoesNotStickInTheDocument(t *testing.T) {
	for name, open := range map[string]func(w *Workbench){
		"export": func(w *Workbench) { w.onExport() },
		"search": func(w *Workbench) { w.onFind() },
	} {
		t.Run(name, func(t *testing.T) {
			f := newWBFixture(t, "Harbour city talks")
			f.w.view.KeyDown(&fyne.KeyEvent{Name: desktop.KeyControlLeft})
			open(f.w)
			if name == "search" {
				f.w.search.Hide()
			} else {
				f.w.onCanvasKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
			}
			if got := f.w.win.Canvas().Focused(); got != f.w.view {
				t.Fatalf("focus on %T after closing, want the document", got)
			}
			f.w.view.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
			f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight})
			if start, end := f.w.view.Selection(); start != 0 || end != 1 {
				t.Errorf("Shift+Right selected %d–%d, want 0–1", start, end)
			}
		})
	}
}

// Fyne's entry swallows Esc and the window never sees it while a field has the
// focus, so each dialog's text fields pass Esc on themselves.
func TestEscInADialogTextFieldClosesTheDialog(t *testing.T) {
	esc := &fyne.KeyEvent{Name: fyne.KeyEscape}
	closed := func(t *testing.T, f *wbFixture, what string) {
		t.Helper()
		if top := f.w.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("Esc in %s left a dialog open: %T", what, top)
		}
	}
	t.Run("export", func(t *testing.T) {
		for _, field := range []string{"split", "seed", "destination"} {
			f := newWBFixture(t, trickyText)
			f.w.onExport()
			var entry *escEntry
			for _, o := range test.LaidOutObjects(f.w.win.Canvas().Overlays().Top()) {
				if e, ok := o.(*escEntry); ok {
					if (field == "split" && e.PlaceHolder != "" && strings.HasPrefix(e.PlaceHolder, "none")) ||
						(field == "seed" && e.Text == "1") ||
						(field == "destination" && strings.HasPrefix(e.PlaceHolder, "file or folder")) {
						entry = e
					}
				}
			}
			if entry == nil {
				t.Fatalf("no %s field in the export dialog", field)
			}
			f.w.win.Canvas().Focus(entry)
			entry.TypedKey(esc)
			closed(t, f, "the export dialog's "+field+" field")
		}
	})
	t.Run("import", func(t *testing.T) {
		f := newWBFixture(t, trickyText)
		f.w.imports.onImport()
		found := false
		for _, o := range test.LaidOutObjects(f.w.win.Canvas().Overlays().Top()) {
			if e, ok := o.(*escEntry); ok {
				found = true
				f.w.win.Canvas().Focus(e)
				e.TypedKey(esc)
				break
			}
		}
		if !found {
			t.Fatal("no annotator field in the import dialog")
		}
		closed(t, f, "the import dialog's annotator field")
	})
	t.Run("label form", func(t *testing.T) {
		f := newWBFixture(t, trickyText)
		m := &labelManager{ed: f.w.ed, win: f.w.win, show: f.w.dialogs.show, showError: f.w.showError}
		m.build()
		m.onAdd()
		var fields []*escEntry
		for _, o := range test.LaidOutObjects(f.w.win.Canvas().Overlays().Top()) {
			if e, ok := o.(*escEntry); ok {
				fields = append(fields, e)
			}
		}
		if len(fields) != 3 { // name, colour hex, guideline
			t.Fatalf("the label form has %d text fields, want 3", len(fields))
		}
		last := fields[2] // the multi-line guideline
		f.w.win.Canvas().Focus(last)
		last.TypedKey(esc)
		if top := f.w.win.Canvas().Overlays().Top(); top != nil {
			t.Errorf("Esc in the guideline field left the label form open: %T", top)
		}
	})
}
