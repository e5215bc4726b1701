package docview

import (
	"runtime"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/newsmark/newsmark/annotate"
)

// The view takes focus, keys, mouse and wheel itself.
var (
	_ fyne.Focusable     = (*View)(nil)
	_ fyne.Tabbable      = (*View)(nil)
	_ fyne.Shortcutable  = (*View)(nil)
	_ fyne.Tappable      = (*View)(nil)
	_ fyne.Draggable     = (*View)(nil)
	_ fyne.Scrollable    = (*View)(nil)
	_ desktop.Keyable    = (*View)(nil)
	_ desktop.Mouseable  = (*View)(nil)
	_ desktop.Cursorable = (*View)(nil)
)

// modifierKeys tracks modifiers from KeyDown/KeyUp: the GLFW driver delivers
// Shift+arrow as a plain TypedKey, so the view must know Shift is held.
type modifierKeys struct{ shift, ctrl, alt, super bool }

// wordModifier reports whether the platform's word-move modifier is held
// (Ctrl; Cmd on macOS, where Option also moves by word).
func (k modifierKeys) wordModifier() bool {
	if runtime.GOOS == "darwin" {
		return k.super || k.alt
	}
	return k.ctrl
}

// dragState follows one press-drag-release gesture.
type dragState struct {
	pressed   bool // a primary MouseDown not yet released
	clicked   bool // MouseUp handled the click; the Tapped after it must not repeat it
	active    bool // Dragged seen since the press
	scrollBar bool // the drag grabbed the scroll bar thumb
	exact     bool // Alt was held at the press: select exact characters
	origin    int  // offset where the selection drag started
	grab      float32
	last      fyne.Position
	anim      *fyne.Animation
	handle    handleDrag
}

// clickState counts the presses of a multi-click: the view counts them itself
// (it is not DoubleTappable, so the driver neither delays a click by the
// double-tap wait nor takes a click and a quick Shift+click for a double-click).
type clickState struct {
	count int // 1 click, 2 word, 3 sentence, 4 paragraph
	at    time.Time
	pos   fyne.Position
	multi bool // this press selected a word, sentence or paragraph
}

// multiClickSlop is how far, in pixels, the presses of a multi-click may lie apart.
const multiClickSlop = 5

// FocusGained is called when the view gains keyboard focus.
func (v *View) FocusGained() {
	v.focused = true
	v.keys = modifierKeys{}
	v.Refresh()
}

// FocusLost is called when the view loses keyboard focus.
func (v *View) FocusLost() {
	v.focused = false
	v.keys = modifierKeys{}
	v.Refresh()
}

// AcceptsTab keeps Tab in the view: it moves between highlights.
func (v *View) AcceptsTab() bool { return true }

// Cursor shows the text cursor over the document.
func (v *View) Cursor() desktop.Cursor { return desktop.TextCursor }

func (v *View) requestFocus() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil && c.Focused() != fyne.Focusable(v) {
		c.Focus(v)
	}
}

// KeyDown tracks modifier keys.
func (v *View) KeyDown(ev *fyne.KeyEvent) { v.trackModifier(ev.Name, true) }

// KeyUp tracks modifier keys.
func (v *View) KeyUp(ev *fyne.KeyEvent) { v.trackModifier(ev.Name, false) }

func (v *View) trackModifier(name fyne.KeyName, down bool) {
	switch name {
	case desktop.KeyShiftLeft, desktop.KeyShiftRight:
		v.keys.shift = down
	case desktop.KeyControlLeft, desktop.KeyControlRight:
		v.keys.ctrl = down
	case desktop.KeyAltLeft, desktop.KeyAltRight:
		v.keys.alt = down
	case desktop.KeySuperLeft, desktop.KeySuperRight:
		v.keys.super = down
	}
}

// TypedRune hands text input (label digits) to OnTypedRune.
func (v *View) TypedRune(r rune) {
	if v.OnTypedRune != nil {
		v.OnTypedRune(r)
	}
}

