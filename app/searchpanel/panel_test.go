package searchpanel

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
	"github.com/newsmark/newsmark/app/internal/testdb"
)

// panelFixture is a search panel over a small index in a headless window.
type panelFixture struct {
	t      *testing.T
	win    fyne.Window
	engine *search.Engine
	panel  *Panel
	opened [][2]int64 // (doc, span) pairs handed to onOpen
	// uiQueue receives what the panel hands to the UI goroutine from its background
	// search. The headless driver would run it on the search's goroutine, racing the
	// test's own widget calls; here the test goroutine runs it, as the real UI
	// goroutine would.
	uiQueue chan func()
}

func newPanelFixture(t *testing.T) *panelFixture {
	t.Helper()
	test.NewTempApp(t)
	f := &panelFixture{t: t, engine: search.New()}
	base := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	spans := []struct {
		doc         int64
		title, text string
		label       string
	}{
		{1, "Frontline losses", "Western intelligence estimates that as many as 300 soldiers are dying every week around Bakhmut.", "CASUALTY"},
		{1, "Frontline losses", "Families of missing soldiers demanded weekly lists of prisoners.", "DEMAND"},
		{2, "IAEA warns", "“We will not allow Zaporizhzhia to become another Chernobyl,” the director said.", "QUOTE"},
		{2, "IAEA warns", "Shelling near the Zaporizhzhia plant cut the last power line.", "CLAIM"},
		{3, "Belgrade strike", "“The strike will continue until every worker is paid,” Dragana Pavić said. 😀", "QUOTE"},
		{3, "Belgrade strike", "Soldiers guarded the port while the week-long strike went on.", "CLAIM"},
	}
	for i, s := range spans {
		at := base.Add(time.Duration(i) * time.Minute)
		f.engine.Upsert(annotate.SpanRecord{
			Span: annotate.Span{ID: int64(100 + i), DocID: s.doc, Start: 0, End: annotate.RuneLen(s.text),
				Label: s.label, Text: s.text, Annotator: "ana", CreatedAt: at, UpdatedAt: at},
			DocTitle: s.title, DocStatus: annotate.StatusInProgress,
		})
	}
	labels := func() []annotate.Label {
		return []annotate.Label{
			{Name: "CLAIM", Color: "#4477AA"}, {Name: "QUOTE", Color: "#EE6677"},
			{Name: "DEMAND", Color: "#228833"}, {Name: "CASUALTY", Color: "#CCBB44"},
		}
	}
	f.panel = New(f.engine, labels, func(docID, spanID int64) {
		f.opened = append(f.opened, [2]int64{docID, spanID})
	})
	f.uiQueue = make(chan func(), 64)
	f.panel.do = func(fn func()) {
		select {
		case f.uiQueue <- fn:
		default: // a test that does not drain the queue relies on freshen instead
		}
	}
	f.win = test.NewTempWindow(t, widget.NewLabel("workbench"))
	f.win.Resize(fyne.NewSize(900, 700))
	return f
}

func (f *panelFixture) key(name fyne.KeyName) {
	f.t.Helper()
	focused, ok := f.win.Canvas().Focused().(*searchEntry)
	if !ok {
		f.t.Fatalf("the keyboard focus is on %T, want the search entry", f.win.Canvas().Focused())
	}
	focused.TypedKey(&fyne.KeyEvent{Name: name})
}

// shown returns the span IDs the list shows, in order.
func (f *panelFixture) shown() []int64 {
	f.panel.mu.Lock()
	defer f.panel.mu.Unlock()
	var ids []int64
	for _, r := range f.panel.results {
		ids = append(ids, r.Record.ID)
	}
	return ids
}

