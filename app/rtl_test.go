package app

import (
	"context"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
	"github.com/newsmark/newsmark/app/internal/testdb"
)

// linePieces returns the texts a docview.Line draws, in drawing order, and
// their x positions.
func linePieces(l *docview.Line) (texts []string, xs []float32) {
	for _, o := range test.WidgetRenderer(l).Objects() {
		if t, ok := o.(*canvas.Text); ok {
			texts = append(texts, t.Text)
			xs = append(xs, t.Position().X)
		}
	}
	return texts, xs
}

func xOfPiece(l *docview.Line, text string) (float32, bool) {
	texts, xs := linePieces(l)
	for i, t := range texts {
		if t == text {
			return xs[i], true
		}
	}
	return 0, false
}

// TestListsShowArabicAndHebrewRightToLeft checks the library's titles and the
// annotation list's snippets: the first word of a right-to-left text is drawn
// right of the words after it, and a number inside it stays one piece.
func TestListsShowArabicAndHebrewRightToLeft(t *testing.T) {
	arabic := "قال المتحدث إن 25 شخصا قتلوا في القصف.\nوأضاف أن المحادثات ستستأنف."
	hebrew := "ראש העירייה אמר: שָׁלוֹם לכולם 2024.\nהישיבה נדחתה."
	f := newWBFixture(t, arabic, hebrew)
	span := f.tagText("المتحدث إن 25 شخصا", '1')

	t.Run("the library's titles", func(t *testing.T) {
		var titles []*docview.Line
		walkObjects(f.w.library.list, func(o fyne.CanvasObject) {
			if l, ok := o.(*docview.Line); ok && l.Visible() {
				titles = append(titles, l)
			}
		})
		found := 0
		for _, l := range titles {
			var first, later string
			switch l.Text() {
			case "قال المتحدث إن 25 شخصا قتلوا في القصف.":
				first, later = "قال", "المتحدث"
			case "ראש העירייה אמר: שָׁלוֹם לכולם 2024.":
				first, later = "ראש", "העירייה"
			default:
				continue
			}
			found++
			x0, ok0 := xOfPiece(l, first)
			x1, ok1 := xOfPiece(l, later)
			if !ok0 || !ok1 || x0 <= x1 {
				t.Errorf("title %q: %q at x=%v (%v), %q at x=%v (%v); want the first word on the right", l.Text(), first, x0, ok0, later, x1, ok1)
			}
		}
		if found != 2 {
			t.Fatalf("found %d of the 2 titles as docview.Lines", found)
		}
		// The open (Arabic) document's title is not bold: the bundled Arabic
		// font has no bold, and bold digits among regular letters look broken.
		for _, l := range titles {
			if l.Text() == "قال المتحدث إن 25 شخصا قتلوا في القصف." && l.TextStyle.Bold {
				t.Errorf("the open Arabic document's title is bold")
			}
		}
	})

	t.Run("the annotation list's snippet", func(t *testing.T) {
		var snippet *docview.Line
		walkObjects(f.w.annotations.list, func(o fyne.CanvasObject) {
			if l, ok := o.(*docview.Line); ok && l.Visible() && l.Text() == span.Text {
				snippet = l
			}
		})
		if snippet == nil {
			t.Fatalf("no docview.Line shows the span text %q", span.Text)
		}
		x0, _ := xOfPiece(snippet, "المتحدث")
		xNum, okNum := xOfPiece(snippet, "25")
		x1, _ := xOfPiece(snippet, "شخصا")
		if !okNum || !(x0 > xNum && xNum > x1) {
			t.Fatalf("snippet pieces at المتحدث %v, 25 %v, شخصا %v: want right to left", x0, xNum, x1)
		}
	})
}

func TestDocumentInfoShowsHowAnArabicTitleReads(t *testing.T) {
	f := newWBFixture(t, "قال المتحدث إن 25 شخصا قتلوا.\n")
	d := newDocInfo(f.w.ed, f.w.win, f.w.ed.Doc().Metadata(), f.w.ed.Doc().Source)
	if !d.titleReads.Visible() || d.titleReads.Text() != f.w.ed.Doc().Title {
		t.Fatalf("the Arabic title's reading is hidden (%v) or reads %q", d.titleReads.Visible(), d.titleReads.Text())
	}
	test.Type(d.title, " news")
	if d.titleReads.Text() != d.title.Text {
		t.Fatalf("the reading %q does not follow the entry %q", d.titleReads.Text(), d.title.Text)
	}
	d.title.SetText("An English title")
	if d.titleReads.Visible() {
		t.Fatal("an English title, which the entry shows right, still gets a reading")
	}
}

