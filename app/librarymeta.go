package app

import (
	"fmt"
	"slices"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// The library's sort orders. Documents without a date go last in either date
// order, in import order among themselves.
const (
	sortImportOrder = "Import order"
	sortNewestFirst = "Newest first (date)"
	sortOldestFirst = "Oldest first (date)"
)

var librarySortOrders = []string{sortImportOrder, sortNewestFirst, sortOldestFirst}

// sortLibrary orders docs (already in import order) as order says; stable.
func sortLibrary(docs []annotate.DocumentSummary, order string) {
	if order != sortNewestFirst && order != sortOldestFirst {
		return
	}
	slices.SortStableFunc(docs, func(a, b annotate.DocumentSummary) int {
		switch {
		case a.Published == b.Published:
			return 0
		case a.Published == "":
			return 1
		case b.Published == "":
			return -1
		}
		// ISO 8601 text sorts as dates do (offsets aside).
		c := strings.Compare(a.Published, b.Published)
		if order == sortNewestFirst {
			return -c
		}
		return c
	})
}

// libraryHaystack is the lower-cased text the filter searches in a row.
func libraryHaystack(d annotate.DocumentSummary) string {
	return strings.ToLower(strings.Join([]string{d.Title, d.Source, d.Outlet, strings.Join(d.Authors, " "),
		d.Published, d.URL, d.Language}, " "))
}

// libraryRowDetails is a row's second line: outlet and date when known, then the
// span count and status.
func libraryRowDetails(d annotate.DocumentSummary) string {
	var parts []string
	if d.Outlet != "" {
		parts = append(parts, d.Outlet)
	}
	if d.Published != "" {
		parts = append(parts, shortDate(d.Published))
	}
	parts = append(parts, fmt.Sprintf("%s · %s", plural(d.SpanCount, "annotation"), d.Status.Display()))
	return strings.Join(parts, " · ")
}

// shortDate is the day of an ISO 8601 date or date-time.
func shortDate(iso string) string {
	if len(iso) >= 10 {
		return iso[:10]
	}
	return iso
}