func TestSearchPanelTypeDownEnterOpensTheSecondResult(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	if _, ok := f.win.Canvas().Focused().(*searchEntry); !ok {
		t.Fatalf("after Show the focus is on %T, want the search entry", f.win.Canvas().Focused())
	}
	const query = "soldiers week"
	want := f.engine.Search(query, search.Options{})
	if len(want) < 2 {
		t.Fatalf("the fixture should give at least two results for %q, got %d", query, len(want))
	}
	test.Type(f.panel.entry, query)
	f.key(fyne.KeyDown)
	f.key(fyne.KeyEnter)

	if len(f.opened) != 1 {
		t.Fatalf("onOpen was called %d times, want once", len(f.opened))
	}
	if got, wantPair := f.opened[0], [2]int64{want[1].Record.DocID, want[1].Record.ID}; got != wantPair {
		t.Errorf("opened (doc, span) %v, want the second result %v (%q)", got, wantPair, want[1].Record.Text)
	}
	if f.panel.popup.Visible() {
		t.Error("the panel is still showing after Enter")
	}
}

func TestSearchPanelUpStopsAtTheFirstResultAndEnterOpensIt(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "zaporizhia chernobyl")
	f.key(fyne.KeyDown)
	f.key(fyne.KeyUp)
	f.key(fyne.KeyUp)
	f.key(fyne.KeyReturn)
	if len(f.opened) != 1 || f.opened[0] != [2]int64{2, 102} {
		t.Errorf("opened %v, want [[2 102]] (the Zaporizhzhia quote)", f.opened)
	}
}

func TestSearchPanelResultsFollowTypingAfterThePause(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "pavic")
	// The debounced search runs on its own goroutine and hands its results to the UI
	// goroutine; play that part until the list answers (no assertion on how long it
	// takes, only that it arrives). Results of the partial queries typed on the way
	// ("p", "pa", ...) are discarded as stale if they arrive at all.
	deadline := time.After(5 * time.Second)
	for waiting := true; waiting; {
		select {
		case fn := <-f.uiQueue:
			fn()
			if ids := f.shown(); len(ids) > 0 && ids[0] == 104 {
				waiting = false
			}
		case <-deadline:
			waiting = false
		}
	}
	if ids := f.shown(); len(ids) == 0 || ids[0] != 104 {
		t.Fatalf("after typing %q the list shows %v, want span 104 first", "pavic", ids)
	}
	if len(f.opened) != 0 {
		t.Errorf("typing opened %v", f.opened)
	}
}

func TestSearchPanelEmptyQueryListsRecentAndEscCloses(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	ids := f.shown()
	if len(ids) != 6 || ids[0] != 105 || ids[5] != 100 {
		t.Errorf("empty query lists %v, want all six spans newest first (105 ... 100)", ids)
	}
	f.key(fyne.KeyEscape)
	if f.panel.popup.Visible() {
		t.Error("Esc did not close the panel")
	}
	if len(f.opened) != 0 {
		t.Errorf("Esc opened %v", f.opened)
	}
	// Reopening shows the panel again with the focus in the entry, and a span added
	// meanwhile is listed.
	f.engine.Upsert(annotate.SpanRecord{Span: annotate.Span{ID: 200, DocID: 9, End: 5, Label: "CLAIM", Text: "fresh",
		UpdatedAt: time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)}, DocTitle: "New"})
	f.panel.Show(f.win)
	if !f.panel.popup.Visible() {
		t.Fatal("the panel did not reopen")
	}
	if ids := f.shown(); len(ids) == 0 || ids[0] != 200 {
		t.Errorf("after reopening the list shows %v, want the new span 200 first", ids)
	}
	f.key(fyne.KeyEnter)
	if len(f.opened) != 1 || f.opened[0] != [2]int64{9, 200} {
		t.Errorf("Enter on the recent list opened %v, want [[9 200]]", f.opened)
	}
}

func TestSearchPanelNoMatchesEnterDoesNothing(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "xqzwv")
	f.key(fyne.KeyDown)
	f.key(fyne.KeyEnter)
	if len(f.opened) != 0 {
		t.Errorf("Enter with no matches opened %v", f.opened)
	}
	if !f.panel.popup.Visible() {
		t.Error("Enter with no matches closed the panel")
	}
	if got := f.panel.status.Text; got != "No matches" {
		t.Errorf("status reads %q, want %q", got, "No matches")
	}
}