// visibleLines are the docview.Lines shown inside obj, by their text.
func visibleLines(obj fyne.CanvasObject) map[string]*docview.Line {
	lines := map[string]*docview.Line{}
	walkObjects(obj, func(o fyne.CanvasObject) {
		if l, ok := o.(*docview.Line); ok && l.Visible() {
			lines[l.Text()] = l
		}
	})
	return lines
}

// rightToLeft fails unless line draws each word of words left of the one before.
func rightToLeft(t *testing.T, what string, line *docview.Line, words ...string) {
	t.Helper()
	if line == nil {
		t.Errorf("%s: no docview.Line shows it", what)
		return
	}
	prev := float32(0)
	for i, w := range words {
		x, ok := xOfPiece(line, w)
		if !ok || (i > 0 && x >= prev) {
			texts, xs := linePieces(line)
			t.Errorf("%s: %q at x=%v (found %v) after x=%v; pieces %q at %v", what, w, x, ok, prev, texts, xs)
			return
		}
		prev = x
	}
}

// TestTablesShowArabicAndHebrewRightToLeft checks the Sources ledger's and the
// Casualties table's cells: an Arabic source name, a Hebrew title and the
// spans' text are drawn by docview.Lines with the first word on the right,
// while English and numeric cells keep Fyne's Label.
func TestTablesShowArabicAndHebrewRightToLeft(t *testing.T) {
	arabic := "قال المتحدث إن 25 شخصا قتلوا في القصف.\nوأضاف أن المحادثات ستستأنف."
	hebrew := "ראש העירייה אמר: שָׁלוֹם לכולם 2024.\nהישיבה נדחתה."
	f := newWBFixture(t, arabic, hebrew)
	quote := f.tagText("المتحدث إن 25 شخصا", '2')
	if _, err := f.w.ed.SetAttr(quote.ID, "source", annotate.SourceValue("وزارة الصحة الفلسطينية")); err != nil {
		t.Fatal(err)
	}
	f.tagText("25 شخصا قتلوا", '4')
	f.w.library.list.Select(1)
	if f.w.ed.Doc().Title != "ראש העירייה אמר: שָׁלוֹם לכולם 2024." {
		t.Fatalf("the Hebrew document did not open: %q", f.w.ed.Doc().Title)
	}
	f.tagText("העירייה אמר", '4')

	ledger, err := showSourcesLedger(f.w.app, f.db, f.w.links.jumpTo)
	if err != nil {
		t.Fatal(err)
	}
	lines := visibleLines(ledger.table.table)
	rightToLeft(t, "the ledger's Arabic source", lines["وزارة الصحة الفلسطينية"], "وزارة", "الصحة", "الفلسطينية")
	labels := 0
	walkObjects(ledger.table.table, func(o fyne.CanvasObject) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && l.Text == "1" {
			labels++
		}
	})
	if labels == 0 {
		t.Error("the ledger's counts are no longer drawn by Labels")
	}
	ledger.onSource(0)
	if !ledger.heading.Line.Visible() || !strings.Contains(ledger.heading.Text(), "وزارة الصحة الفلسطينية") {
		t.Errorf("the statements' heading %q is not drawn by a docview.Line", ledger.heading.Text())
	}
	// The name is isolated: the count after it stays after it, on its right.
	rightToLeft(t, "the heading's source name", ledger.heading.Line, "وزارة", "الصحة", "الفلسطينية")
	xName, _ := xOfPiece(ledger.heading.Line, "وزارة")
	if xCount, ok := xOfPiece(ledger.heading.Line, "(1):"); !ok || xCount <= xName {
		texts, xs := linePieces(ledger.heading.Line)
		t.Errorf("the heading's count is not right of the name: pieces %q at %v", texts, xs)
	}

	cas, err := showCasualties(f.w.app, f.db, f.w.links.jumpTo)
	if err != nil {
		t.Fatal(err)
	}
	lines = visibleLines(cas.table.table)
	rightToLeft(t, "the casualty's Arabic text", lines["25 شخصا قتلوا"], "شخصا", "قتلوا")
	rightToLeft(t, "the casualty's Hebrew text", lines["העירייה אמר"], "העירייה", "אמר")
	var title *docview.Line
	for text, l := range lines {
		if strings.HasPrefix(text, "ראש") {
			title = l
		}
	}
	rightToLeft(t, "the casualty's Hebrew title", title, "ראש", "העירייה")
}

