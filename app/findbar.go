package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
)

// findBar is Find in document (Ctrl+F): a strip above the article with a query
// field. Every match is marked as it is typed (case ignored), the current one is
// selected in the view, so a label's digit tags it at once, and Enter / Shift+Enter
// (or the arrows) step through them; Esc closes the bar and clears the marks.
type findBar struct {
	view    *docview.View
	focus   func() // gives the view the keyboard
	onMatch func(start, end int)

	field   *findField
	count   *widget.Label
	box     *fyne.Container
	matches []annotate.Range
	current int
}

func newFindBar(view *docview.View, focus func(), onMatch func(start, end int)) *findBar {
	b := &findBar{view: view, focus: focus, onMatch: onMatch, current: -1}
	b.field = newFindField(b)
	b.field.SetPlaceHolder("Find in document")
	b.field.OnChanged = func(string) { b.search() }
	b.count = widget.NewLabel("")
	b.count.Importance = widget.LowImportance
	prev := widget.NewButtonWithIcon("", theme.MoveUpIcon(), func() { b.step(-1) })
	next := widget.NewButtonWithIcon("", theme.MoveDownIcon(), func() { b.step(+1) })
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), b.close)
	prev.Importance, next.Importance, closeBtn.Importance = widget.LowImportance, widget.LowImportance, widget.LowImportance
	b.box = container.NewBorder(nil, nil, nil, container.NewHBox(b.count, prev, next, closeBtn), b.field)
	b.box.Hide()
	return b
}

func (b *findBar) build() fyne.CanvasObject { return b.box }

// open shows the bar with the focus in its field, taking a short one-line selection
// as the query.
func (b *findBar) open(c fyne.Canvas) {
	if start, end := b.view.Selection(); start < end && end-start <= 100 {
		if text := b.view.Slice(start, end); !strings.ContainsAny(text, "\r\n") {
			b.field.SetText(text)
		}
	}
	b.box.Show()
	b.search()
	if c != nil {
		c.Focus(b.field)
	}
}

// close hides the bar and its marks and gives the article the keyboard; the
// current match stays selected.
func (b *findBar) close() {
	b.box.Hide()
	b.matches, b.current = nil, -1
	b.view.SetFindMatches(nil, -1)
	b.focus()
}

// reset forgets the matches when another document is opened.
func (b *findBar) reset() {
	if b.box.Visible() {
		b.search()
	}
}

// search finds the query from the caret on and selects the first match there.
func (b *findBar) search() {
	query := b.field.Text
	b.matches = b.view.Find(query, annotate.FindOptions{IgnoreCase: true})
	b.current = -1
	if len(b.matches) > 0 {
		b.current = 0
		caret, _ := b.view.Selection()
		for i, m := range b.matches {
			if m.Start >= caret {
				b.current = i
				break
			}
		}
	}
	b.show()
}

// step moves to the next (+1) or previous (-1) match, wrapping around.
func (b *findBar) step(delta int) {
	if len(b.matches) == 0 {
		return
	}
	b.current = (b.current + delta + len(b.matches)) % len(b.matches)
	b.show()
}

func (b *findBar) show() {
	b.view.SetFindMatches(b.matches, b.current)
	switch {
	case strings.TrimSpace(b.field.Text) == "":
		b.count.SetText("")
	case len(b.matches) == 0:
		b.count.SetText("No matches")
	default:
		b.count.SetText(fmt.Sprintf("%d of %d", b.current+1, len(b.matches)))
		m := b.matches[b.current]
		b.view.Select(m.Start, m.End)
		b.onMatch(m.Start, m.End)
	}
}

// findField is the query field: Enter and Down go to the next match, Shift+Enter
// and Up to the previous, Esc closes the bar. A digit typed into it is text; to
// tag a match, press Tab or click the article (the match stays selected).
type findField struct {
	widget.Entry
	bar   *findBar
	shift bool
}

func newFindField(bar *findBar) *findField {
	f := &findField{bar: bar}
	f.ExtendBaseWidget(f)
	return f
}

// KeyDown tracks Shift for Shift+Enter.
func (f *findField) KeyDown(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		f.shift = true
	}
	f.Entry.KeyDown(ev)
}

// KeyUp tracks Shift for Shift+Enter.
func (f *findField) KeyUp(ev *fyne.KeyEvent) {
	if ev.Name == desktop.KeyShiftLeft || ev.Name == desktop.KeyShiftRight {
		f.shift = false
	}
	f.Entry.KeyUp(ev)
}

// TypedKey steps through matches and closes the bar; other keys edit the query.
func (f *findField) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		if f.shift {
			f.bar.step(-1)
		} else {
			f.bar.step(+1)
		}
	case fyne.KeyDown:
		f.bar.step(+1)
	case fyne.KeyUp:
		f.bar.step(-1)
	case fyne.KeyEscape:
		f.bar.close()
	case fyne.KeyTab:
		f.bar.focus()
	default:
		f.Entry.TypedKey(ev)
	}
}

// AcceptsTab keeps Tab in the field: it hands the keyboard to the article with the
// match selected, ready for a digit.
func (f *findField) AcceptsTab() bool { return true }