func TestHighlightSegmentsBoldTheMatchedCodePoints(t *testing.T) {
	cases := []struct {
		name     string
		text     string
		matched  []int
		window   int
		wantText string // the segments joined, bold parts in [brackets]
	}{
		{"non-ASCII before and inside the match", "“😀 Pavić”\r\nsaid", []int{3, 4, 5, 6, 7}, 100, "“😀 [Pavić]”  said"},
		{"scattered letters", "São Paulo", []int{0, 4}, 100, "[S]ão [P]aulo"},
		{"no match", "Müller", nil, 100, "Müller"},
		{"a long text is cut around the first match", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaZaporizhzhia bbbb",
			[]int{76, 77, 78}, 40, "…aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa[Zap]orizhzh…"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got := ""
			for _, seg := range highlightSegments(search.MakeSnippet("", c.text, "", c.matched, c.window).Parts) {
				ts := seg.(*widget.TextSegment)
				if ts.Style.TextStyle.Bold {
					got += "[" + ts.Text + "]"
				} else {
					got += ts.Text
				}
			}
			if got != c.wantText {
				t.Errorf("segments read %q, want %q", got, c.wantText)
			}
		})
	}
}

func TestSearchPanelRowsShowLabelColourTitleAndBoldMatch(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "pavic")
	f.panel.freshen()
	row := f.panel.newResultRow()
	f.panel.updateResultRow(0, row)
	parts := rowParts(row)
	if got := fmt.Sprint(parts.swatch.FillColor); got != fmt.Sprint(labelcolor.Parse("#EE6677")) {
		t.Errorf("swatch colour %s, want QUOTE's #EE6677", got)
	}
	if parts.caption.Text != "QUOTE · Belgrade strike" {
		t.Errorf("caption %q", parts.caption.Text)
	}
	bold := ""
	for _, seg := range parts.text.Segments {
		if ts := seg.(*widget.TextSegment); ts.Style.TextStyle.Bold {
			bold += ts.Text
			// On the selected row the list paints the primary colour behind
			// the text: a match in that colour would disappear.
			if ts.Style.ColorName != theme.ColorNameForeground {
				t.Errorf("match %q in colour %q, want the text colour", ts.Text, ts.Style.ColorName)
			}
		} else if ts.Style.ColorName != "" && ts.Style.ColorName != theme.ColorNameForeground {
			t.Errorf("unmatched %q in colour %q: the span text must read at full contrast", ts.Text, ts.Style.ColorName)
		}
	}
	if bold != "Pavić" {
		t.Errorf("bold text %q, want %q", bold, "Pavić")
	}
	if parts.caption.Importance != widget.LowImportance {
		t.Errorf("the caption is as strong as the span text above it")
	}
	if got := f.panel.status.Text; got != "1 match" {
		t.Errorf("status reads %q, want %q", got, "1 match")
	}
}

func TestSearchPanelDiscardsResultsOfAnOvertakenQuery(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "pavic")
	f.panel.freshen()
	before := f.shown()
	// Results computed for an older generation arrive late: they must not replace
	// the list.
	stale := f.engine.Search("zaporizhia", search.Options{})
	f.panel.apply(stale, f.panel.generation.Load()-1)
	if after := f.shown(); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("stale results replaced the list: %v, was %v", after, before)
	}
	// A background search for a query overtaken before it ran does nothing either.
	gen := f.panel.generation.Load()
	f.panel.generation.Add(1) // what newer typing does
	f.panel.runSearch("pavic", search.Options{}, gen)
	select {
	case fn := <-f.uiQueue:
		fn()
		t.Error("an overtaken search still handed results to the UI")
	default:
	}
	f.panel.Hide()
}