// TypedKey moves the caret and selection. Under the GLFW driver keys pressed
// with Ctrl (Cmd) arrive as shortcuts instead (see TypedShortcut); the tracked
// modifiers cover drivers that deliver them here.
func (v *View) TypedKey(ev *fyne.KeyEvent) {
	if v.OnKey != nil && v.OnKey(ev.Name) {
		return
	}
	v.moveKey(ev.Name, v.keys.shift, v.keys.wordModifier())
}

// moveKey performs a navigation key; it reports whether the key was one.
func (v *View) moveKey(name fyne.KeyName, extend, word bool) bool {
	v.ensureLayout()
	n := len(v.text)
	start, end := v.Selection()
	collapse := !extend && start != end
	switch name {
	case fyne.KeyLeft:
		switch {
		case word:
			v.userMove(annotate.WordLeft(v.text, v.caret), extend, false)
		case collapse:
			v.userMove(start, false, false)
		default:
			v.userMove(prevGrapheme(v.text, v.caret), extend, false)
		}
	case fyne.KeyRight:
		switch {
		case word:
			v.userMove(annotate.WordRight(v.text, v.caret), extend, false)
		case collapse:
			v.userMove(end, false, false)
		default:
			v.userMove(nextGrapheme(v.text, v.caret), extend, false)
		}
	case fyne.KeyUp:
		v.userMove(v.rowsAway(-1), extend, true)
	case fyne.KeyDown:
		v.userMove(v.rowsAway(1), extend, true)
	case fyne.KeyPageUp, fyne.KeyPageDown:
		rows := max(int(v.Size().Height/v.rowHeight)-1, 1)
		if name == fyne.KeyPageUp {
			rows = -rows
		}
		v.reveal = revealRequest{}
		v.scrollY += float32(rows) * v.rowHeight
		v.clampScroll()
		v.userMove(v.rowsAway(rows), extend, true)
	case fyne.KeyHome:
		if word {
			v.userMove(0, extend, false)
		} else {
			v.userMove(int(v.rows[v.rowOf(v.caret)]), extend, false)
		}
	case fyne.KeyEnd:
		if word {
			v.userMove(n, extend, false)
		} else {
			v.userMove(v.rowCaretEnd(v.rowOf(v.caret)), extend, false)
		}
	case fyne.KeyTab:
		if i := v.nextHighlight(!v.keys.shift); i >= 0 {
			v.userSelectHighlight(i)
		}
	case fyne.KeyEscape:
		v.userClear()
	case fyne.KeyDelete, fyne.KeyBackspace:
		if v.OnDelete != nil {
			v.OnDelete()
		}
	default:
		return false
	}
	return true
}

// TypedShortcut handles Ctrl(+Shift)+Left/Right/Home/End (which the GLFW
// driver sends as shortcuts to a focused Shortcutable), Copy and Select all.
// Anything else goes on to the window's own shortcuts: main-menu shortcuts are
// matched by the driver before the focused widget, and forwarding keeps
// shortcuts registered on the canvas working while the view has focus.
func (v *View) TypedShortcut(s fyne.Shortcut) {
	switch sc := s.(type) {
	case *desktop.CustomShortcut:
		extend := sc.Modifier&fyne.KeyModifierShift != 0
		rest := sc.Modifier &^ fyne.KeyModifierShift
		word := rest == fyne.KeyModifierShortcutDefault || (runtime.GOOS == "darwin" && rest == fyne.KeyModifierAlt)
		if word {
			switch sc.KeyName {
			case fyne.KeyLeft, fyne.KeyRight, fyne.KeyHome, fyne.KeyEnd:
				v.moveKey(sc.KeyName, extend, true)
				return
			}
		}
	case *fyne.ShortcutCopy:
		if start, end := v.Selection(); start < end {
			clip := sc.Clipboard
			if clip == nil {
				clip = fyne.CurrentApp().Clipboard()
			}
			clip.SetContent(string(v.text[start:end]))
		}
		return
	case *fyne.ShortcutSelectAll:
		v.userSelect(0, len(v.text), false)
		return
	}
	if c := fyne.CurrentApp().Driver().CanvasForObject(v); c != nil {
		if handler, ok := c.(fyne.Shortcutable); ok {
			handler.TypedShortcut(s)
		}
	}
}

