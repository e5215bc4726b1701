package overview

import (
	"slices"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

func num(v float64) *float64 { return &v }

func factsWithSourcesAndCasualties() annotate.OverviewFacts {
	facts := sampleFacts()
	facts.Sources = []annotate.SourceCount{
		{Source: "Ilse Marrow", Label: "QUOTE", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-01"), Spans: 3},
		{Source: "Ilse Marrow", Label: "CLAIM", Annotator: "ben", Status: annotate.StatusInProgress, Day: day("2026-11-02"), Spans: 2},
		{Source: "the ministry", Label: "CLAIM", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-01"), Spans: 4},
		{Source: "strikers", Label: "DEMAND", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-03"), Spans: 1},
	}
	facts.DocumentDates = map[int64]time.Time{1: day("2026-10-30"), 2: day("2026-11-02"), 3: day("2026-11-05")}
	facts.Casualties = []annotate.Casualty{
		{DocID: 2, Kind: "killed", Count: num(14), Annotator: "ana", Status: annotate.StatusDone},
		{DocID: 1, Kind: "killed", Count: num(9), Annotator: "ana", Status: annotate.StatusDone},
		{DocID: 3, Kind: "injured", Min: num(20), Max: num(30), Annotator: "ben", Status: annotate.StatusInProgress},
		{DocID: 3, Kind: "displaced", Qualifier: "vague", Annotator: "ben", Status: annotate.StatusInProgress},
		{DocID: 3, Kind: "", Min: num(40), Annotator: "ben", Status: annotate.StatusInProgress},
	}
	return facts
}

func TestSourcesRankByStatementsThenName(t *testing.T) {
	got := ComputeSourceCounts(factsWithSourcesAndCasualties(), labelSet, Filter{}, 0)
	if !slices.Equal(got.Sources, []string{"Ilse Marrow", "the ministry", "strikers"}) || !slices.Equal(got.Totals, []int{5, 4, 1}) {
		t.Fatalf("sources %v totals %v", got.Sources, got.Totals)
	}
	// The label set's order (CLAIM, QUOTE, DEMAND), only labels that occur.
	if !slices.Equal(got.Labels, []string{"CLAIM", "QUOTE", "DEMAND"}) {
		t.Errorf("labels = %v", got.Labels)
	}
	if !slices.Equal(got.Counts["CLAIM"], []int{2, 4, 0}) || !slices.Equal(got.Counts["QUOTE"], []int{3, 0, 0}) {
		t.Errorf("counts = %v", got.Counts)
	}
	top := ComputeSourceCounts(factsWithSourcesAndCasualties(), labelSet, Filter{Annotator: "ana"}, 1)
	if !slices.Equal(top.Sources, []string{"the ministry"}) || top.Totals[0] != 4 {
		t.Errorf("ana's top source = %v %v", top.Sources, top.Totals)
	}
	if none := ComputeSourceCounts(factsWithSourcesAndCasualties(), labelSet, Filter{Labels: []string{"CASUALTY"}}, 0).Sources; len(none) != 0 {
		t.Error("a label no statement has still lists sources")
	}
}

func TestCasualtiesArePlacedOnTheDocumentDate(t *testing.T) {
	got := ComputeCasualties(factsWithSourcesAndCasualties(), Filter{})
	if !slices.Equal(got.Kinds, []string{"killed", "injured", "unspecified"}) {
		t.Fatalf("kinds = %v", got.Kinds)
	}
	killed := got.ByKind["killed"]
	if len(killed) != 2 || !killed[0].Date.Equal(day("2026-10-30")) || killed[0].Value != 9 || killed[1].Value != 14 {
		t.Errorf("killed = %+v: in date order, on the document's date", killed)
	}
	if got.ByKind["injured"][0].Value != 25 || got.ByKind["unspecified"][0].Value != 40 {
		t.Errorf("a range is placed at its middle, an open one at its known end: %+v", got.ByKind)
	}
	if got.NoNumber != 1 || got.Points() != 4 {
		t.Errorf("no number %d, points %d", got.NoNumber, got.Points())
	}
	if ComputeCasualties(factsWithSourcesAndCasualties(), Filter{Labels: []string{"QUOTE"}}).Points() != 0 {
		t.Error("a label filter without CASUALTY still charts casualties")
	}
	dated := ComputeCasualties(factsWithSourcesAndCasualties(), Filter{From: day("2026-11-01"), Status: annotate.StatusDone})
	if dated.Points() != 1 || dated.ByKind["killed"][0].Value != 14 {
		t.Errorf("date and status filter: %+v", dated.ByKind)
	}
}
