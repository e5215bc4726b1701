package searchpanel

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/search"
)

// The search panel's filter choices that are not names of labels or people.
const (
	filterAllLabels    = "All labels"
	filterAllDocuments = "All documents"
	filterThisDocument = "This document"
	filterAnyone       = "All annotators"
)

// filterStatuses are the document choices that are statuses, in menu order.
var filterStatuses = []struct {
	choice string
	status annotate.Status
}{
	{"In-progress documents", annotate.StatusInProgress},
	{"Done documents", annotate.StatusDone},
	{"New documents", annotate.StatusNew},
}

// searchFilters is the row of choices under the search entry: one label, which
// documents (all, the open one, or those in a status), one annotator. They narrow
// the same search the query runs; a change searches again at once.
type searchFilters struct {
	label     *widget.Select
	documents *widget.Select
	annotator *widget.Select
	onChange  func()
	// filling is set while the choices are rebuilt, so that restoring a
	// selection is not taken for the user's change.
	filling bool
}

func newSearchFilters(onChange func()) *searchFilters {
	f := &searchFilters{onChange: onChange}
	changed := func(string) {
		if !f.filling && f.onChange != nil {
			f.onChange()
		}
	}
	f.label = widget.NewSelect([]string{filterAllLabels}, changed)
	f.documents = widget.NewSelect([]string{filterAllDocuments}, changed)
	f.annotator = widget.NewSelect([]string{filterAnyone}, changed)
	f.filling = true
	f.label.SetSelected(filterAllLabels)
	f.documents.SetSelected(filterAllDocuments)
	f.annotator.SetSelected(filterAnyone)
	f.filling = false
	return f
}

func (f *searchFilters) build() fyne.CanvasObject {
	return container.NewGridWithColumns(3, f.label, f.documents, f.annotator)
}

// refresh rebuilds the choices from the current labels and annotators, keeping
// what was chosen while it still exists (a deleted label falls back to all).
func (f *searchFilters) refresh(labels []annotate.Label, annotators []string, documentOpen bool) {
	f.filling = true
	defer func() { f.filling = false }()
	labelChoices := []string{filterAllLabels}
	for _, l := range labels {
		labelChoices = append(labelChoices, l.Name)
	}
	documentChoices := []string{filterAllDocuments}
	if documentOpen {
		documentChoices = append(documentChoices, filterThisDocument)
	}
	for _, fs := range filterStatuses {
		documentChoices = append(documentChoices, fs.choice)
	}
	annotatorChoices := append([]string{filterAnyone}, annotators...)
	setChoices(f.label, labelChoices)
	setChoices(f.documents, documentChoices)
	setChoices(f.annotator, annotatorChoices)
}

// setChoices replaces a select's options, keeping its selection if still offered
// and falling back to the first option otherwise.
func setChoices(s *widget.Select, choices []string) {
	selected := s.Selected
	s.SetOptions(choices)
	if !slices.Contains(choices, selected) {
		selected = choices[0]
	}
	s.SetSelected(selected)
}

// options turns the choices into search options; currentDoc is the open document.
func (f *searchFilters) options(currentDoc int64) search.Options {
	var opts search.Options
	if l := f.label.Selected; l != "" && l != filterAllLabels {
		opts.Labels = []string{l}
	}
	if f.documents.Selected == filterThisDocument {
		opts.DocID = currentDoc
	}
	for _, fs := range filterStatuses {
		if f.documents.Selected == fs.choice {
			opts.Status = fs.status
		}
	}
	if a := f.annotator.Selected; a != "" && a != filterAnyone {
		opts.Annotator = a
	}
	return opts
}

// active reports whether any choice narrows the search.
func (f *searchFilters) active() bool {
	return f.label.Selected != filterAllLabels || f.documents.Selected != filterAllDocuments || f.annotator.Selected != filterAnyone
}
