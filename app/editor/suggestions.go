package editor

import (
	"fmt"
	"slices"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/agreement"
)

// Suggestions (issue 12): spans the rules propose for the open document. They
// are computed when a document opens (Options.Suggest; off the UI goroutine for
// a long text), joined with the pending ones `newsmark suggest --apply` stored,
// and never include one already annotated (same label and range, by anyone) or
// one rejected for that document. Accepting tags the span (one undoable step);
// rejecting is stored, so it is remembered across sessions, and undoable.

// SuggestionRejection is the step of rejecting a suggestion: the store
// remembers it, undo takes it back.
type SuggestionRejection struct {
	DocID      int64
	Suggestion annotate.StoredSuggestion
}

// syncSuggestLimit is the longest text (in bytes) whose suggestions are found
// on the editor's goroutine when it opens: the rules are held to under 100 ms
// per MB (annotate/suggest's benchmark), so a few ms at most; longer texts get
// theirs in the background.
const syncSuggestLimit = 64 << 10

// openSuggestions resets the suggestions for the document just opened: the
// stored rejections and pending suggestions are read now, the rules run in the
// background and their result comes back through Options.Do.
func (e *Editor) openSuggestions(doc annotate.Document) error {
	e.sugGen++
	e.suggestions, e.sugRejected = nil, nil
	rejected, err := e.store.RejectedSuggestions(e.ctx, doc.ID)
	if err != nil {
		return fmt.Errorf("read rejected suggestions of %q: %w", doc.Title, err)
	}
	pending, err := e.store.PendingSuggestions(e.ctx, doc.ID)
	if err != nil {
		return fmt.Errorf("read pending suggestions of %q: %w", doc.Title, err)
	}
	e.sugRejected = map[agreement.Key]bool{}
	for _, r := range rejected {
		e.sugRejected[suggestionKey(r)] = true
	}
	e.suggestions = pending
	if e.suggest == nil {
		return nil
	}
	if len(doc.Text) <= syncSuggestLimit {
		// A few milliseconds: done at once, so they show with the document.
		e.suggestions = mergeSuggestions(e.suggestions, e.suggest(doc.Text), doc.ID)
		return nil
	}
	gen, suggest := e.sugGen, e.suggest
	e.tasks.Add(1)
	go func() {
		defer e.tasks.Done()
		computed := suggest(doc.Text)
		e.do(func() {
			if gen != e.sugGen {
				return // another document was opened meanwhile
			}
			e.suggestions = mergeSuggestions(e.suggestions, computed, doc.ID)
			e.publish(Event{Kind: SuggestionsChanged, DocID: doc.ID})
		})
	}()
	return nil
}

// mergeSuggestions adds the computed suggestions to those held, one per label
// and range, in text order.
func mergeSuggestions(held, computed []annotate.StoredSuggestion, docID int64) []annotate.StoredSuggestion {
	seen := map[agreement.Key]bool{}
	out := slices.Clone(held)
	for _, s := range held {
		seen[suggestionKey(s)] = true
	}
	for _, s := range computed {
		if k := suggestionKey(s); !seen[k] {
			seen[k] = true
			s.DocID = docID
			out = append(out, s)
		}
	}
	slices.SortStableFunc(out, func(a, b annotate.StoredSuggestion) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End // the longer first, as spans are ordered
	})
	return out
}

func suggestionKey(s annotate.StoredSuggestion) agreement.Key {
	return agreement.Key{Start: s.Start, End: s.End, Label: s.Label}
}

// Suggestions are the open document's suggestions still to decide, in text
// order: neither annotated (same label and range) nor rejected, and of a label
// in the label set. Suggestions carry the label name their rule gives (QUOTE,
// CLAIM, …, or a pattern file's); one whose label was deleted or renamed is
// kept but not listed, since it could not be accepted, and comes back when a
// label of that name does.
func (e *Editor) Suggestions() []annotate.StoredSuggestion {
	if e.doc == nil || len(e.suggestions) == 0 {
		return nil
	}
	tagged := make(map[agreement.Key]bool, len(e.spans))
	for _, s := range e.spans {
		tagged[agreement.KeyOf(s)] = true
	}
	known := make(map[string]bool, len(e.labels))
	for _, l := range e.labels {
		known[l.Name] = true
	}
	var out []annotate.StoredSuggestion
	for _, s := range e.suggestions {
		if k := suggestionKey(s); known[s.Label] && !tagged[k] && !e.sugRejected[k] {
			out = append(out, s)
		}
	}
	return out
}

func (e *Editor) suggestion(i int) (annotate.StoredSuggestion, error) {
	list := e.Suggestions()
	if i < 0 || i >= len(list) {
		return annotate.StoredSuggestion{}, annotate.Errorf(annotate.ENOTFOUND, "no suggestion %d (the document has %d)", i, len(list))
	}
	return list[i], nil
}

