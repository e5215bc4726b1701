package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/suggest"
	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/editor"
	"github.com/newsmark/newsmark/app/internal/labelcolor"
)

// suggestionKeys drives the open document's suggestions (issue 12): draws them
// dashed in the view, counts them in the status bar, and takes N / P (next,
// previous), A or Enter (accept the one under the caret), X (reject it) and
// Shift+A (accept all, after asking).
// Outside the curation view only, which has its own N and A; and it takes a
// key only when there is a suggestion to act on, so the keys do nothing new in a
// document without suggestions.
type suggestionKeys struct {
	ed         *editor.Editor
	view       *docview.View
	flash      func(string)
	showLeft   func(n int) // the status bar's "N suggestions left"
	selectSpan func(annotate.Span)
	showError  func(error)
	focusView  func()
	// showSelection updates the status bar after a key moves the selection.
	showSelection func(start, end int)
	win           fyne.Window  // for Shift+A's confirmation
	dialogs       *dialogStack // Esc closes it
	// panel lists the suggestions beside the annotations (nil: none); its rows
	// act through show, acceptAt and rejectAt, the keys' own steps.
	panel *suggestionPanel
}

// ruleSuggestions is the editor's Options.Suggest: the built-in rules and the
// user's patterns (nil for none).
func ruleSuggestions(patterns *suggest.Patterns) func(text string) []annotate.StoredSuggestion {
	suggester := suggest.New(patterns)
	return func(text string) []annotate.StoredSuggestion {
		found := suggester.Suggest(text)
		out := make([]annotate.StoredSuggestion, len(found))
		for i, sug := range found {
			out[i] = sug.Stored(0)
		}
		return out
	}
}

// active says whether suggestions are shown: a document is open, the layer on
// screen can be edited and it is not the curation view.
func (s *suggestionKeys) active() bool {
	return s.ed.Doc() != nil && s.ed.ReadOnly() == "" && s.ed.Layer().Mode != editor.LayerCuration
}

// refresh redraws the suggestions and their count.
func (s *suggestionKeys) refresh() {
	var list []annotate.StoredSuggestion
	if s.active() {
		list = s.ed.Suggestions()
	}
	colors := labelcolor.Of(s.ed.Labels())
	hs := make([]docview.Highlight, len(list))
	for i, sug := range list {
		hs[i] = docview.Highlight{Start: sug.Start, End: sug.End, Color: colors.Get(sug.Label), Label: sug.Label}
	}
	s.view.SetSuggestions(hs)
	s.showLeft(len(list))
	if s.panel != nil {
		hint := noSuggestionsHint
		switch {
		case s.ed.Doc() == nil:
			hint = suggestionsNoDocumentHint
		case !s.active():
			hint = suggestionsHiddenHint
		}
		s.panel.setSuggestions(list, colors, hint)
		s.panel.setSelected(s.underCaret())
	}
}

// onRune takes n, p, a and x when they have a suggestion to act on.
func (s *suggestionKeys) onRune(r rune) bool {
	if !s.active() || len(s.ed.Suggestions()) == 0 {
		return false
	}
	switch r {
	case 'n', 'N':
		s.step(+1)
	case 'p', 'P':
		s.step(-1)
	case 'a':
		return s.accept()
	case 'A':
		s.askAcceptAll()
	case 'x', 'X':
		return s.reject()
	default:
		return false
	}
	return true
}

// onKey takes Enter when the caret is in a suggestion.
func (s *suggestionKeys) onKey(name fyne.KeyName) bool {
	if name != fyne.KeyReturn && name != fyne.KeyEnter || !s.active() {
		return false
	}
	return s.accept()
}

// onCaret names the rule (and source) of the suggestion a click or arrow key
// puts the caret in, so the reader knows what A or X would act on.
func (s *suggestionKeys) onCaret(start, end int) {
	if !s.active() {
		return
	}
	i := s.underCaret()
	if s.panel != nil {
		s.panel.setSelected(i)
	}
	if start != end {
		return
	}
	if i >= 0 {
		sug := s.ed.Suggestions()[i]
		s.flash(fmt.Sprintf("%s suggestion: %s%s — A or Enter accepts, X rejects", sug.Label, sug.Rule, sourceNote(sug.Source)))
	}
}

// underCaret is the suggestion the selection lies in: the one with exactly its
// range, else the shortest one holding it; -1 for none.
func (s *suggestionKeys) underCaret() int {
	start, end := s.view.Selection()
	best := -1
	list := s.ed.Suggestions()
	for i, sug := range list {
		if sug.Start == start && sug.End == end {
			return i
		}
		inside := sug.Start <= start && end <= sug.End && (start < sug.End || start == end && start == sug.Start)
		if inside && (best < 0 || sug.End-sug.Start < list[best].End-list[best].Start) {
			best = i
		}
	}
	return best
}

