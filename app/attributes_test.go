package app

import (
	"bytes"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
)

func TestTaggingACasualtyShowsItsParsedAttributesInTheForm(t *testing.T) {
	f := newWBFixture(t, trickyText)
	span := f.tagText("At least 14 civilians were killed", '4')
	if span.Attrs["count"].Number != 14 || span.Attrs["qualifier"].Text != "at least" || span.Attrs["kind"].Text != "killed" ||
		span.Attrs["group"].Text != "civilians" || span.Attrs.Confirmed() {
		t.Fatalf("stored attrs = %+v, want the parse, unconfirmed", span.Attrs)
	}
	f.w.selectSpan(span)
	count, ok := f.w.attrs.fields["count"].(*widget.Entry)
	if !ok || count.Text != "14" {
		t.Fatalf("count field = %#v", f.w.attrs.fields["count"])
	}
	if f.w.attrs.confirm == nil {
		t.Fatal("no Confirm button for parsed values")
	}
	// A word in the number field is refused; the field shows the stored value again.
	count.SetText("fourteen")
	count.OnSubmitted(count.Text)
	if got := f.w.attrs.fields["count"].(*widget.Entry).Text; got != "14" {
		t.Errorf("count field after a refused value shows %q", got)
	}
	if stored := f.spans(f.ids[0])[0]; stored.Attrs["count"].Number != 14 {
		t.Errorf("refused value stored: %+v", stored.Attrs)
	}
	// Choosing a kind confirms that value; Confirm confirms the rest; Ctrl+Z undoes.
	f.w.attrs.fields["kind"].(*widget.Select).SetSelected("dead")
	test.Tap(f.w.attrs.confirm)
	stored := f.spans(f.ids[0])[0]
	if stored.Attrs["kind"].Text != "dead" || !stored.Attrs.Confirmed() {
		t.Fatalf("after choosing and confirming: %+v", stored.Attrs)
	}
	f.w.onUndo()
	f.w.onUndo()
	if stored := f.spans(f.ids[0])[0]; stored.Attrs["kind"].Text != "killed" || stored.Attrs.Confirmed() {
		t.Errorf("after two undos: %+v", stored.Attrs)
	}
}

func TestLinkSourceWithTheKeyboard(t *testing.T) {
	f := newWBFixture(t, trickyText)
	quote := f.tagText("“We will stay,”", '2')
	f.w.selectSpan(quote)
	f.w.view.OnTypedRune('l')
	if f.w.links.head != quote.ID {
		t.Fatalf("L did not start linking (head %d)", f.w.links.head)
	}
	// Esc cancels without linking.
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if f.w.links.head != 0 {
		t.Fatal("Esc did not cancel linking")
	}
	f.w.selectSpan(quote)
	f.w.view.OnTypedRune('L')
	start := cp(t, trickyText, "Ana Pavić")
	f.w.view.Select(start-1, start+annotate.RuneLen("Ana Pavić")) // the space before is trimmed
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	spans := f.spans(f.ids[0])
	if len(spans) != 2 {
		t.Fatalf("spans = %+v", rows(spans))
	}
	var q, mention annotate.Span
	for _, s := range spans {
		if s.Label == "SOURCE" {
			mention = s
		} else {
			q = s
		}
	}
	if mention.Text != "Ana Pavić" || len(q.Links) != 1 || q.Links[0].Child != mention.ID || q.Attrs["source"].Text != "Ana Pavić" {
		t.Fatalf("after link source: quote %+v mention %+v", q, mention)
	}
	if links := f.w.view.Links(); len(links) != 1 || links[0].From != q.ID || links[0].To != mention.ID {
		t.Errorf("the view draws links %+v", links)
	}
	// The form lists the link; one Ctrl+Z takes the whole link-source back.
	f.w.selectSpan(q)
	if !strings.Contains(formText(f.w.attrs.body), "source mention (SOURCE_OF): Ana Pavić") {
		t.Errorf("form shows: %s", formText(f.w.attrs.body))
	}
	f.w.onUndo()
	if spans := f.spans(f.ids[0]); len(spans) != 1 || len(spans[0].Links) != 0 || spans[0].Attrs["source"].Text != "" {
		t.Errorf("after undo: %+v", spans)
	}
	if len(f.w.view.Links()) != 0 {
		t.Error("the view still draws the undone link")
	}
}

func TestSourceFieldCompletesKnownSources(t *testing.T) {
	f := newWBFixture(t, trickyText)
	if _, err := f.db.CreateSource(f.ctx, annotate.Source{Name: "Ana Pavić", Kind: annotate.SourcePerson, Aliases: []string{"the minister"}}); err != nil {
		t.Fatal(err)
	}
	quote := f.tagText("“We will stay,”", '2')
	f.w.selectSpan(quote)
	field := f.w.attrs.fields["source"].(*widget.SelectEntry)
	field.SetText("pav")
	if field.Entry.Text != "pav" {
		t.Fatal("typing did not reach the field")
	}
	field.OnSubmitted("the minister")
	stored := f.spans(f.ids[0])[0]
	if stored.Attrs["source"].Text != "Ana Pavić" {
		t.Errorf("source by alias stored as %q, want the source's name", stored.Attrs["source"].Text)
	}
}

