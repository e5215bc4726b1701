package editor

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/agreement"
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
	// Rejected: the curator turned it down (stored).
	Rejected
)

// Candidate is one span (start, end and label) of the open document as the
// curation view shows it: who marked it, and what the curator decided.
type Candidate struct {
	Span     annotate.Span // the first annotator's copy (its ID names the candidate)
	By       []string      // annotators who have it, in name order
	Of       int           // annotators of the document (the curated layer not counted)
	Curated  annotate.Span // the curated layer's copy; zero when not curated
	Rejected bool          // turned down (stored, for the curated layer)
	State    CandidateState
}

// Shown is the span the view draws for the candidate: the curated copy once
// accepted, else the annotator's copy with who marked it as its annotator.
func (c Candidate) Shown() annotate.Span {
	if c.Curated.ID != 0 {
		return c.Curated
	}
	s := c.Span
	s.Annotator = fmt.Sprintf("%s (%d of %d)", strings.Join(c.By, ", "), len(c.By), c.Of)
	return s
}

// Candidates lists every distinct span of the open document (start, end and
// label) that an annotator or the curated layer has, in text order.
func (e *Editor) Candidates() []Candidate {
	byKey := map[agreement.Key]*Candidate{}
	var order []agreement.Key
	annotators := map[string]bool{}
	for _, s := range e.spans {
		k := agreement.KeyOf(s)
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

// CandidateOf finds the candidate an ID names: the ID of any annotator's copy
// or of the curated copy.
func (e *Editor) CandidateOf(id int64) (Candidate, bool) {
	s, ok := e.Span(id)
	if !ok {
		return Candidate{}, false
	}
	k := agreement.KeyOf(s)
	for _, c := range e.Candidates() {
		if agreement.KeyOf(c.Span) == k {
			return c, true
		}
	}
	return Candidate{}, false
}

// Acceptance says what accepting a candidate did.
type Acceptance struct {
	Span    annotate.Span // the curated copy
	Changed bool          // false when the candidate was curated already
	// Differing names the attributes the accepted copies gave different values
	// (or that some lacked): they are left empty for the curator to fill in.
	Differing []string
	Linked    int // links copied with it (to a SOURCE mention, say)
	Pulled    int // spans accepted with it because it links to them
}

// Accept copies a candidate (named by any of its spans' IDs) into the curated
// layer from every annotator's copy: the note of the first, the attribute
// values they all hold alike (agreement.MergeAttrs), and the links they all
// have (a statement's SOURCE_OF link to its mention: the mention is accepted
// too if it is not curated yet; a mention is linked to its statement when that
// is curated already). One undoable step. Accepting what is already curated
// does nothing (changed false).
func (e *Editor) Accept(id int64) (span annotate.Span, changed bool, err error) {
	a, err := e.AcceptFrom(id, "")
	return a.Span, a.Changed, err
}

// AcceptFrom is Accept from one annotator's copy only (annotator ""  for all
// of them): the curator picked that annotator's span, with its attributes and
// links, in their layer.
func (e *Editor) AcceptFrom(id int64, annotator string) (Acceptance, error) {
	c, ok := e.CandidateOf(id)
	if !ok {
		return Acceptance{}, nil
	}
	if c.Curated.ID != 0 {
		return Acceptance{Span: c.Curated}, nil
	}
	copies := e.copiesOf(agreement.KeyOf(c.Span), annotator)
	if len(copies) == 0 {
		copies = []annotate.Span{c.Span} // made in the curated layer itself
	}
	var steps []Step
	a := Acceptance{Changed: true}
	span, differing, err := e.acceptCopies(copies, &steps)
	if err != nil {
		return Acceptance{}, e.rollback(steps, err)
	}
	a.Span, a.Differing = span, differing
	created := len(steps)
	if a.Linked, err = e.linkAccepted(span, copies, map[agreement.Key]bool{agreement.KeyOf(span): true}, true, &steps); err != nil {
		return Acceptance{}, e.rollback(steps, err)
	}
	for _, st := range steps[created:] {
		if st.Action == annotate.ActionCreate {
			a.Pulled++
		}
	}
	if c.Rejected {
		// Accepted after all: the stored rejection goes, and comes back on undo.
		if err := e.setRejected(c.Span.DocID, c.Span, false); err != nil {
			return Acceptance{}, e.rollback(steps, err)
		}
		steps = append(steps, Step{Reject: &Rejection{DocID: c.Span.DocID, Span: c.Span, TakenBack: true}})
	}
	e.history.record(Step{Action: ActionAccept, After: span, Group: steps})
	if s, ok := e.Span(span.ID); ok {
		a.Span = s
	}
	return a, nil
}

// ActionAccept and ActionAcceptAgreed name curation's compound steps.
const (
	ActionAccept       annotate.Action = "accept"
	ActionAcceptAgreed annotate.Action = "accept agreed"
)

// copiesOf lists the annotators' spans of a range and label (one annotator's
// when annotator is set), the curated layer's left out.
func (e *Editor) copiesOf(k agreement.Key, annotator string) []annotate.Span {
	var out []annotate.Span
	for _, s := range e.spans {
		if agreement.KeyOf(s) == k && s.Annotator != e.curator && (annotator == "" || s.Annotator == annotator) {
			out = append(out, s)
		}
	}
	return out
}

// curatedAt is the curated layer's span of a range and label.
func (e *Editor) curatedAt(k agreement.Key) (annotate.Span, bool) {
	for _, s := range e.spans {
		if s.Annotator == e.curator && agreement.KeyOf(s) == k {
			return s, true
		}
	}
	return annotate.Span{}, false
}

// acceptCopies stores the curated copy of a span several annotators' copies
// hold, with their note and agreed attributes, and appends its step.
func (e *Editor) acceptCopies(copies []annotate.Span, steps *[]Step) (annotate.Span, []string, error) {
	first := copies[0]
	attrs, differing := agreement.MergeAttrs(copies)
	if label, ok := e.Label(first.Label); ok {
		attrs = label.FitAttrs(attrs) // the label's declarations may have changed since
	}
	span, err := e.store.CreateSpan(e.ctx, annotate.Span{
		DocID: first.DocID, Start: first.Start, End: first.End, Label: first.Label,
		Note: first.Note, Attrs: attrs, Annotator: e.curator,
	})
	if err != nil {
		return annotate.Span{}, nil, fmt.Errorf("accept %s %d–%d into %s: %w", first.Label, first.Start, first.End, e.curator, err)
	}
	*steps = append(*steps, Step{Action: annotate.ActionCreate, After: span})
	e.spanAdded(span)
	return span, differing, nil
}

// linkAccepted copies the links every copy of a newly curated span has: as a
// head, to the curated span of the other end's range and label, accepting that
// end from the copies' own linked spans first when pull is set and it is not
// curated yet; as a child, to its curated head unless the head is new in
// this step (its own links are copied from its side). It returns how many links
// it made.
func (e *Editor) linkAccepted(span annotate.Span, copies []annotate.Span, fresh map[agreement.Key]bool, pull bool, steps *[]Step) (int, error) {
	linked := 0
	for _, r := range agreement.AgreedRelations(copies, e.Span) {
		target, ok := e.curatedAt(r.Other)
		if r.Head && !ok && pull && !e.isRejected(r.Other) {
			if ends := e.linkedCopies(copies, r); len(ends) > 0 {
				var err error
				if target, _, err = e.acceptCopies(ends, steps); err != nil {
					return linked, err
				}
				ok = true
			}
		}
		if !ok || (!r.Head && fresh[r.Other]) {
			continue
		}
		head, child := span.ID, target.ID
		if !r.Head {
			head, child = target.ID, span.ID
		}
		step, _, err := e.link(head, child, r.Label)
		if err != nil {
			return linked, fmt.Errorf("link %s to its %s: %w", span.Label, target.Label, err)
		}
		*steps = append(*steps, step)
		linked++
	}
	return linked, nil
}

// linkedCopies are the spans each copy's link of relation r leads to.
func (e *Editor) linkedCopies(copies []annotate.Span, r agreement.Relation) []annotate.Span {
	var out []annotate.Span
	for _, c := range copies {
		for _, l := range c.Links {
			if l.Label != r.Label || (l.Head == c.ID) != r.Head {
				continue
			}
			if other, ok := e.Span(l.Other(c.ID)); ok && agreement.KeyOf(other) == r.Other {
				out = append(out, other)
				break
			}
		}
	}
	return out
}

// Reject turns a candidate down: a curated copy is deleted from the curated
// layer, and the rejection is stored (for the curated layer) so the curation
// view shows it decided, after a restart too. The annotators' own spans are
// never touched. An undoable step; undo takes the stored rejection back.
func (e *Editor) Reject(id int64) (changed bool, err error) {
	c, ok := e.CandidateOf(id)
	if !ok || (c.Rejected && c.Curated.ID == 0) {
		return false, nil
	}
	rejection := &Rejection{DocID: c.Span.DocID, Span: c.Span}
	if c.Curated.ID != 0 && c.Span.ID == c.Curated.ID {
		// Only the curated layer had it: deleting it is the whole decision.
		if err := e.store.DeleteSpan(e.ctx, c.Curated.ID, e.annotator); err != nil {
			return false, fmt.Errorf("reject %s %d–%d: %w", c.Curated.Label, c.Curated.Start, c.Curated.End, err)
		}
		e.spanRemoved(c.Curated)
		e.history.record(Step{Action: annotate.ActionDelete, Before: c.Curated})
		return true, nil
	}
	if err := e.setRejected(c.Span.DocID, c.Span, true); err != nil {
		return false, err
	}
	if c.Curated.ID != 0 {
		if err := e.store.DeleteSpan(e.ctx, c.Curated.ID, e.annotator); err != nil {
			err = fmt.Errorf("reject %s %d–%d: %w", c.Curated.Label, c.Curated.Start, c.Curated.End, err)
			if undoErr := e.setRejected(c.Span.DocID, c.Span, false); undoErr != nil {
				err = fmt.Errorf("%w (and taking the rejection back failed: %v)", err, undoErr)
			}
			return false, err
		}
		e.spanRemoved(c.Curated)
		e.history.record(Step{Group: []Step{{Action: annotate.ActionDelete, Before: c.Curated}, {Reject: rejection}}})
		return true, nil
	}
	e.history.record(Step{Reject: rejection})
	e.publish(Event{Kind: SpansChanged, DocID: c.Span.DocID})
	return true, nil
}

// AcceptAgreed copies into the curated layer every candidate of the open
// document that at least min annotators have (min < 2: all of them) and that
// is neither curated nor rejected yet, each as Accept does (agreed attribute
// values and links): "accept all agreed", one undoable step.
func (e *Editor) AcceptAgreed(min int) (int, error) {
	var steps []Step
	type accepted struct {
		span   annotate.Span
		copies []annotate.Span
	}
	var done []accepted
	fresh := map[agreement.Key]bool{}
	fail := func(err error) (int, error) {
		return 0, e.rollback(steps, err)
	}
	for _, c := range e.Candidates() {
		need := c.Of
		if min >= 2 {
			need = min
		}
		if c.Curated.ID != 0 || c.Rejected || len(c.By) < need || len(c.By) < 2 {
			continue
		}
		copies := e.copiesOf(agreement.KeyOf(c.Span), "")
		span, _, err := e.acceptCopies(copies, &steps)
		if err != nil {
			return fail(err)
		}
		done = append(done, accepted{span, copies})
		fresh[agreement.KeyOf(span)] = true
	}
	// Links once every agreed span is in: a statement and its mention may come
	// in either order.
	for _, a := range done {
		if _, err := e.linkAccepted(a.span, a.copies, fresh, false, &steps); err != nil {
			return fail(err)
		}
	}
	if len(steps) > 0 {
		e.history.record(Step{Action: ActionAcceptAgreed, Group: steps})
	}
	return len(done), nil
}

// Rejection is a curator's "no" to a candidate, stored; with TakenBack, the
// part of an accept that took an earlier "no" back.
type Rejection struct {
	DocID     int64
	Span      annotate.Span // start, end and label of the candidate
	TakenBack bool
}

// setRejected stores or takes back the curated layer's rejection of a
// candidate (span's start, end and label) and keeps the editor's set in step.
func (e *Editor) setRejected(docID int64, span annotate.Span, rejected bool) error {
	var err error
	if rejected {
		err = e.store.RejectCandidate(e.ctx, docID, span.Label, span.Start, span.End, e.curator, e.annotator)
	} else {
		err = e.store.UnrejectCandidate(e.ctx, docID, span.Label, span.Start, span.End, e.curator)
	}
	if err != nil {
		verb := "store the rejection of"
		if !rejected {
			verb = "take back the rejection of"
		}
		return fmt.Errorf("%s %s %d–%d: %w", verb, span.Label, span.Start, span.End, err)
	}
	if e.rejected == nil {
		e.rejected = map[int64]map[agreement.Key]bool{}
	}
	if e.rejected[docID] == nil {
		e.rejected[docID] = map[agreement.Key]bool{}
	}
	if rejected {
		e.rejected[docID][agreement.KeyOf(span)] = true
	} else {
		delete(e.rejected[docID], agreement.KeyOf(span))
	}
	return nil
}

// loadRejected reads a document's stored rejections (when it opens).
func (e *Editor) loadRejected(docID int64) error {
	stored, err := e.store.RejectedCandidates(e.ctx, docID, e.curator)
	if err != nil {
		return fmt.Errorf("read curation rejections: %w", err)
	}
	if e.rejected == nil {
		e.rejected = map[int64]map[agreement.Key]bool{}
	}
	set := make(map[agreement.Key]bool, len(stored))
	for _, s := range stored {
		set[agreement.KeyOf(s)] = true
	}
	e.rejected[docID] = set
	return nil
}

func (e *Editor) isRejected(k agreement.Key) bool { return e.rejected[e.DocID()][k] }

// renameRejected keeps the session's rejections after a label is renamed.
func (e *Editor) renameRejected(oldName, newName string) {
	for _, keys := range e.rejected {
		for k := range keys {
			if k.Label == oldName {
				delete(keys, k)
				keys[agreement.Key{Start: k.Start, End: k.End, Label: newName}] = true
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