// AcceptSuggestion tags suggestion i of Suggestions() as proposed: its label and
// range, its source as the label's source attribute when the label has one, and
// (for CASUALTY) the parsed attributes tagging fills in. It is one undoable step,
// as a tag is.
func (e *Editor) AcceptSuggestion(i int) (annotate.Span, error) {
	s, err := e.suggestion(i)
	if err != nil {
		return annotate.Span{}, err
	}
	span, err := e.tag(s.Start, s.End, s.Label, e.suggestedAttrs(s))
	if err != nil {
		return annotate.Span{}, fmt.Errorf("accept suggestion %s: %w", s.Rule, err)
	}
	return span, nil
}

// ActionAcceptSuggestions names the compound step of AcceptAllSuggestions.
const ActionAcceptSuggestions annotate.Action = "accept suggestions"

// AcceptAllSuggestions accepts every suggestion of the open document as
// AcceptSuggestion does, as one undoable step, and says how many it tagged. If
// one fails, those tagged before it stay (and undo together) and the error says
// which.
func (e *Editor) AcceptAllSuggestions() (int, error) {
	var steps []Step
	var failed error
	for _, s := range e.Suggestions() {
		span, err := e.createSpan(s.Start, s.End, s.Label, e.suggestedAttrs(s))
		if err != nil {
			failed = fmt.Errorf("accept suggestion %s %d–%d: %w", s.Rule, s.Start, s.End, err)
			break
		}
		steps = append(steps, Step{Action: annotate.ActionCreate, After: span})
		e.spanAdded(span)
	}
	if len(steps) > 0 {
		e.history.record(Step{Action: ActionAcceptSuggestions, Group: steps})
	}
	return len(steps), failed
}

// suggestedAttrs are the attributes a suggestion is tagged with: what tagging
// fills in (the casualty parse) and its source, when the label has a source
// attribute.
func (e *Editor) suggestedAttrs(s annotate.StoredSuggestion) annotate.Attrs {
	attrs := e.parsedAttrs(s.Label, s.Start, s.End)
	if l, ok := e.Label(s.Label); ok && s.Source != "" {
		for _, d := range l.Attrs {
			if d.Type != annotate.AttrSource {
				continue
			}
			if v, err := d.Coerce(l.Name, annotate.SourceValue(s.Source)); err == nil {
				if attrs == nil {
					attrs = annotate.Attrs{}
				}
				attrs[d.Name] = v
			}
			break
		}
	}
	return attrs
}

// RejectSuggestion turns suggestion i of Suggestions() down: the store
// remembers it for the document, so it is never proposed there again. Undo
// takes the rejection back. A rejection is kept by the label name it was made
// with, as the rules name labels: renaming or deleting the label leaves it (and
// the undo step) alone, and undoing it then brings the suggestion back under
// its rule's name, listed again once a label has that name.
func (e *Editor) RejectSuggestion(i int) (annotate.StoredSuggestion, error) {
	s, err := e.suggestion(i)
	if err != nil {
		return s, err
	}
	if err := e.setSuggestionRejected(e.doc.ID, s, true); err != nil {
		return s, err
	}
	e.history.record(Step{SuggestionRejection: &SuggestionRejection{DocID: e.doc.ID, Suggestion: s}})
	return s, nil
}

// setSuggestionRejected stores or takes back a rejection and updates the open
// document's suggestions.
func (e *Editor) setSuggestionRejected(docID int64, s annotate.StoredSuggestion, rejected bool) error {
	var err error
	if rejected {
		err = e.store.RejectSuggestion(e.ctx, docID, s.Label, s.Start, s.End, e.annotator)
	} else {
		err = e.store.UnrejectSuggestion(e.ctx, docID, s.Label, s.Start, s.End)
	}
	if err != nil {
		verb := "reject"
		if !rejected {
			verb = "bring back"
		}
		return fmt.Errorf("%s suggestion %s %d–%d: %w", verb, s.Label, s.Start, s.End, err)
	}
	if e.DocID() != docID {
		return nil
	}
	k := suggestionKey(s)
	if rejected {
		e.sugRejected[k] = true
	} else {
		delete(e.sugRejected, k)
		if !slices.ContainsFunc(e.suggestions, func(h annotate.StoredSuggestion) bool { return suggestionKey(h) == k }) {
			e.suggestions = mergeSuggestions(e.suggestions, []annotate.StoredSuggestion{s}, docID)
		}
	}
	e.publish(Event{Kind: SuggestionsChanged, DocID: docID})
	return nil
}