func TestSourcesLedgerAndCasualtiesWindows(t *testing.T) {
	f := newWBFixture(t, trickyText)
	quote := f.tagText("“We will stay,”", '2')
	if _, err := f.w.ed.SetAttr(quote.ID, "source", annotate.SourceValue("Ana Pavić")); err != nil {
		t.Fatal(err)
	}
	claim := f.tagText("“Ceasefire” talks", '1')
	if _, err := f.w.ed.SetAttr(claim.ID, "source", annotate.SourceValue("Zed")); err != nil {
		t.Fatal(err)
	}
	f.tagText("At least 14 civilians were killed", '4')

	ledger, err := showSourcesLedger(f.w.app, f.db, f.w.links.jumpTo)
	if err != nil {
		t.Fatal(err)
	}
	shown := ledger.table.displayed()
	if len(shown) != 2 || shown[0][0] != "Ana Pavić" {
		t.Fatalf("ledger rows = %v", shown)
	}
	ledger.table.sortBy(0) // by name, A first
	ledger.table.sortBy(0) // again: Z first
	if got := ledger.table.displayed()[0][0]; got != "Zed" {
		t.Errorf("sorted by name descending, first = %q", got)
	}
	var csv bytes.Buffer
	if err := ledger.writeCSV(&csv); err != nil || !strings.HasPrefix(csv.String(), "Source,Kind,QUOTE,CLAIM,DEMAND,Total,Aliases\nZed,,0,1,0,1,\n") {
		t.Errorf("ledger CSV (%v):\n%s", err, csv.String())
	}
	// Opening a source lists its statements; choosing one opens it in the workbench.
	ledger.onSource(indexOf(ledger.entries, "Ana Pavić"))
	if len(ledger.statements) != 1 || ledger.statements[0].ID != quote.ID {
		t.Fatalf("statements = %+v", ledger.statements)
	}
	f.w.view.Select(0, 0)
	f.w.view.SelectHighlight(0)
	ledger.list.Select(0)
	if f.w.view.SelectedHighlight() != quote.ID {
		t.Errorf("choosing the statement selected highlight %d, want %d", f.w.view.SelectedHighlight(), quote.ID)
	}

	// Set a kind, then merge Zed into Ana Pavić: one source with both statements.
	ledger.onSource(indexOf(ledger.entries, "Zed"))
	ledger.kind.SetSelected("person")
	if src, err := f.db.FindSource(f.ctx, "Zed"); err != nil || src.Kind != annotate.SourcePerson {
		t.Errorf("kind after choosing person: %+v, %v", src, err)
	}
	if _, err := ledger.mergeInto("Zed", "ana pavić"); err != nil {
		t.Fatal(err)
	}
	if got := ledger.caption.Text; !strings.HasPrefix(got, "2 sources.") {
		t.Errorf("caption before the merge: %q", got)
	}
	ledger.reload("Ana Pavić")
	if shown := ledger.table.displayed(); len(shown) != 1 || shown[0][5] != "2" || shown[0][6] != "Zed" || len(ledger.statements) != 2 {
		t.Errorf("after merge: rows %v, statements %d", shown, len(ledger.statements))
	}
	if got := ledger.caption.Text; !strings.HasPrefix(got, "1 source.") {
		t.Errorf("caption after the merge: %q, want it to count the one source left", got)
	}

	cas, err := showCasualties(f.w.app, f.db, f.w.links.jumpTo)
	if err != nil {
		t.Fatal(err)
	}
	rows := cas.table.displayed()
	if len(rows) != 1 || rows[0][2] != "14" || rows[0][3] != "killed" || rows[0][4] != "at least" || rows[0][6] != "parsed" {
		t.Errorf("casualty rows = %v", rows)
	}

	// A label counted for the first time after the window opened gets its own
	// column on Refresh; the Total and Aliases columns stay under their headings.
	if _, err := f.db.DeclareAttribute(f.ctx, "CASUALTY", annotate.AttrDecl{Name: "source", Type: annotate.AttrSource}); err != nil {
		t.Fatal(err)
	}
	casualty := f.tagText("14 civilians", '4')
	if _, err := f.w.ed.SetAttr(casualty.ID, "source", annotate.SourceValue("Ana Pavić")); err != nil {
		t.Fatal(err)
	}
	if err := ledger.load(); err != nil {
		t.Fatal(err)
	}
	columns := strings.Join(ledger.table.columns, ",")
	if shown := ledger.table.displayed(); columns != "Source,Kind,QUOTE,CLAIM,DEMAND,CASUALTY,Total,Aliases" ||
		len(shown) != 1 || shown[0][5] != "1" || shown[0][6] != "3" || shown[0][7] != "Zed" || ledger.split.Leading != ledger.table.table {
		t.Errorf("after a CASUALTY was given a source: columns %s, rows %v", columns, shown)
	}
}