// TestSuggestionRowsShowAnArabicSourceAndTextRightToLeft checks the
// suggestions panel: the proposed source's name sits after the label, whole,
// and the span's text reads right to left; an English row keeps its Labels.
func TestSuggestionRowsShowAnArabicSourceAndTextRightToLeft(t *testing.T) {
	f := newWBFixture(t, "قال المتحدث إن 25 شخصا قتلوا في القصف.\n")
	p := f.w.sugs.panel
	p.setSuggestions([]annotate.StoredSuggestion{
		{DocID: f.ids[0], Start: 4, End: 22, Label: "QUOTE", Text: "المتحدث إن 25 شخصا", Rule: "QUOTE: test", Source: "وزارة الصحة", MentionStart: -1},
		{DocID: f.ids[0], Start: 0, End: 3, Label: "CLAIM", Text: "At least 14", Rule: "CLAIM: test", MentionStart: -1},
	}, labelcolor.Of(f.w.ed.Labels()), "")
	arabic := f.panelRow(0)
	if !arabic.title.Line.Visible() || arabic.title.Label.Visible() {
		t.Fatalf("the title %q with an Arabic source is not drawn by a docview.Line", arabic.title.Text())
	}
	x, okLabel := xOfPiece(arabic.title.Line, "QUOTE")
	x0, ok0 := xOfPiece(arabic.title.Line, "وزارة")
	x1, ok1 := xOfPiece(arabic.title.Line, "الصحة")
	if !okLabel || !ok0 || !ok1 || !(x < x1 && x1 < x0) {
		t.Errorf("title pieces QUOTE %v, وزارة %v, الصحة %v: want the label first, then the name right to left", x, x0, x1)
	}
	rightToLeft(t, "the suggestion's Arabic text", arabic.snippet.Line, "المتحدث", "25", "شخصا")
	english := f.panelRow(1)
	if !english.snippet.Label.Visible() || english.snippet.Line.Visible() || english.snippet.Label.Text != "At least 14" {
		t.Errorf("an English suggestion is not drawn by its Label (%q)", english.snippet.Text())
	}
}

// TestOverviewFigureListShowsAnArabicTitleAndTextRightToLeft checks the list
// beside the casualties chart.
func TestOverviewFigureListShowsAnArabicTitleAndTextRightToLeft(t *testing.T) {
	text := "قال المتحدث إن 25 شخصا قتلوا في القصف."
	db, ids := testdb.Open(t, text)
	ctx := context.Background()
	figure, err := db.CreateSpan(ctx, annotate.Span{DocID: ids[0], Start: 15, End: 28, Label: "CASUALTY", Annotator: "ana"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetSpanAttr(ctx, figure.ID, "count", annotate.NumberValue(25), "ana"); err != nil {
		t.Fatal(err)
	}
	o := openOverview(t, db)
	o.tabs.SelectIndex(3)
	o.win.Resize(fyne.NewSize(1000, 600))
	o.figureList.Refresh()
	lines := visibleLines(o.figureList)
	rightToLeft(t, "the figure's words", lines["“25 شخصا قتلوا”"], "شخصا", "قتلوا")
	var head *docview.Line
	for s, l := range lines {
		if strings.Contains(s, "· killed 25 ·") || strings.Contains(s, " 25 · ") {
			head = l
		}
	}
	if head == nil {
		t.Fatalf("no docview.Line shows the figure's head; lines %q", keys(lines))
	}
	rightToLeft(t, "the figure's title", head, "المتحدث", "إن")
}

func keys(m map[string]*docview.Line) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

// TestLabelManagerShowsAnArabicGuidelineRightToLeft checks the guideline
// under a label's name in Labels ▸ Manage labels.
func TestLabelManagerShowsAnArabicGuidelineRightToLeft(t *testing.T) {
	f := newWBFixture(t, trickyText)
	if err := f.w.ed.AddLabel(annotate.Label{Name: "VICTIM", Color: "#882255", Hotkey: "6", Description: "من أصيب في 3 هجمات"}); err != nil {
		t.Fatal(err)
	}
	m := showLabelManager(f.w.ed, f.w.win, f.w.dialogs.show, f.w.showError)
	rightToLeft(t, "the Arabic guideline", visibleLines(m.rows)["من أصيب في 3 هجمات"], "من", "أصيب", "3", "هجمات")
}
