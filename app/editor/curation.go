package editor

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/newsmark/newsmark/annotate"
)

// CandidateState is how far curation of one candidate span has got.
type CandidateState int

const (
	// Disputed: some annotators have the span, not all.
	Disputed CandidateState = iota
	// Agreed: every annotator of the document has it.
	Agreed
	// Accepted: the curated layer has it.
	Accepted
	// Rejected: the curator turned it down (this session).
	Rejected
)

// Candidate is one span (start, end and label) of the open document as the
// curation view shows it: who marked it, and what the curator decided.
type Candidate struct {
	Span     annotate.Span // the first annotator's copy (its ID names the candidate)
	By       []string      // annotators who have it, in name order
	Of       int           // annotators of the document (the curated layer not counted)
	Curated  annotate.Span // the curated layer's copy; zero when not curated
	Rejected bool          // turned down in this session
	State    CandidateState
}

// Shown is the span the view draws for the candidate: the curated copy once
// accepted, else the annotator's copy with who marked it as its annotator.
func (c Candidate) Shown() annotate.Span {
	if c.Curated.ID != 0 {
		return c.Curated
	}
	s := c.Span
	s.Annotator = fmt.Sprintf("%s (%d of %d)", joinNames(c.By), len(c.By), c.Of)
	return s
}

func joinNames(names []string) string {
	out := ""
	for i, n := range names {
		if i > 0 {
			out += ", "
		}
		out += n
	}
	return out
}

type rangeKey struct {
	start, end int
	label      string
}

func keyOf(s annotate.Span) rangeKey { return rangeKey{s.Start, s.End, s.Label} }

// Candidates lists every distinct span of the open document (start, end and
// label) that an annotator or the curated layer has, in text order.
func (e *Editor) Candidates() []Candidate {
	byKey := map[rangeKey]*Candidate{}
	var order []rangeKey
	annotators := map[string]bool{}
	for _, s := range e.spans {
		k := keyOf(s)
		c := byKey[k]
		if c == nil {
			c = &Candidate{}
			byKey[k] = c
			order = append(order, k)
		}
		if s.Annotator == e.curator {
			c.Curated = s
			continue
		}
		annotators[s.Annotator] = true
		if c.Span.ID == 0 {
			c.Span = s
		}
		if !slices.Contains(c.By, s.Annotator) {
			c.By = append(c.By, s.Annotator)
		}
	}
	out := make([]Candidate, 0, len(order))
	for _, k := range order {
		c := *byKey[k]
		if c.Span.ID == 0 {
			c.Span = c.Curated // made in the curated layer itself
		}
		slices.Sort(c.By)
		c.Of = len(annotators)
		c.Rejected = e.rejected[e.DocID()][k]
		switch {
		case c.Curated.ID != 0:
			c.State = Accepted
		case c.Rejected:
			c.State = Rejected
		case len(c.By) == c.Of && c.Of >= 2:
			c.State = Agreed
		default:
			c.State = Disputed
		}
		out = append(out, c)
	}
	slices.SortStableFunc(out, func(x, y Candidate) int { return annotate.CompareSpans(x.Span, y.Span) })
	return out
}

// candidate finds the candidate an ID names: the ID of any annotator's copy or
// of the curated copy.
func (e *Editor) candidate(id int64) (Candidate, bool) {
	s, ok := e.Span(id)
	if !ok {
		return Candidate{}, false
	}
	k := keyOf(s)
	for _, c := range e.Candidates() {
		if keyOf(c.Span) == k {
			return c, true
		}
	}
	return Candidate{}, false
}

// Accept copies a candidate (named by any of its spans' IDs) into the curated
// layer, with its note when the annotators' copies carry one; an undoable step.
// Accepting what is already curated does nothing (changed false).
func (e *Editor) Accept(id int64) (span annotate.Span, changed bool, err error) {
	c, ok := e.candidate(id)
	if !ok {
		return annotate.Span{}, false, nil
	}
	if c.Curated.ID != 0 {
		return c.Curated, false, nil
	}
	span, err = e.store.CreateSpan(e.ctx, annotate.Span{
		DocID: c.Span.DocID, Start: c.Span.Start, End: c.Span.End, Label: c.Span.Label,
		Note: c.Span.Note, Annotator: e.curator,
	})
	if err != nil {
		return annotate.Span{}, false, fmt.Errorf("accept %s %d–%d into %s: %w", c.Span.Label, c.Span.Start, c.Span.End, e.curator, err)
	}
	e.unreject(keyOf(span))
	e.history.record(Step{Group: []Step{{Action: annotate.ActionCreate, After: span}}})
	e.spanAdded(span)
	return span, true, nil
}

