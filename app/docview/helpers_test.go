package docview

import (
	"strings"
	"testing"
	"unicode/utf8"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
)

// tricky holds every character class the view must get right: curly quotes,
// an apostrophe, an em dash, a no-break space, an emoji outside the BMP and CRLF.
const tricky = "Officials said “the plant is safe” — it’s 10\u00a0000 km away 😀 today.\r\n" +
	"Second line: “quoted” words.\r\nThird."

// newTestView shows text in a test window of the given size; the view has focus.
func newTestView(t testing.TB, text string, width, height float32) (*View, fyne.Window) {
	t.Helper()
	test.NewTempApp(t)
	v := New()
	v.SetText(text)
	w := test.NewTempWindow(t, v)
	w.Resize(fyne.NewSize(width, height))
	w.Canvas().Focus(v)
	return v, w
}

// at returns the code-point index of the n-th (0-based) occurrence of sub in s.
func at(t testing.TB, s, sub string, n int) int {
	t.Helper()
	from := 0
	for {
		i := strings.Index(s[from:], sub)
		if i < 0 {
			t.Fatalf("%q: occurrence %d of %q not found", s, n, sub)
		}
		if n == 0 {
			return utf8.RuneCountInString(s[:from+i])
		}
		n--
		from += i + len(sub)
	}
}

// charPoint returns the middle of the code point at offset in widget coordinates.
func charPoint(v *View, offset int) fyne.Position {
	v.ensureLayout()
	row := v.rowOf(offset)
	start, _ := v.rowRange(row)
	var x float32
	if g := v.rowGeometry(row); g != nil {
		x = v.padding() + g.left[offset-start] + g.adv[offset-start]/2
	} else {
		p := v.rowPrefix(row)
		x = v.padding() + (p[offset-start]+p[offset-start+1])/2
	}
	return fyne.NewPos(x, v.rowTop(row)-v.scrollY+v.textHeight/2)
}

// caretPoint returns the position of the caret offset (the boundary before the
// code point) in widget coordinates.
func caretPoint(v *View, offset int) fyne.Position {
	v.ensureLayout()
	row := v.rowOf(offset)
	return fyne.NewPos(v.padding()+v.xOf(row, offset), v.rowTop(row)-v.scrollY+v.textHeight/2)
}

// absolute converts a widget position to the canvas coordinates test.Drag and
// test.Scroll expect. The view is the window content, placed at the window
// padding; the test driver's AbsolutePositionForObject is off by the test
// canvas's (2,3) inset, so it is not used here.
func absolute(v *View, pos fyne.Position) fyne.Position {
	return v.Position().Add(pos)
}

// dragFromTo drags the way test.Drag can: one Dragged event at the end point
// whose Dragged delta leads back to the start.
func dragFromTo(w fyne.Window, v *View, from, to fyne.Position) {
	test.Drag(w.Canvas(), absolute(v, to), to.X-from.X, to.Y-from.Y)
}

func key(v *View, name fyne.KeyName) { v.TypedKey(&fyne.KeyEvent{Name: name}) }

func shiftKey(v *View, name fyne.KeyName) {
	v.KeyDown(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
	v.TypedKey(&fyne.KeyEvent{Name: name})
	v.KeyUp(&fyne.KeyEvent{Name: desktop.KeyShiftLeft})
}

// ctrlKey sends what the GLFW driver sends for Ctrl(+Shift)+key to a focused
// Shortcutable: a CustomShortcut.
func ctrlKey(v *View, name fyne.KeyName, shift bool) {
	mod := fyne.KeyModifierShortcutDefault
	if shift {
		mod |= fyne.KeyModifierShift
	}
	v.TypedShortcut(&desktop.CustomShortcut{KeyName: name, Modifier: mod})
}

func assertSelection(t *testing.T, v *View, start, end int) {
	t.Helper()
	if s, e := v.Selection(); s != start || e != end {
		t.Fatalf("selection = [%d,%d) %q, want [%d,%d) %q", s, e, string(v.text[s:e]), start, end, string(v.text[start:end]))
	}
}

// recorder counts callbacks.
type recorder struct {
	selections [][2]int
	highlights []int64
	runes      []rune
	deletes    int
	scrolls    []float32
}

func record(v *View) *recorder {
	r := &recorder{}
	v.OnSelectionChanged = func(s, e int) { r.selections = append(r.selections, [2]int{s, e}) }
	v.OnHighlightSelected = func(id int64) { r.highlights = append(r.highlights, id) }
	v.OnTypedRune = func(c rune) { r.runes = append(r.runes, c) }
	v.OnDelete = func() { r.deletes++ }
	v.OnScrolled = func(y float32) { r.scrolls = append(r.scrolls, y) }
	return r
}

// clickTimes presses and releases the primary button n times at pos, as the
// GLFW driver reports a quick multi-click, with the given modifiers.
func clickTimes(v *View, pos fyne.Position, n int, mod fyne.KeyModifier) {
	for range n {
		ev := &desktop.MouseEvent{PointEvent: fyne.PointEvent{Position: pos}, Button: desktop.MouseButtonPrimary, Modifier: mod}
		v.MouseDown(ev)
		v.MouseUp(ev)
		v.Tapped(&ev.PointEvent)
	}
}