// rowsAway returns the offset delta rows up (<0) or down from the caret at the
// remembered x; beyond the first or last row it goes to the start or end.
func (v *View) rowsAway(delta int) int {
	row := v.rowOf(v.caret)
	if v.goalX < 0 {
		v.goalX = v.xOf(row, v.caret)
	}
	target := row + delta
	switch {
	case target < 0:
		return 0
	case target >= len(v.rows):
		return len(v.text)
	}
	return v.offsetInRow(target, v.goalX)
}

// userMove moves the caret to offset, extending the selection or not, keeping
// the remembered x for vertical moves only.
func (v *View) userMove(offset int, extend, vertical bool) {
	anchor := v.anchor
	if !extend {
		anchor = offset
	}
	goal := v.goalX
	v.userSelect(anchor, offset, true)
	if vertical {
		v.goalX = goal
	}
}

// userSelect sets the selection on behalf of the user: it scrolls the caret
// into view if asked, drops the highlight outline if the range left it, and
// fires the callbacks for what changed.
func (v *View) userSelect(anchor, caret int, reveal bool) {
	n := len(v.text)
	oldStart, oldEnd := v.Selection()
	v.reveal = revealRequest{}
	v.anchor, v.caret, v.goalX = clamp(anchor, 0, n), clamp(caret, 0, n), -1
	dropped := v.unselectHighlightIfMoved()
	if reveal {
		v.scrollIntoView(v.caret, false)
	}
	v.Refresh()
	if dropped && v.OnHighlightSelected != nil {
		v.OnHighlightSelected(0)
	}
	if start, end := v.Selection(); (start != oldStart || end != oldEnd) && v.OnSelectionChanged != nil {
		v.OnSelectionChanged(start, end)
	}
}

// userSelectHighlight selects highlights[i] on behalf of the user.
func (v *View) userSelectHighlight(i int) {
	h := v.highlights[i]
	oldStart, oldEnd := v.Selection()
	v.reveal = revealRequest{}
	changed := v.selected != h.ID
	v.selected = h.ID
	v.anchor, v.caret, v.goalX = h.Start, h.End, -1
	v.scrollIntoView(h.Start, true)
	v.Refresh()
	if changed && v.OnHighlightSelected != nil {
		v.OnHighlightSelected(h.ID)
	}
	if (h.Start != oldStart || h.End != oldEnd) && v.OnSelectionChanged != nil {
		v.OnSelectionChanged(h.Start, h.End)
	}
}

// userClear is Esc: no selection (the caret stays), no selected highlight.
func (v *View) userClear() {
	hadHighlight := v.selected != 0
	v.selected = 0
	v.userSelect(v.caret, v.caret, false)
	if hadHighlight && v.OnHighlightSelected != nil {
		v.OnHighlightSelected(0)
	}
}

// MouseDown focuses the view, counts multi-clicks and remembers the press for
// MouseUp. A second press selects the word, a third the sentence, a fourth the
// paragraph, at once; a press with Shift is always a single click.
func (v *View) MouseDown(ev *desktop.MouseEvent) {
	v.requestFocus()
	if ev.Button != desktop.MouseButtonPrimary {
		return
	}
	v.drag.pressed, v.drag.active = true, false
	v.drag.exact = ev.Modifier&fyne.KeyModifierAlt != 0
	now := time.Now()
	near := abs32(ev.Position.X-v.clicks.pos.X) <= multiClickSlop && abs32(ev.Position.Y-v.clicks.pos.Y) <= multiClickSlop
	if ev.Modifier&fyne.KeyModifierShift == 0 && v.clicks.count > 0 && near && now.Sub(v.clicks.at) <= v.doubleClickDelay() {
		v.clicks.count = min(v.clicks.count+1, 4)
	} else {
		v.clicks.count = 1
	}
	v.clicks.at, v.clicks.pos = now, ev.Position
	v.clicks.multi = v.clicks.count > 1
	if v.clicks.multi {
		v.multiClick(ev.Position, v.clicks.count)
	}
}

