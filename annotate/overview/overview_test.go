package overview

import (
	"slices"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
)

func day(s string) time.Time {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return t
}

func sampleFacts() annotate.OverviewFacts {
	return annotate.OverviewFacts{
		Documents: map[annotate.Status]int{annotate.StatusNew: 5, annotate.StatusInProgress: 2, annotate.StatusDone: 3},
		AnnotatorDocuments: []annotate.AnnotatorDocumentCount{
			{Annotator: "ana", Status: annotate.StatusDone, Documents: 3},
			{Annotator: "ana", Status: annotate.StatusInProgress, Documents: 1},
			{Annotator: "ben", Status: annotate.StatusInProgress, Documents: 2},
		},
		Spans: []annotate.SpanCount{
			{Label: "QUOTE", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-01"), Spans: 4},
			{Label: "CLAIM", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-01"), Spans: 2},
			{Label: "QUOTE", Annotator: "ben", Status: annotate.StatusInProgress, Day: day("2026-11-04"), Spans: 7},
			{Label: "EXTRA", Annotator: "ben", Status: annotate.StatusInProgress, Day: day("2026-11-03"), Spans: 1},
		},
	}
}

var labelSet = []annotate.Label{{Name: "CLAIM"}, {Name: "QUOTE"}, {Name: "DEMAND"}}

func TestProgressFillsIdleDaysWithZeros(t *testing.T) {
	p := ComputeProgress(sampleFacts(), Filter{})
	if len(p.Days) != 4 || !p.Days[0].Equal(day("2026-11-01")) || !p.Days[3].Equal(day("2026-11-04")) {
		t.Fatalf("days = %v, want 1 to 4 November", p.Days)
	}
	if got := p.SpansPerDay["ana"]; !slices.Equal(got, []int{6, 0, 0, 0}) {
		t.Errorf("ana per day = %v", got)
	}
	if got := p.SpansPerDay["ben"]; !slices.Equal(got, []int{0, 0, 1, 7}) {
		t.Errorf("ben per day = %v", got)
	}
	if !slices.Equal(p.Annotators, []string{"ana", "ben"}) {
		t.Errorf("annotators = %v", p.Annotators)
	}
	if p.Documents[annotate.StatusNew] != 5 || len(p.ByAnnotator) != 2 || p.ByAnnotator[0].Documents[annotate.StatusDone] != 3 {
		t.Errorf("documents = %v, by annotator = %v", p.Documents, p.ByAnnotator)
	}
}

func TestProgressHonoursEveryFilter(t *testing.T) {
	p := ComputeProgress(sampleFacts(), Filter{Annotator: "ben", Labels: []string{"QUOTE"}, From: day("2026-11-02"), To: day("2026-11-04")})
	if len(p.Days) != 1 || p.SpansPerDay["ben"][0] != 7 || len(p.Annotators) != 1 {
		t.Errorf("filtered progress = %+v", p)
	}
	p = ComputeProgress(sampleFacts(), Filter{Status: annotate.StatusDone})
	if p.Documents[annotate.StatusNew] != 0 || p.Documents[annotate.StatusDone] != 3 || len(p.ByAnnotator) != 1 {
		t.Errorf("status filter: documents = %v, by annotator = %v", p.Documents, p.ByAnnotator)
	}
	if ComputeProgress(sampleFacts(), Filter{To: day("2026-10-31")}).Days != nil {
		t.Error("a range before every span still has days")
	}
}

func TestLabelCountsStackByAnnotatorAndStatus(t *testing.T) {
	byAnnotator := ComputeLabelCounts(sampleFacts(), labelSet, Filter{}, ByAnnotator)
	if !slices.Equal(byAnnotator.Labels, []string{"CLAIM", "QUOTE", "DEMAND", "EXTRA"}) {
		t.Fatalf("labels = %v: the label set's order, then labels only the spans know", byAnnotator.Labels)
	}
	if !slices.Equal(byAnnotator.Counts["ana"], []int{2, 4, 0, 0}) || !slices.Equal(byAnnotator.Counts["ben"], []int{0, 7, 0, 1}) {
		t.Errorf("counts = %v", byAnnotator.Counts)
	}
	if byAnnotator.Total() != 14 {
		t.Errorf("total = %d, want 14", byAnnotator.Total())
	}
	byStatus := ComputeLabelCounts(sampleFacts(), labelSet, Filter{Labels: []string{"QUOTE"}}, ByStatus)
	if !slices.Equal(byStatus.Labels, []string{"QUOTE"}) || !slices.Equal(byStatus.Groups, []string{"new", "in_progress", "done"}) {
		t.Fatalf("by status: labels %v groups %v", byStatus.Labels, byStatus.Groups)
	}
	if byStatus.Counts["done"][0] != 4 || byStatus.Counts["in_progress"][0] != 7 || byStatus.Counts["new"][0] != 0 {
		t.Errorf("by status counts = %v", byStatus.Counts)
	}
}

func TestNothingToChartIsEmpty(t *testing.T) {
	if !ComputeProgress(annotate.OverviewFacts{}, Filter{}).Empty() {
		t.Error("progress of an empty project is not empty")
	}
	if ComputeProgress(sampleFacts(), Filter{}).Empty() {
		t.Error("progress of a project with spans is empty")
	}
	if ComputeLabelCounts(annotate.OverviewFacts{}, labelSet, Filter{}, ByAnnotator).Total() != 0 {
		t.Error("label counts of an empty project are not zero")
	}
}
