package overview

import (
	"slices"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

// Filter narrows every chart alike. The zero Filter keeps everything.
type Filter struct {
	Labels    []string        // only these labels; empty for all
	Annotator string          // only this annotator; "" for all
	Status    annotate.Status // only documents with this status; "" for all
	From, To  time.Time       // only days in [From, To]; zero for open ends
}

// keepsLabel reports whether a label passes the filter.
func (f Filter) keepsLabel(label string) bool {
	return len(f.Labels) == 0 || slices.Contains(f.Labels, label)
}

func (f Filter) keepsAnnotator(annotator string) bool {
	return f.Annotator == "" || f.Annotator == annotator
}

func (f Filter) keepsStatus(status annotate.Status) bool {
	return f.Status == "" || f.Status == status
}

// keepsDay reports whether a day lies in the range; both ends are inclusive days.
func (f Filter) keepsDay(day time.Time) bool {
	day = dayOf(day)
	if !f.From.IsZero() && day.Before(dayOf(f.From)) {
		return false
	}
	if !f.To.IsZero() && day.After(dayOf(f.To)) {
		return false
	}
	return true
}

// keeps reports whether a count of spans with this label, annotator, document
// status and day passes every part of the filter.
func (f Filter) keeps(label, annotator string, status annotate.Status, day time.Time) bool {
	return f.keepsLabel(label) && f.keepsAnnotator(annotator) && f.keepsStatus(status) && f.keepsDay(day)
}

func dayOf(t time.Time) time.Time {
	y, m, d := t.UTC().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// Statuses lists the document statuses in the order charts show them.
var Statuses = []annotate.Status{annotate.StatusNew, annotate.StatusInProgress, annotate.StatusDone}