func TestSearchPanelReopensWithTheLastQuerySelected(t *testing.T) {
	f := newPanelFixture(t)
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "pavic")
	f.key(fyne.KeyEscape)
	f.panel.Show(f.win)
	if ids := f.shown(); len(ids) == 0 || ids[0] != 104 {
		t.Errorf("reopened with %q, the list shows %v, want span 104 first", f.panel.entry.Text, ids)
	}
	test.Type(f.panel.entry, "chernobyl")
	if f.panel.entry.Text != "chernobyl" {
		t.Fatalf("typing after reopening gave %q, want the old query replaced", f.panel.entry.Text)
	}
	f.key(fyne.KeyEnter)
	if len(f.opened) != 1 || f.opened[0] != [2]int64{2, 102} {
		t.Errorf("opened %v, want [[2 102]]", f.opened)
	}
}

func TestSearchPanelFiltersNarrowTheResults(t *testing.T) {
	f := newPanelFixture(t)
	// A second annotator on one span, so the annotator choice has something to do.
	rec := annotate.SpanRecord{
		Span: annotate.Span{ID: 200, DocID: 3, Start: 0, End: 14, Label: "CLAIM",
			Text: "Soldiers again", Annotator: "ben", CreatedAt: time.Now(), UpdatedAt: time.Now()},
		DocTitle: "Belgrade strike", DocStatus: annotate.StatusDone,
	}
	f.engine.Upsert(rec)
	f.engine.SetDocument(3, "Belgrade strike", annotate.StatusDone)
	open := int64(2)
	f.panel.CurrentDoc = func() int64 { return open }
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "soldiers")
	f.panel.freshen()
	if got := len(f.shown()); got < 3 {
		t.Fatalf("unfiltered: %d results for soldiers, want at least 3", got)
	}
	if got := f.panel.filters.annotator.Options; fmt.Sprint(got) != "[All annotators ana ben]" {
		t.Errorf("annotator choices %v", got)
	}

	check := func(what string, keep func(r search.Result) bool) {
		t.Helper()
		f.panel.mu.Lock()
		results := f.panel.results
		f.panel.mu.Unlock()
		if len(results) == 0 {
			t.Fatalf("%s: no results", what)
		}
		for _, r := range results {
			if !keep(r) {
				t.Errorf("%s: span %d (%s, doc %d, %s) should be filtered out", what, r.Record.ID, r.Record.Label, r.Record.DocID, r.Record.Annotator)
			}
		}
	}
	f.panel.filters.label.SetSelected("CLAIM")
	check("label CLAIM", func(r search.Result) bool { return r.Record.Label == "CLAIM" })
	f.panel.filters.annotator.SetSelected("ben")
	check("CLAIM by ben", func(r search.Result) bool { return r.Record.ID == 200 })
	if _, ok := f.win.Canvas().Focused().(*searchEntry); !ok {
		t.Errorf("after choosing a filter the focus is on %T, want the search entry", f.win.Canvas().Focused())
	}

	f.panel.filters.label.SetSelected(filterAllLabels)
	f.panel.filters.annotator.SetSelected(filterAnyone)
	f.panel.filters.documents.SetSelected("Done documents")
	check("done documents", func(r search.Result) bool { return r.Record.DocID == 3 })

	f.panel.entry.SetText("")
	f.panel.filters.documents.SetSelected(filterThisDocument)
	f.panel.freshen()
	check("this document, empty query", func(r search.Result) bool { return r.Record.DocID == open })

	// Reopening keeps the choices; a label that no longer exists falls back to all.
	f.panel.filters.label.SetSelected("DEMAND")
	f.panel.Hide()
	f.panel.labels = func() []annotate.Label { return []annotate.Label{{Name: "CLAIM", Color: "#4477AA"}} }
	f.panel.Show(f.win)
	if got := f.panel.filters.label.Selected; got != filterAllLabels {
		t.Errorf("after DEMAND was deleted the label choice is %q, want %q", got, filterAllLabels)
	}
	if got := f.panel.filters.documents.Selected; got != filterThisDocument {
		t.Errorf("the document choice was not kept: %q", got)
	}
}