// Reject turns a candidate down: a curated copy is deleted from the curated
// layer, and the candidate is marked rejected for this session so the curator
// sees it decided. The annotators' own spans are never touched. An undoable step.
func (e *Editor) Reject(id int64) (changed bool, err error) {
	c, ok := e.candidate(id)
	if !ok || (c.Rejected && c.Curated.ID == 0) {
		return false, nil
	}
	k := keyOf(c.Span)
	if c.Curated.ID != 0 {
		if err := e.store.DeleteSpan(e.ctx, c.Curated.ID, e.annotator); err != nil {
			return false, fmt.Errorf("reject %s %d–%d: %w", c.Curated.Label, c.Curated.Start, c.Curated.End, err)
		}
		e.spanRemoved(c.Curated)
		if c.Span.ID == c.Curated.ID {
			// Only the curated layer had it: deleting it is the whole decision.
			e.history.record(Step{Action: annotate.ActionDelete, Before: c.Curated})
			return true, nil
		}
		e.reject(k)
		e.history.record(Step{Group: []Step{{Action: annotate.ActionDelete, Before: c.Curated}, {Reject: &Rejection{DocID: c.Span.DocID, Span: c.Span}}}})
		return true, nil
	}
	e.reject(k)
	e.history.record(Step{Reject: &Rejection{DocID: c.Span.DocID, Span: c.Span}})
	e.publish(Event{Kind: SpansChanged, DocID: c.Span.DocID})
	return true, nil
}

// AcceptAgreed copies into the curated layer every candidate of the open
// document that at least min annotators have (min < 2: all of them) and that
// is neither curated nor rejected yet: "accept all agreed", one undoable step.
func (e *Editor) AcceptAgreed(min int) (int, error) {
	var steps []Step
	for _, c := range e.Candidates() {
		need := c.Of
		if min >= 2 {
			need = min
		}
		if c.Curated.ID != 0 || c.Rejected || len(c.By) < need || len(c.By) < 2 {
			continue
		}
		span, err := e.store.CreateSpan(e.ctx, annotate.Span{
			DocID: c.Span.DocID, Start: c.Span.Start, End: c.Span.End, Label: c.Span.Label,
			Note: c.Span.Note, Annotator: e.curator,
		})
		if err != nil {
			if len(steps) > 0 {
				e.history.record(Step{Group: steps})
			}
			return len(steps), fmt.Errorf("accept %s %d–%d into %s: %w", c.Span.Label, c.Span.Start, c.Span.End, e.curator, err)
		}
		steps = append(steps, Step{Action: annotate.ActionCreate, After: span})
		e.spanAdded(span)
	}
	if len(steps) > 0 {
		e.history.record(Step{Group: steps})
	}
	return len(steps), nil
}

// Rejection is a curator's "no" to a candidate, kept for the session.
type Rejection struct {
	DocID int64
	Span  annotate.Span // start, end and label of the candidate
}

func (e *Editor) reject(k rangeKey) {
	doc := e.DocID()
	if e.rejected == nil {
		e.rejected = map[int64]map[rangeKey]bool{}
	}
	if e.rejected[doc] == nil {
		e.rejected[doc] = map[rangeKey]bool{}
	}
	e.rejected[doc][k] = true
}

func (e *Editor) unreject(k rangeKey) {
	delete(e.rejected[e.DocID()], k)
}

// renameRejected keeps the session's rejections after a label is renamed.
func (e *Editor) renameRejected(oldName, newName string) {
	for _, keys := range e.rejected {
		for k := range keys {
			if k.label == oldName {
				delete(keys, k)
				keys[rangeKey{k.start, k.end, newName}] = true
			}
		}
	}
}

// CandidateCounts counts the open document's candidates by state.
func (e *Editor) CandidateCounts() map[CandidateState]int {
	counts := map[CandidateState]int{}
	for _, c := range e.Candidates() {
		counts[c.State]++
	}
	return counts
}

// NextUndecided is the first candidate after offset (wrapping around) that is
// neither accepted nor rejected; ok false when every candidate is decided.
func (e *Editor) NextUndecided(offset int) (Candidate, bool) {
	var undecided []Candidate
	for _, c := range e.Candidates() {
		if c.State == Agreed || c.State == Disputed {
			undecided = append(undecided, c)
		}
	}
	if len(undecided) == 0 {
		return Candidate{}, false
	}
	i, _ := slices.BinarySearchFunc(undecided, offset, func(c Candidate, off int) int { return cmp.Compare(c.Span.Start, off) })
	if i == len(undecided) {
		i = 0
	}
	return undecided[i], true
}
