package docview

import (
	"runtime"
	"time"
	"unicode"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
)

// The view takes focus, keys, mouse and wheel itself.
var (
	_ fyne.Focusable      = (*View)(nil)
	_ fyne.Tabbable       = (*View)(nil)
	_ fyne.Shortcutable   = (*View)(nil)
	_ fyne.Tappable       = (*View)(nil)
	_ fyne.DoubleTappable = (*View)(nil)
	_ fyne.Draggable      = (*View)(nil)
	_ fyne.Scrollable     = (*View)(nil)
	_ desktop.Keyable     = (*View)(nil)
	_ desktop.Mouseable   = (*View)(nil)
	_ desktop.Cursorable  = (*View)(nil)
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
	clicked   bool // MouseUp handled the click; the delayed Tapped must not repeat it
	active    bool // Dragged seen since the press
	scrollBar bool // the drag grabbed the scroll bar thumb
	grab      float32
	last      fyne.Position
	anim      *fyne.Animation
}

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
			v.userMove(v.wordLeft(v.caret), extend, false)
		case collapse:
			v.userMove(start, false, false)
		default:
			v.userMove(max(v.caret-1, 0), extend, false)
		}
	case fyne.KeyRight:
		switch {
		case word:
			v.userMove(v.wordRight(v.caret), extend, false)
		case collapse:
			v.userMove(end, false, false)
		default:
			v.userMove(min(v.caret+1, n), extend, false)
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

// MouseDown focuses the view and remembers the press for MouseUp.
func (v *View) MouseDown(ev *desktop.MouseEvent) {
	v.requestFocus()
	if ev.Button == desktop.MouseButtonPrimary {
		v.drag.pressed, v.drag.active = true, false
	}
}

// MouseUp performs the click at once: the GLFW driver delays Tapped by the
// double-tap wait when the widget is DoubleTappable.
func (v *View) MouseUp(ev *desktop.MouseEvent) {
	if ev.Button != desktop.MouseButtonPrimary || !v.drag.pressed {
		return
	}
	v.drag.pressed = false
	if v.drag.active {
		return
	}
	v.drag.clicked = true
	v.click(ev.Position, ev.Modifier&fyne.KeyModifierShift != 0)
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

// DoubleTapped selects the word under the pointer (or the single symbol).
func (v *View) DoubleTapped(ev *fyne.PointEvent) {
	v.requestFocus()
	v.drag.clicked = false
	i, ok := v.charAt(ev.Position)
	switch {
	case !ok || breakSpace(v.text[i]) || v.text[i] == '\n':
		offset := v.offsetAt(ev.Position)
		v.userSelect(offset, offset, false)
	case v.isWordAt(i):
		start, end := v.wordAround(i)
		v.userSelect(start, end, false)
	default:
		v.userSelect(i, i+1, false)
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
		} else {
			v.drag.scrollBar = false
			anchor := v.anchor
			if !v.keys.shift {
				anchor = v.offsetAt(origin)
			}
			v.userSelect(anchor, anchor, false)
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
	v.userSelect(v.anchor, v.offsetAt(ev.Position), false)
}

// DragEnd ends a drag selection.
func (v *View) DragEnd() {
	v.drag.active, v.drag.scrollBar, v.drag.pressed = false, false, false
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
	v.userSelect(v.anchor, v.offsetAt(v.drag.last), false)
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

// isWordAt reports whether the code point at i belongs to a word: letters,
// digits, marks, and apostrophes, hyphens and digit separators inside words
// (“don’t”, “Zaporizhzhia-based”, “1,200”).
func (v *View) isWordAt(i int) bool {
	c := v.text[i]
	if unicode.IsLetter(c) || unicode.IsDigit(c) || unicode.IsMark(c) || c == '_' {
		return true
	}
	if i == 0 || i+1 >= len(v.text) {
		return false
	}
	prev, next := v.text[i-1], v.text[i+1]
	switch c {
	case '\'', '’', '-', '‐':
		return isAlnum(prev) && isAlnum(next)
	case '.', ',':
		return unicode.IsDigit(prev) && unicode.IsDigit(next)
	}
	return false
}

func isAlnum(c rune) bool { return unicode.IsLetter(c) || unicode.IsDigit(c) }

// wordRight returns the end of the word at or after offset.
func (v *View) wordRight(offset int) int {
	n := len(v.text)
	for offset < n && !v.isWordAt(offset) {
		offset++
	}
	for offset < n && v.isWordAt(offset) {
		offset++
	}
	return offset
}

// wordLeft returns the start of the word at or before offset.
func (v *View) wordLeft(offset int) int {
	for offset > 0 && !v.isWordAt(offset-1) {
		offset--
	}
	for offset > 0 && v.isWordAt(offset-1) {
		offset--
	}
	return offset
}

// wordAround returns the word containing the code point at i.
func (v *View) wordAround(i int) (start, end int) {
	start, end = i, i+1
	for start > 0 && v.isWordAt(start-1) {
		start--
	}
	for end < len(v.text) && v.isWordAt(end) {
		end++
	}
	return start, end
}

func abs32(x float32) float32 {
	if x < 0 {
		return -x
	}
	return x
}