// segmentText joins what a result row shows, marking the dim context [like this]
// and the bold matches *like this*.
func segmentText(segments []widget.RichTextSegment) string {
	var b strings.Builder
	for _, seg := range segments {
		ts := seg.(*widget.TextSegment)
		switch {
		case ts.Style.ColorName == theme.ColorNamePlaceHolder:
			b.WriteString("[" + ts.Text + "]")
		case ts.Style.TextStyle.Bold:
			b.WriteString("*" + ts.Text + "*")
		default:
			b.WriteString(ts.Text)
		}
	}
	return b.String()
}

func TestResultSegmentsShowTheSpanInItsContext(t *testing.T) {
	cases := []struct {
		name, before, text, after string
		matched                   []int
		want                      string
	}{
		{"short context on both sides, kept whole",
			"said: ", "“We stay,”", " the mayor\r\nsaid.", []int{4, 5, 6, 7},
			"[said: ]“We *stay*,”[ the mayor said.]"},
		{"cut context loses its partial word and says so",
			strings.Repeat("x", 40) + "ing officials said at least ", "14 civilians", " were killed on Tuesday in the harbour district of the city.", nil,
			"[…officials said at least ]14 civilians[ were killed on Tuesday in the harbour…]"},
		{"context of exactly the width is the whole rest of the document: no “…”",
			strings.Repeat("a", search.ContextWidth-6) + " said ", "this", "", nil,
			"[" + strings.Repeat("a", search.ContextWidth-6) + " said ]this"},
		{"no space between context and span stays joined",
			"(", "Pavić", ")", []int{0, 1, 2, 3, 4},
			"[(]*Pavić*[)]"},
		{"the start and end of the document give no context",
			"", "Ceasefire", "", []int{0},
			"*C*easefire"},
		{"a long span cut at its start gets no context before it",
			"before ", strings.Repeat("a", 150) + " Zaporizhzhia plant", " after", []int{151, 152},
			""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			// The panel reads search.ContextWidth+1 code points a side, as the
			// workbench asks the store for.
			fetch := search.ContextWidth + 1
			before := c.before
			if len([]rune(before)) > fetch {
				before = string([]rune(before)[len([]rune(before))-fetch:])
			}
			after := c.after
			if len([]rune(after)) > fetch {
				after = string([]rune(after)[:fetch])
			}
			got := segmentText(snippetSegments(search.MakeSnippet(before, c.text, after, c.matched, search.SnippetWindow)))
			if c.want == "" {
				if strings.HasPrefix(got, "[") || !strings.HasSuffix(got, "[ after]") {
					t.Errorf("got %q; want no context before the cut span and the context after it", got)
				}
				return
			}
			if got != c.want {
				t.Errorf("row reads\n%q\nwant\n%q", got, c.want)
			}
		})
	}
}

func TestSearchPanelRowsAskForContextOncePerSpan(t *testing.T) {
	f := newPanelFixture(t)
	asked := map[int64]int{}
	f.panel.Surroundings = func(rec annotate.SpanRecord) (string, string) {
		asked[rec.ID]++
		return "Reuters: ", " (AFP)"
	}
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "zaporizhia chernobyl")
	f.panel.freshen()
	row := f.panel.newResultRow()
	f.panel.updateResultRow(0, row)
	f.panel.updateResultRow(0, row)
	got := segmentText(rowParts(row).text.Segments)
	if !strings.HasPrefix(got, "[Reuters: ]“We will not allow") || !strings.HasSuffix(got, "[ (AFP)]") {
		t.Errorf("the first result reads %q, want it between its context", got)
	}
	if asked[102] != 1 {
		t.Errorf("context of span 102 read %d times, want once", asked[102])
	}
}

