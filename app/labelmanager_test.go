package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/newsmark/newsmark/annotate"
)

func (f *wbFixture) label(name string) (annotate.Label, bool) {
	f.t.Helper()
	labels, err := f.db.Labels(f.ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, l := range labels {
		if l.Name == name {
			return l, true
		}
	}
	return annotate.Label{}, false
}

func TestAddingALabelPutsItInThePaletteAndOnItsHotkey(t *testing.T) {
	f := newWBFixture(t, trickyText)
	if err := f.w.ed.AddLabel(annotate.Label{Name: "VICTIM", Color: "#882255", Hotkey: "6", Description: "Who was hurt"}); err != nil {
		t.Fatal(err)
	}
	if _, ok := f.label("VICTIM"); !ok {
		t.Fatal("VICTIM not stored")
	}
	if n := len(f.w.palette.box.Objects); n != 6 {
		t.Errorf("palette shows %d labels, want 6", n)
	}
	span := f.tagText("Ana Pavić", '6')
	if span.Label != "VICTIM" {
		t.Errorf("digit 6 tagged %s", span.Label)
	}
	if err := f.w.ed.AddLabel(annotate.Label{Name: "bad name", Color: "#56B4E9"}); err == nil {
		t.Error("a label name with a space was accepted")
	}
}

func TestRenamingALabelKeepsItsSpansAndUndo(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("“We will stay,”", '2')
	f.w.view.SelectHighlight(span.ID)
	f.w.view.OnTypedRune('1') // QUOTE → CLAIM, undoable
	quote, _ := f.label("QUOTE")
	renamed := quote
	renamed.Name = "CITATION"
	if err := f.w.ed.UpdateLabel(quote, renamed); err != nil {
		t.Fatal(err)
	}
	f.w.onUndo() // back to the renamed label
	got := f.spans(f.w.ed.DocID())
	if len(got) != 1 || got[0].Label != "CITATION" {
		t.Fatalf("after rename and undo: %+v, want CITATION", rows(got))
	}
}

func TestTakingAnotherLabelsHotkeySwapsThem(t *testing.T) {
	f := newWBFixture(t, trickyText)
	claim, _ := f.label("CLAIM")
	edited := claim
	edited.Hotkey = "2"
	if err := f.w.ed.UpdateLabel(claim, edited); err != nil {
		t.Fatal(err)
	}
	claim, _ = f.label("CLAIM")
	quote, _ := f.label("QUOTE")
	if claim.Hotkey != "2" || quote.Hotkey != "1" {
		t.Errorf("hotkeys CLAIM=%q QUOTE=%q, want 2 and 1", claim.Hotkey, quote.Hotkey)
	}
}

func TestReorderingLabelsMovesThemInThePalette(t *testing.T) {
	f := newWBFixture(t, trickyText)
	if err := f.w.ed.MoveLabel("CASUALTY", -1); err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, obj := range f.w.palette.box.Objects {
		names = append(names, obj.(*labelChip).label.Name)
	}
	if want := []string{"CLAIM", "QUOTE", "CASUALTY", "DEMAND", "SOURCE"}; !equalStrings(names, want) {
		t.Errorf("palette order = %v, want %v", names, want)
	}
}

func equalStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestDeletingALabelInUseAsksFirstAndSaysHowManySpansGo(t *testing.T) {
	f := newWBFixture(t, trickyText)
	f.tagText("“We will stay,”", '2')
	f.tagText("“Ceasefire”", '2')
	f.tagText("At least 14 civilians", '4')
	m := &labelManager{ed: f.w.ed, win: f.w.win, show: f.w.dialogs.show, showError: f.w.showError}
	m.build()
	m.onDelete("QUOTE")
	if _, ok := f.label("QUOTE"); !ok {
		t.Fatal("QUOTE deleted before the user confirmed")
	}
	if !overlayHasText(f.w.win, "used by 2 annotations") {
		t.Fatal("the confirmation does not say 2 annotations go")
	}
	tapOverlayButton(t, f.w.win, "Cancel")
	if _, ok := f.label("QUOTE"); !ok {
		t.Fatal("QUOTE deleted although the user cancelled")
	}
	m.onDelete("QUOTE")
	tapOverlayButton(t, f.w.win, "Delete")
	if _, ok := f.label("QUOTE"); ok {
		t.Fatal("QUOTE still stored after confirming")
	}
	got := f.spans(f.w.ed.DocID())
	if len(got) != 1 || got[0].Label != "CASUALTY" {
		t.Fatalf("spans left = %+v, want only the casualty", rows(got))
	}
	if len(f.w.ed.Spans()) != 1 || len(f.w.palette.box.Objects) != 4 {
		t.Errorf("screen not updated: %d spans, %d palette labels", len(f.w.ed.Spans()), len(f.w.palette.box.Objects))
	}
	// Undo steps about the deleted label are gone; the casualty can still be undone.
	f.w.onUndo()
	if got := f.spans(f.w.ed.DocID()); len(got) != 0 {
		t.Errorf("undo after label delete: %+v", rows(got))
	}
}

func TestAddLabelFormTakesTheNameAndSavesOnEnterOrCancelsOnEsc(t *testing.T) {
	f := newWBFixture(t, trickyText)
	showLabelManager(f.w.ed, f.w.win, f.w.dialogs.show, f.w.showError)
	m := &labelManager{ed: f.w.ed, win: f.w.win, show: f.w.dialogs.show, showError: f.w.showError}
	m.build()

	m.onAdd()
	box, ok := f.w.win.Canvas().Focused().(*escEntry)
	if !ok {
		t.Fatalf("the Add label form opens with the focus on %T, want the name field", f.w.win.Canvas().Focused())
	}
	box.onEscape()
	if _, ok := f.label("VICTIM"); ok {
		t.Fatal("Esc saved a label")
	}

	m.onAdd()
	box = f.w.win.Canvas().Focused().(*escEntry)
	test.Type(box, "VICTIM")
	box.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if _, ok := f.label("VICTIM"); !ok {
		t.Fatal("Enter in the name field did not save the label")
	}
}

func TestHotkeyTakeoverSaysWhatHappensToTheHolder(t *testing.T) {
	f := newWBFixture(t, trickyText)
	claim, _ := f.label("CLAIM") // key 1; QUOTE has 2
	cases := []struct {
		label annotate.Label
		key   string
		want  string
	}{
		{claim, "2", "QUOTE has key 2 now; it will get 1 instead."},
		{claim, "1", ""},        // its own key
		{claim, "7", ""},        // a free key
		{claim, hotkeyNone, ""}, // no key
		{annotate.Label{Name: "NEW"}, "3", "DEMAND has key 3 now; it will have no hotkey."},
	}
	for _, c := range cases {
		if got := hotkeyTakeover(f.w.ed.Labels(), c.label, c.key); got != c.want {
			t.Errorf("%s taking %q: note %q, want %q", c.label.Name, c.key, got, c.want)
		}
	}

	options := hotkeyOptions(f.w.ed.Labels())
	if want := []string{"none", "1 · CLAIM", "2 · QUOTE", "3 · DEMAND", "4 · CASUALTY", "5 · SOURCE", "6"}; !equalStrings(options[:7], want) {
		t.Errorf("hotkey choices %q, want %q…", options, want)
	}
	for option, key := range map[string]string{"none": "", "2 · QUOTE": "2", "7": "7"} {
		if got := hotkeyOfOption(option); got != key {
			t.Errorf("choice %q stands for key %q, want %q", option, got, key)
		}
	}

	// The note matches what saving does.
	edited := claim
	edited.Hotkey = "2"
	if err := f.w.ed.UpdateLabel(claim, edited); err != nil {
		t.Fatal(err)
	}
	if quote, _ := f.label("QUOTE"); quote.Hotkey != "1" {
		t.Errorf("after the swap QUOTE has key %q, the note promised 1", quote.Hotkey)
	}
	if err := f.w.ed.AddLabel(annotate.Label{Name: "NEW", Color: "#56B4E9", Hotkey: "3"}); err != nil {
		t.Fatal(err)
	}
	if demand, _ := f.label("DEMAND"); demand.Hotkey != "" {
		t.Errorf("after NEW took key 3, DEMAND has key %q, the note promised none", demand.Hotkey)
	}
}

func TestLabelFormWarnsWhenAColourIsTooFaintAsAHighlight(t *testing.T) {
	f := newWBFixture(t, trickyText)
	m := &labelManager{ed: f.w.ed, win: f.w.win, show: f.w.dialogs.show, showError: f.w.showError}
	form := m.newForm(annotate.Label{Name: "SOURCE", Color: "#009E73"})
	if !form.colourNote.Hidden {
		t.Fatalf("a default label colour is warned about: %q", form.colourNote.Text)
	}
	form.hex.SetText("#332288")
	if form.colourNote.Hidden || !strings.Contains(form.colourNote.Text, "too faint on the dark theme") {
		t.Fatalf("#332288 note = %q (hidden %v)", form.colourNote.Text, form.colourNote.Hidden)
	}
	form.hex.SetText("#FFFF99")
	if !strings.Contains(form.colourNote.Text, "too faint on the light theme") {
		t.Fatalf("pale yellow note = %q", form.colourNote.Text)
	}
}