func (v *View) doubleClickDelay() time.Duration {
	if d := fyne.CurrentApp().Driver().DoubleTapDelay(); d > 0 {
		return d
	}
	return 300 * time.Millisecond
}

// MouseUp performs a single click at once.
func (v *View) MouseUp(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary || !v.drag.pressed {
		return
	}
	v.drag.pressed = false
	if v.drag.active {
		return
	}
	v.drag.clicked = true
	if !v.clicks.multi {
		v.click(ev.Position, ev.Modifier&fyne.KeyModifierShift != 0)
	}
}

// Tapped performs a click unless MouseUp already did (drivers without mouse
// events, and the test driver, send only Tapped).
func (v *View) Tapped(ev *fyne.PointEvent) {
	v.requestFocus()
	if v.drag.clicked {
		v.drag.clicked = false
		return
	}
	v.click(ev.Position, v.keys.shift)
}

// click: Shift extends the selection; on a highlight it selects the innermost
// one (a second click on the selected highlight places the caret, so spans can
// be nested); elsewhere it places the caret.
func (v *View) click(pos fyne.Position, extend bool) {
	if extend {
		v.userSelect(v.anchor, v.offsetAt(pos), false)
		return
	}
	if i, ok := v.charAt(pos); ok {
		if h := v.innermostAt(i); h >= 0 && v.highlights[h].ID != v.selected {
			v.userSelectHighlight(h)
			return
		}
	}
	offset := v.offsetAt(pos)
	v.userSelect(offset, offset, false)
}

// multiClick selects what the count-th press at pos takes: the word (or the
// single symbol) under the pointer, its sentence, its paragraph. On white space
// a double-click places the caret.
func (v *View) multiClick(pos fyne.Position, count int) {
	v.ensureLayout()
	i, onChar := v.charAt(pos)
	if !onChar {
		i = min(v.offsetAt(pos), max(len(v.text)-1, 0))
	}
	var r annotate.Range
	switch count {
	case 2:
		word, isWord := annotate.WordAt(v.text, i)
		if !onChar || !isWord {
			offset := v.offsetAt(pos)
			word = annotate.Range{Start: offset, End: offset}
		}
		r = word
	case 3:
		r = annotate.SentenceAt(v.text, i)
	default:
		r = annotate.ParagraphAt(v.text, i)
	}
	v.userSelect(r.Start, r.End, false)
}

// exactSelection reports whether a mouse selection takes exact characters
// instead of snapping to words: ExactSelection is set or Alt is held.
func (v *View) exactSelection() bool {
	return v.ExactSelection || v.drag.exact || v.keys.alt
}

// dragSelect selects from the drag's origin to offset, snapped outward to whole
// words unless exactSelection; the caret stays on the pointer's side.
func (v *View) dragSelect(offset int) {
	anchor, caret := v.drag.origin, offset
	start, end := min(anchor, caret), max(anchor, caret)
	if v.exactSelection() {
		// Exact, but never a piece of a grapheme cluster.
		start, end = snapToGraphemes(v.text, start, end)
	} else if s, e := annotate.SnapToWords(v.text, start, end); s < e {
		start, end = s, e
	}
	if caret >= anchor {
		v.userSelect(start, end, false)
	} else {
		v.userSelect(end, start, false)
	}
}