func TestStoreSurroundingsShowsContextFromTheDatabase(t *testing.T) {
	const text = "“Ceasefire” talks — it’s\u00a0over 😀\r\n" +
		"“We will stay,” said Ana Pavić.\r\n" +
		"At least 14 civilians were killed.\r\n"
	db, ids := testdb.Open(t, text)
	ctx := context.Background()
	start := strings.Index(text, "Ana Pavić")
	startCP := annotate.RuneLen(text[:start])
	if _, err := db.CreateSpan(ctx, annotate.Span{DocID: ids[0], Start: startCP, End: startCP + annotate.RuneLen("Ana Pavić"), Label: "QUOTE", Annotator: "ana"}); err != nil {
		t.Fatal(err)
	}
	test.NewTempApp(t)
	engine := search.New()
	if err := engine.Load(ctx, db.AllSpans(ctx)); err != nil {
		t.Fatal(err)
	}
	panel := New(engine, nil, func(int64, int64) {})
	panel.Surroundings = StoreSurroundings(db)
	panel.do = func(func()) {} // freshen below applies the results
	win := test.NewTempWindow(t, widget.NewLabel("workbench"))
	win.Resize(fyne.NewSize(900, 700))
	panel.Show(win)
	test.Type(panel.entry, "pavic")
	panel.freshen()
	row := panel.newResultRow()
	panel.updateResultRow(0, row)
	// 40 code points before the span, less the word they cut into; the line
	// break (CRLF) and the no-break space show as plain spaces on the row.
	if got, want := segmentText(rowParts(row).text.Segments), "[…— it’s over 😀 “We will stay,” said ]Ana *Pavić*[. At least 14 civilians were killed.]"; got != want {
		t.Errorf("result reads %q, want %q", got, want)
	}
}

func TestSearchPanelShowsArabicResultsThroughADocviewLine(t *testing.T) {
	f := newPanelFixture(t)
	const text = "قال المتحدث إن 25 شخصا قتلوا في القصف."
	f.engine.Upsert(annotate.SpanRecord{
		Span: annotate.Span{ID: 200, DocID: 4, Start: 0, End: annotate.RuneLen(text),
			Label: "CLAIM", Text: text, Annotator: "ana"},
		DocTitle: "غزة: وقف إطلاق النار 2024", DocStatus: annotate.StatusInProgress,
	})
	f.panel.Show(f.win)
	test.Type(f.panel.entry, "القصف")
	f.panel.freshen()
	if ids := f.shown(); len(ids) == 0 || ids[0] != 200 {
		t.Fatalf("results %v, want the Arabic span 200 first", ids)
	}
	row := f.panel.newResultRow()
	f.panel.updateResultRow(0, row)
	parts := rowParts(row)
	if parts.text.Visible() || !parts.line.Visible() {
		t.Fatalf("an Arabic result is shown by the RichText (visible %v), want the docview.Line", parts.text.Visible())
	}
	if parts.line.Text() != text {
		t.Fatalf("line reads %q, want %q", parts.line.Text(), text)
	}
	if parts.caption.Visible() || !parts.captionLine.Visible() || parts.captionLine.Text() != "CLAIM · \u2068غزة: وقف إطلاق النار 2024\u2069" { // the title isolated from our " · "
		t.Fatalf("caption: label visible %v, line visible %v reading %q", parts.caption.Visible(), parts.captionLine.Visible(), parts.captionLine.Text())
	}
	_, marks := snippetLine(search.MakeSnippet("", text, "", f.panel.results[0].Matched, search.SnippetWindow))
	matched := ""
	runes := []rune(text)
	for _, m := range marks[1:] {
		if !m.Strong {
			t.Fatalf("mark %+v after the span's is not strong", m)
		}
		matched += string(runes[m.Start:m.End])
	}
	if marks[0].Start != 0 || marks[0].End != len(runes) || matched != "القصف" {
		t.Fatalf("marks %+v: span mark and matched %q, want the whole span and القصف", marks, matched)
	}

	t.Run("an English result on the same row goes back to the RichText", func(t *testing.T) {
		f.panel.entry.SetText("pavic")
		f.panel.freshen()
		f.panel.updateResultRow(0, row)
		if !parts.text.Visible() || parts.line.Visible() || !parts.caption.Visible() || parts.captionLine.Visible() {
			t.Fatalf("English result: RichText visible %v, Line visible %v", parts.text.Visible(), parts.line.Visible())
		}
	})
}
