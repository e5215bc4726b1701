package app

import (
	"strings"

	"fyne.io/fyne/v2"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

// metaDirection is the document metadata key that forces the direction of a
// document's paragraphs: "rtl" or "ltr"; without it each paragraph takes its
// direction from its first strong letter. It is a property of the text, like
// the language beside it: it travels with the document in exports (JSONL
// "meta", brat's DOC.json) and comes back with an import, it shows under
// Document information ▸ Other, and setting it is one undoable step.
const metaDirection = "direction"

// directionChoices are View ▸ Text direction's entries, in menu order.
var directionChoices = []struct {
	dir   docview.Direction
	label string
	value string // the metaDirection value; "" removes the key
}{
	{docview.DirectionAuto, "Automatic (from each paragraph's first letter)", ""},
	{docview.DirectionLTR, "Left to right", "ltr"},
	{docview.DirectionRTL, "Right to left", "rtl"},
}

// textDirection applies the open document's remembered direction to the view
// and changes it from the View menu.
type textDirection struct {
	ed          *editor.Editor
	view        *docview.View
	list        *annotationList // its snippets follow the document's direction
	strips      *layerStrips    // so do the curation view's annotator layers
	showError   func(error)
	refreshMenu func() // rebuilds the main menu so the check mark follows

	menuShows *menuState // what the menu's check marks last showed
}

// menuState is what View ▸ Text direction shows: a document open or not,
// and its direction.
type menuState struct {
	open bool
	dir  docview.Direction
}

// documentDirection reads a document's direction from its metadata.
func documentDirection(meta annotate.Metadata) docview.Direction {
	value, _ := meta.Extra[metaDirection].(string)
	switch strings.ToLower(strings.TrimSpace(value)) {
	case "rtl":
		return docview.DirectionRTL
	case "ltr":
		return docview.DirectionLTR
	}
	return docview.DirectionAuto
}

// current is the open document's direction (automatic with none open).
func (d *textDirection) current() docview.Direction {
	doc := d.ed.Doc()
	if doc == nil {
		return docview.DirectionAuto
	}
	return documentDirection(doc.Metadata())
}

// apply shows the open document in its direction; called when a document
// opens and when its metadata changes (a menu choice, its undo, Document
// information).
func (d *textDirection) apply() {
	d.view.SetDirection(d.current())
	if d.list != nil {
		d.list.setDirection(d.current())
	}
	if d.strips != nil {
		d.strips.setDirection(d.current())
	}
	// The menu is rebuilt only when its check marks change: opening the next
	// document of the same direction leaves it alone.
	now := menuState{open: d.ed.Doc() != nil, dir: d.current()}
	if d.refreshMenu != nil && (d.menuShows == nil || *d.menuShows != now) {
		d.refreshMenu()
	}
	d.menuShows = &now
}

// set remembers dir for the open document, as an undoable metadata change.
func (d *textDirection) set(dir docview.Direction) {
	doc := d.ed.Doc()
	if doc == nil || dir == d.current() {
		return
	}
	meta := doc.Metadata()
	extra := make(map[string]any, len(meta.Extra)+1)
	for k, v := range meta.Extra {
		extra[k] = v
	}
	delete(extra, metaDirection)
	for _, c := range directionChoices {
		if c.dir == dir && c.value != "" {
			extra[metaDirection] = c.value
		}
	}
	if len(extra) == 0 {
		extra = nil
	}
	meta.Extra = extra
	d.showError(d.ed.SetMetadata(meta))
}

// menuItem is View ▸ Text direction, with the open document's choice checked.
func (d *textDirection) menuItem() *fyne.MenuItem {
	current := d.current()
	items := make([]*fyne.MenuItem, 0, len(directionChoices))
	for _, c := range directionChoices {
		it := fyne.NewMenuItem(c.label, func() { d.set(c.dir) })
		it.Checked = c.dir == current
		it.Disabled = d.ed.Doc() == nil
		items = append(items, it)
	}
	parent := fyne.NewMenuItem("Text direction", nil)
	parent.ChildMenu = fyne.NewMenu("", items...)
	return parent
}