// Dragged selects from where the drag started to the pointer, or moves the
// scroll bar thumb when the drag started on it. The origin comes from the
// first event (Position - Dragged): the test driver sends no MouseDown.
func (v *View) Dragged(ev *fyne.DragEvent) {
	v.ensureLayout()
	if !v.drag.active {
		v.drag.active = true
		origin := ev.Position.Subtract(ev.Dragged)
		thumbTop, thumbHeight, hasBar := v.thumb()
		if hasBar && origin.X >= v.Size().Width-1.5*v.scrollBarWidth() {
			v.drag.scrollBar = true
			if origin.Y >= thumbTop && origin.Y <= thumbTop+thumbHeight {
				v.drag.grab = origin.Y - thumbTop
			} else {
				v.drag.grab = thumbHeight / 2
			}
		} else if v.startHandleDrag(origin) {
			v.drag.scrollBar = false
		} else {
			v.drag.scrollBar = false
			v.drag.origin = v.anchor
			if !v.keys.shift {
				v.drag.origin = v.offsetAt(origin)
				v.userSelect(v.drag.origin, v.drag.origin, false)
			}
		}
	}
	v.drag.last = ev.Position
	if v.drag.scrollBar {
		_, thumbHeight, _ := v.thumb()
		track := v.Size().Height - thumbHeight
		if track > 0 {
			v.userScroll((ev.Position.Y - v.drag.grab) / track * v.maxScroll())
		}
		return
	}
	if over := v.overshoot(); over != 0 {
		v.userScroll(v.scrollY + over)
		v.startAutoScroll()
	}
	if v.drag.handle.active {
		v.dragHandleTo(v.offsetAt(ev.Position))
		return
	}
	v.dragSelect(v.offsetAt(ev.Position))
}

// DragEnd ends a drag selection, or a handle drag by reporting the new range.
func (v *View) DragEnd() {
	if v.drag.handle.active {
		v.endHandleDrag()
	}
	v.drag.active, v.drag.scrollBar, v.drag.pressed, v.drag.exact = false, false, false, false
	if v.drag.anim != nil {
		v.drag.anim.Stop()
		v.drag.anim = nil
	}
}

// overshoot is how far the dragging pointer is above (<0) or below (>0) the view.
func (v *View) overshoot() float32 {
	y := v.drag.last.Y
	switch {
	case y < 0:
		return y
	case y > v.Size().Height:
		return y - v.Size().Height
	}
	return 0
}

// startAutoScroll keeps scrolling while the pointer rests past an edge during a
// drag: the driver sends Dragged only when the pointer moves.
func (v *View) startAutoScroll() {
	if v.drag.anim != nil {
		return
	}
	v.drag.anim = fyne.NewAnimation(time.Second, func(float32) { v.autoScrollTick() })
	v.drag.anim.RepeatCount = fyne.AnimationRepeatForever
	v.drag.anim.Curve = fyne.AnimationLinear
	v.drag.anim.Start()
}

func (v *View) autoScrollTick() {
	over := v.overshoot()
	if !v.drag.active || v.drag.scrollBar || over == 0 {
		return
	}
	step := min(max(abs32(over)/3, 2), 3*v.rowHeight)
	if over < 0 {
		step = -step
	}
	v.userScroll(v.scrollY + step)
	if v.drag.handle.active {
		v.dragHandleTo(v.offsetAt(v.drag.last))
		return
	}
	v.dragSelect(v.offsetAt(v.drag.last))
}

// Scrolled scrolls by the wheel or touchpad delta.
func (v *View) Scrolled(ev *fyne.ScrollEvent) {
	v.ensureLayout()
	v.userScroll(v.scrollY - ev.Scrolled.DY)
}

// userScroll scrolls to y on behalf of the user and fires OnScrolled.
func (v *View) userScroll(y float32) {
	v.reveal = revealRequest{}
	old := v.scrollY
	v.scrollY = y
	v.clampScroll()
	if v.scrollY == old {
		return
	}
	v.Refresh()
	if v.OnScrolled != nil {
		v.OnScrolled(v.scrollY)
	}
}

// thumb returns the scroll bar thumb's top and height, and whether there is one.
func (v *View) thumb() (top, height float32, ok bool) {
	total, view := v.contentHeight(), v.Size().Height
	if total <= view || view <= 0 {
		return 0, 0, false
	}
	height = max(view*view/total, minThumbHeight)
	return v.scrollY / v.maxScroll() * (view - height), height, true
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