// step selects the next (+1) or previous (-1) suggestion after or before the
// caret, wrapping around, and says which rule made it.
func (s *suggestionKeys) step(dir int) {
	list := s.ed.Suggestions()
	start, end := s.view.Selection()
	i := -1
	if dir > 0 {
		for k, sug := range list {
			if sug.Start > start || sug.Start == start && sug.End < end {
				i = k
				break
			}
		}
		if i < 0 {
			i = 0
		}
	} else {
		for k := len(list) - 1; k >= 0; k-- {
			if sug := list[k]; sug.Start < start || sug.Start == start && sug.End > end {
				i = k
				break
			}
		}
		if i < 0 {
			i = len(list) - 1
		}
	}
	s.show(i)
}

// show selects suggestion i of the editor's list, scrolls to it, gives the view
// the keyboard and says which rule made it.
func (s *suggestionKeys) show(i int) {
	list := s.ed.Suggestions()
	if i < 0 || i >= len(list) {
		return
	}
	sug := list[i]
	s.view.Select(sug.Start, sug.End)
	s.view.ScrollToOffset(sug.Start)
	s.showSelection(sug.Start, sug.End)
	if s.panel != nil {
		s.panel.setSelected(i)
	}
	s.focusView()
	s.flash(fmt.Sprintf("Suggestion %d of %d: %s%s — A or Enter accepts, X rejects", i+1, len(list), sug.Rule, sourceNote(sug.Source)))
}

// markRow marks in the panel the suggestion the selection now lies in.
func (s *suggestionKeys) markRow() {
	if s.panel != nil {
		s.panel.setSelected(s.underCaret())
	}
}

func sourceNote(source string) string {
	if source == "" {
		return ""
	}
	return ", source " + strings.Join(strings.Fields(source), " ")
}

// accept tags the suggestion under the caret; false when there is none.
func (s *suggestionKeys) accept() bool {
	i := s.underCaret()
	if i < 0 {
		return false
	}
	s.acceptAt(i)
	return true
}

// acceptAt tags suggestion i of the editor's list (one undoable step) and
// selects the new span.
func (s *suggestionKeys) acceptAt(i int) {
	span, err := s.ed.AcceptSuggestion(i)
	if err != nil {
		s.showError(err)
		return
	}
	s.selectSpan(span)
	s.markRow()
	s.flash(fmt.Sprintf("Accepted %s%s (%s undoes)", span.Label, sourceNote(span.Attrs["source"].Text), platformKeys("Ctrl+Z")))
}

// askAcceptAll asks, then accepts every suggestion of the document as one
// undoable step.
func (s *suggestionKeys) askAcceptAll() {
	n := len(s.ed.Suggestions())
	confirm := dialog.NewConfirm("Accept all suggestions",
		fmt.Sprintf("Tag all %s of this document as proposed?\n%s takes them back in one step.", plural(n, "suggestion"), platformKeys("Ctrl+Z")),
		func(ok bool) {
			if ok {
				s.acceptAll()
			}
		}, s.win)
	confirm.SetConfirmText("Accept all")
	confirm.SetDismissText("Cancel")
	s.dialogs.show(confirm)
}

func (s *suggestionKeys) acceptAll() {
	n, err := s.ed.AcceptAllSuggestions()
	if err != nil {
		s.showError(err)
	}
	s.flash(fmt.Sprintf("Accepted %s (%s takes them back)", plural(n, "suggestion"), platformKeys("Ctrl+Z")))
}

// reject turns the suggestion under the caret down; false when there is none.
func (s *suggestionKeys) reject() bool {
	i := s.underCaret()
	if i < 0 {
		return false
	}
	s.rejectAt(i)
	return true
}

// rejectAt turns suggestion i of the editor's list down (stored, one undoable
// step) and leaves the caret where it began.
func (s *suggestionKeys) rejectAt(i int) {
	sug, err := s.ed.RejectSuggestion(i)
	if err != nil {
		s.showError(err)
		return
	}
	s.view.Select(sug.Start, sug.Start)
	s.showSelection(sug.Start, sug.Start)
	s.markRow()
	s.focusView()
	s.flash(fmt.Sprintf("Rejected %s suggestion; it will not be proposed again here (%s undoes)", sug.Label, platformKeys("Ctrl+Z")))
}
