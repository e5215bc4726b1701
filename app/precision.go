package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
)

// precision holds the tagging tools that make a span land where it should: the
// per-label punctuation rule applied when tagging, resizing the selected span by
// keys or by its handles, the offer to resize an almost identical span instead of
// tagging a second one, and tagging all occurrences. It gets the narrow things it
// needs from the workbench.
type precision struct {
	ed         *editor.Editor
	view       *docview.View
	flash      func(string)
	selectSpan func(annotate.Span)
	showError  func(error)
	prefs      fyne.Preferences // holds prefOccurrencesEverywhere
	// offer is a pending "resize the existing span instead?" question.
	offer *resizeOffer
}

// resizeOffer is what R does while the question stands: move span to start–end.
type resizeOffer struct {
	spanID     int64
	label      string
	start, end int
}

// prefOccurrencesEverywhere makes Tag all occurrences search every document, not
// only the open one.
const prefOccurrencesEverywhere = "tagging.occurrencesEverywhere"

// everywhere reports the Tag all occurrences setting.
func (p *precision) everywhere() bool {
	return p.prefs != nil && p.prefs.BoolWithFallback(prefOccurrencesEverywhere, false)
}

// setEverywhere changes and remembers the Tag all occurrences setting.
func (p *precision) setEverywhere(on bool) { p.prefs.SetBool(prefOccurrencesEverywhere, on) }

// overlapOfferShare is how much of a new range must coincide with an existing span
// of the same label (intersection over union) before tagging asks first.
const overlapOfferShare = 0.8

// trimForLabel applies annotate.TrimForLabel to [start, end) of the open document.
func (p *precision) trimForLabel(start, end int, label string) (int, int) {
	offset, text := p.view.Paragraphs(start, end)
	s, e := annotate.TrimForLabel(text, start-offset, end-offset, label)
	return s + offset, e + offset
}

// offerResize asks, instead of tagging [start, end) with label, whether a span of
// that label that covers nearly the same text should be resized to it. It reports
// whether it asked; a second press of the same digit on the same range tags anyway.
func (p *precision) offerResize(start, end int, label string) bool {
	if o := p.offer; o != nil && o.label == label && o.start == start && o.end == end {
		p.offer = nil
		return false
	}
	p.offer = nil
	best, bestShare := annotate.Span{}, 0.0
	for _, s := range p.ed.Spans() {
		if s.Label != label || (s.Start == start && s.End == end) {
			continue
		}
		inter := min(end, s.End) - max(start, s.Start)
		union := max(end, s.End) - min(start, s.Start)
		if inter <= 0 || union <= 0 {
			continue
		}
		if share := float64(inter) / float64(union); share > overlapOfferShare && share > bestShare {
			best, bestShare = s, share
		}
	}
	if bestShare == 0 {
		return false
	}
	p.offer = &resizeOffer{spanID: best.ID, label: label, start: start, end: end}
	p.flash(fmt.Sprintf("This overlaps %s %d–%d by %.0f%%: press R to resize that span instead, or the digit again to tag anyway",
		label, best.Start, best.End, bestShare*100))
	return true
}

// onRune takes R while a resize offer stands; it reports whether it used the rune.
func (p *precision) onRune(r rune) bool {
	o := p.offer
	if o == nil || (r != 'r' && r != 'R') {
		return false
	}
	p.offer = nil
	if start, end := p.view.Selection(); start > o.end || end < o.start {
		return false // the selection moved on since the question
	}
	p.resize(o.spanID, o.start, o.end)
	return true
}

// resize moves a span of the open document and reports it in the status bar.
func (p *precision) resize(id int64, start, end int) {
	_, after, changed, err := p.ed.Resize(id, start, end)
	if annotate.ErrorCode(err) == annotate.ECONFLICT {
		p.flash("Not resized: " + err.Error())
		return
	}
	if err != nil {
		p.showError(err)
		return
	}
	if changed {
		p.flash(fmt.Sprintf("Resized %s to %d–%d", after.Label, after.Start, after.End))
	}
	p.selectSpan(after)
}

// resizeByWord moves one end of the selected span by a word: atEnd picks the end
// (Alt+Shift+Left/Right) or the start (Alt+Ctrl+Shift+Left/Right), forward the
// direction. The span keeps at least one word, and never starts or ends in white
// space.
func (p *precision) resizeByWord(id int64, atEnd, forward bool) {
	span, ok := p.ed.Span(id)
	if !ok {
		p.flash("Select an annotation first (click it or press Tab)")
		return
	}
	start, end := span.Start, span.End
	switch {
	case atEnd && forward:
		end = p.view.WordRight(end)
	case atEnd:
		end = p.view.WordLeft(end)
	case forward:
		start = p.view.WordRight(start)
	default:
		start = p.view.WordLeft(start)
	}
	offset, text := p.view.Paragraphs(min(start, span.Start), max(end, span.End))
	s, e := annotate.TrimSpace(text, start-offset, end-offset)
	start, end = s+offset, e+offset
	if start >= end {
		p.flash("A span keeps at least one word")
		return
	}
	p.resize(id, start, end)
}

// onTagOccurrences tags every other whole-word occurrence of the selected span's
// text in the document with its label (Edit ▸ Tag all occurrences).
func (p *precision) onTagOccurrences(id int64) {
	span, ok := p.ed.Span(id)
	if !ok {
		p.flash("Select an annotation first, then tag its other occurrences")
		return
	}
	everywhere := p.everywhere()
	made, err := p.ed.TagOccurrences(id, everywhere)
	if err != nil {
		p.showError(err)
	}
	switch len(made) {
	case 0:
		if err == nil {
			p.flash(fmt.Sprintf("No other untagged whole-word occurrence of “%s”", span.Text))
		}
	default:
		where := ""
		if everywhere {
			where = " in every document"
		}
		p.flash(fmt.Sprintf("Tagged %d more occurrences of “%s”%s as %s (Ctrl+Z undoes all)", len(made), span.Text, where, span.Label))
	}
	p.selectSpan(span)
}

// addResizeShortcuts puts the resize keys on the canvas (the document view passes
// shortcuts it does not use on): Alt+Shift+Left/Right move the selected span's end
// by a word, Alt+Ctrl+Shift+Left/Right (Cmd on macOS) its start.
func (p *precision) addResizeShortcuts(c fyne.Canvas, selected func() int64) {
	for _, k := range []struct {
		mod            fyne.KeyModifier
		key            fyne.KeyName
		atEnd, forward bool
	}{
		{fyne.KeyModifierAlt | fyne.KeyModifierShift, fyne.KeyRight, true, true},
		{fyne.KeyModifierAlt | fyne.KeyModifierShift, fyne.KeyLeft, true, false},
		{fyne.KeyModifierAlt | fyne.KeyModifierShift | fyne.KeyModifierShortcutDefault, fyne.KeyRight, false, true},
		{fyne.KeyModifierAlt | fyne.KeyModifierShift | fyne.KeyModifierShortcutDefault, fyne.KeyLeft, false, false},
	} {
		c.AddShortcut(&desktop.CustomShortcut{KeyName: k.key, Modifier: k.mod}, func(fyne.Shortcut) {
			p.resizeByWord(selected(), k.atEnd, k.forward)
		})
	}
}
