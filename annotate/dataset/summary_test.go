package dataset

import "testing"

func TestSummaryCountsChangedAndDroppedSpansPerLabel(t *testing.T) {
	s := ExportSummary{Changed: map[string]int{"QUOTE": 1, "CLAIM": 2}, Dropped: map[string]int{"CASUALTY": 4}}
	if s.ChangedTotal() != 3 || s.DroppedTotal() != 4 {
		t.Errorf("totals = %d changed, %d dropped; want 3 and 4", s.ChangedTotal(), s.DroppedTotal())
	}
	if got := PerLabel(s.Changed); got != " (CLAIM 2, QUOTE 1)" {
		t.Errorf("PerLabel = %q", got)
	}
	if got := PerLabel(nil); got != "" {
		t.Errorf("PerLabel(nil) = %q, want empty", got)
	}
}
