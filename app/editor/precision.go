package editor

import (
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

// Resize moves a span of the open document to start–end as one undoable step.
// Moving it nowhere returns changed false; a range that repeats another span of
// the same label and annotator fails with the store's annotate.ECONFLICT error.
func (e *Editor) Resize(id int64, start, end int) (before, after annotate.Span, changed bool, err error) {
	before, ok := e.Span(id)
	if !ok {
		return before, before, false, spanNotOpen(id)
	}
	if before.Start == start && before.End == end {
		return before, before, false, nil
	}
	after, err = e.store.ResizeSpan(e.ctx, id, start, end, e.annotator)
	if annotate.ErrorCode(err) == annotate.ECONFLICT {
		return before, before, false, err
	}
	if err != nil {
		return before, before, false, fmt.Errorf("resize span %d–%d to %d–%d: %w", before.Start, before.End, start, end, err)
	}
	e.history.record(Step{Action: annotate.ActionResize, Before: before, After: after})
	e.spanChanged(after)
	return before, after, true, nil
}

// TagOccurrences tags every other whole-word, exact occurrence of the text of span
// id in the open document with the span's label (annotate.OtherOccurrences), as one
// undoable step; occurrences that already carry that label are left alone. With
// everywhere, every document of the library is searched too (the same rule). It
// returns the spans it made. If the store fails part-way, the spans made so far
// stay and form the undo step, and the error is returned.
func (e *Editor) TagOccurrences(id int64, everywhere bool) ([]annotate.Span, error) {
	source, ok := e.Span(id)
	if !ok || e.doc == nil {
		return nil, spanNotOpen(id)
	}
	var made []annotate.Span
	var batch []Step
	tagIn := func(docID int64, spans []annotate.Span, found []annotate.Range) error {
		tagged := map[annotate.Range]bool{}
		for _, s := range spans {
			if s.Label == source.Label {
				tagged[annotate.Range{Start: s.Start, End: s.End}] = true
			}
		}
		for _, r := range found {
			if tagged[r] {
				continue
			}
			span, err := e.store.CreateSpan(e.ctx, annotate.Span{DocID: docID, Start: r.Start, End: r.End, Label: source.Label, Annotator: e.annotator})
			if err != nil {
				return fmt.Errorf("tag %d–%d as %s: %w", r.Start, r.End, source.Label, err)
			}
			made = append(made, span)
			batch = append(batch, Step{Action: annotate.ActionCreate, After: span})
			e.spanStored(span)
		}
		return nil
	}
	openText := []rune(e.doc.Text)
	failure := tagIn(e.doc.ID, e.spans, annotate.OtherOccurrences(openText, source.Start, source.End))
	if everywhere && failure == nil {
		needle := string(openText[source.Start:source.End])
		for _, summary := range e.docs {
			if summary.ID == e.doc.ID {
				continue
			}
			if failure = e.tagOccurrencesIn(summary.ID, needle, tagIn); failure != nil {
				break
			}
		}
	}
	if len(batch) > 0 {
		e.history.record(Step{Action: annotate.ActionCreate, After: batch[0].After, Group: batch})
	}
	return made, failure
}

// tagOccurrencesIn reads one other document and hands its whole-word matches of
// needle to tag.
func (e *Editor) tagOccurrencesIn(docID int64, needle string, tag func(int64, []annotate.Span, []annotate.Range) error) error {
	doc, err := e.store.Document(e.ctx, docID)
	if err != nil {
		return fmt.Errorf("read document %d: %w", docID, err)
	}
	found := annotate.FindAll([]rune(doc.Text), needle, annotate.FindOptions{WholeWord: true})
	if len(found) == 0 {
		return nil
	}
	spans, err := e.store.Spans(e.ctx, docID)
	if err != nil {
		return fmt.Errorf("read the spans of document %d: %w", docID, err)
	}
	return tag(docID, spans, found)
}

// spanStored takes in a span just stored: into the open document's list, or,
// for another document, into its library row and the search index only.
func (e *Editor) spanStored(span annotate.Span) {
	if span.DocID == e.DocID() {
		e.spanAdded(span)
		return
	}
	e.adjustSummary(span.DocID, +1)
	e.indexUpsert(span)
}
