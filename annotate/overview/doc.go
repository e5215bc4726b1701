// Package overview turns the counts the database aggregates (annotate.OverviewFacts)
// into the numbers behind each overview chart: progress, labels, and, where the
// project records them, sources and casualty figures. It is pure Go, so the charts'
// numbers are tested without drawing, and the command line and the Overview window
// compute them the same way.
//
// Filters apply to every chart alike: labels, one annotator, one document status and
// a date range. Spans are dated by the day they were created; documents (for the
// casualty chart) by their published date, else their import date. A range is
// inclusive of both days.
package overview