func indexOf(entries []annotate.LedgerEntry, name string) int {
	for i, e := range entries {
		if e.Source.Name == name {
			return i
		}
	}
	return -1
}

// formText gathers the labels' text in a container, for assertions.
func formText(c *fyne.Container) string {
	var b strings.Builder
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch x := o.(type) {
		case *widget.Label:
			b.WriteString(x.Text + "\n")
		case *docview.Line:
			b.WriteString(x.Text() + "\n")
		case *fyne.Container:
			for _, child := range x.Objects {
				walk(child)
			}
		}
	}
	walk(c)
	return b.String()
}

func TestSortedTableSortsNumbersAndKeepsEmptyCellsLast(t *testing.T) {
	test.NewTempApp(t)
	tb := newSortedTable([]string{"Name", "N"}, []bool{false, true}, nil, nil)
	tb.setRows([][]string{{"b", "9"}, {"a", ""}, {"c", "20–30"}, {"d", "100"}})
	tb.sortBy(1) // numbers: largest first
	var got []string
	for _, r := range tb.displayed() {
		got = append(got, r[0])
	}
	if strings.Join(got, "") != "dcba" {
		t.Errorf("descending by N: %v", got)
	}
	tb.sortBy(1)
	got = got[:0]
	for _, r := range tb.displayed() {
		got = append(got, r[0])
	}
	if strings.Join(got, "") != "bcda" {
		t.Errorf("ascending by N: %v (empty last)", got)
	}
}

func TestLabelAttributesDialogAddsAndRemovesDeclarations(t *testing.T) {
	f := newWBFixture(t, trickyText)
	d := showLabelAttrs(f.w.ed, f.w.win, f.w.dialogs.show, f.w.showError, "QUOTE")
	d.name.SetText("tone")
	d.typ.SetSelected("choice")
	d.options.SetText("neutral, hostile")
	d.onAdd()
	label, _ := f.w.ed.Label("QUOTE")
	if decl, ok := label.FindDecl("tone"); !ok || strings.Join(decl.Options, "|") != "neutral|hostile" {
		t.Fatalf("QUOTE attrs = %+v", label.Attrs)
	}
	// The form of a QUOTE now offers the choice.
	quote := f.tagText("“We will stay,”", '2')
	f.w.selectSpan(quote)
	if _, ok := f.w.attrs.fields["tone"].(*widget.Select); !ok {
		t.Fatalf("form fields: %v", f.w.attrs.fields)
	}
	// A choice without options is refused and nothing is declared.
	d.name.SetText("mood")
	d.options.SetText("")
	d.onAdd()
	if label, _ := f.w.ed.Label("QUOTE"); len(label.Attrs) != 2 {
		t.Errorf("a choice without options was declared: %+v", label.Attrs)
	}
	if _, err := f.w.ed.RemoveAttribute("QUOTE", "tone"); err != nil {
		t.Fatal(err)
	}
	if label, _ := f.w.ed.Label("QUOTE"); len(label.Attrs) != 1 {
		t.Errorf("after remove: %+v", label.Attrs)
	}
}

func TestLinkSourceToAnExistingMentionChosenByTab(t *testing.T) {
	f := newWBFixture(t, trickyText)
	mention := f.tagText("Ana Pavić", '5')
	claim := f.tagText("At least 14 civilians were killed", '1')
	f.w.selectSpan(claim)
	f.w.view.OnTypedRune('l')
	// The mention is reached as a highlight (Tab or a click), not by selecting text.
	f.w.view.SelectHighlight(mention.ID)
	f.w.view.Select(mention.Start, mention.End)
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	spans := f.spans(f.ids[0])
	if len(spans) != 2 {
		t.Fatalf("a second SOURCE span was made: %+v", rows(spans))
	}
	for _, s := range spans {
		if s.ID == claim.ID && (len(s.Links) != 1 || s.Links[0].Child != mention.ID || s.Attrs["source"].Text != "Ana Pavić") {
			t.Errorf("claim = %+v", s)
		}
	}
	// Enter without a selection while linking asks for one instead of linking.
	f.w.selectSpan(claim)
	f.w.view.OnTypedRune('l')
	f.w.view.Select(0, 0)
	f.w.view.SelectHighlight(0)
	f.w.view.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.w.links.head == 0 {
		t.Error("Enter with nothing selected ended link mode")
	}
}

func TestAnEmptySourcesLedgerSaysHowSourcesGetThere(t *testing.T) {
	f := newWBFixture(t, trickyText)
	ledger, err := showSourcesLedger(f.w.app, f.db, f.w.links.jumpTo)
	if err != nil {
		t.Fatal(err)
	}
	if got := ledger.caption.Text; !strings.HasPrefix(got, "No sources yet") || !strings.Contains(got, "Attributes panel") {
		t.Errorf("caption of an empty ledger: %q", got)
	}
}
