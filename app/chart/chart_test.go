package chart

import (
	"bytes"
	"encoding/csv"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/overview"
)

var labelSet = []annotate.Label{
	{Name: "CLAIM", Color: "#4477AA"}, {Name: "QUOTE", Color: "#EE6677"},
	{Name: "DEMAND", Color: "#228833"}, {Name: "CASUALTY", Color: "#CCBB44"},
}

func day(s string) time.Time {
	t, _ := time.Parse(time.DateOnly, s)
	return t
}

func facts() annotate.OverviewFacts {
	return annotate.OverviewFacts{
		Documents: map[annotate.Status]int{annotate.StatusNew: 4, annotate.StatusInProgress: 3, annotate.StatusDone: 5},
		AnnotatorDocuments: []annotate.AnnotatorDocumentCount{
			{Annotator: "ana", Status: annotate.StatusDone, Documents: 5},
			{Annotator: "ben", Status: annotate.StatusInProgress, Documents: 3},
			{Annotator: "cai", Status: annotate.StatusDone, Documents: 2},
		},
		Spans: []annotate.SpanCount{
			{Label: "QUOTE", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-02"), Spans: 12},
			{Label: "CLAIM", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-03"), Spans: 8},
			{Label: "CASUALTY", Annotator: "ben", Status: annotate.StatusInProgress, Day: day("2026-11-05"), Spans: 4},
			{Label: "DEMAND", Annotator: "cai", Status: annotate.StatusDone, Day: day("2026-11-06"), Spans: 6},
		},
	}
}

func TestSeriesMatchTheData(t *testing.T) {
	progress := Progress(overview.ComputeProgress(facts(), overview.Filter{}), Light(labelSet))
	// Three statuses stacked, then one line per annotator.
	if progress.Series != 3+3 {
		t.Errorf("progress series = %d, want 3 statuses + 3 annotators", progress.Series)
	}
	byAnnotator := Labels(overview.ComputeLabelCounts(facts(), labelSet, overview.Filter{}, overview.ByAnnotator), Light(labelSet))
	if byAnnotator.Series != 3 {
		t.Errorf("labels by annotator series = %d, want one per annotator (3)", byAnnotator.Series)
	}
	oneAnnotator := Labels(overview.ComputeLabelCounts(facts(), labelSet, overview.Filter{Annotator: "ana"}, overview.ByAnnotator), Light(labelSet))
	if oneAnnotator.Series != len(labelSet) {
		t.Errorf("one annotator's labels series = %d, want one per label in its colour (%d)", oneAnnotator.Series, len(labelSet))
	}
	byStatus := Labels(overview.ComputeLabelCounts(facts(), labelSet, overview.Filter{}, overview.ByStatus), Dark(labelSet))
	if byStatus.Series != 2 {
		t.Errorf("labels by status series = %d, want 2 (no span is in a new document)", byStatus.Series)
	}
}

func TestPNGHasThePublicationSize(t *testing.T) {
	figure := Labels(overview.ComputeLabelCounts(facts(), labelSet, overview.Filter{}, overview.ByAnnotator), Light(labelSet))
	var out bytes.Buffer
	if err := figure.WriteTo(&out, "png", Publication); err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(&out)
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	// 16 cm x 10 cm at 300 dpi.
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 1890 || h != 1181 {
		t.Errorf("PNG is %dx%d px, want 1890x1181", w, h)
	}
}

func TestSVGAndPDFCarryTheChart(t *testing.T) {
	figure := Progress(overview.ComputeProgress(facts(), overview.Filter{}), Dark(labelSet))
	var svg, pdf bytes.Buffer
	if err := figure.WriteTo(&svg, "svg", Publication); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"<svg", "Documents by status", "Spans per day", "ana", "ben", "cai", "in progress"} {
		if !strings.Contains(svg.String(), want) {
			t.Errorf("SVG lacks %q", want)
		}
	}
	if err := figure.WriteTo(&pdf, "pdf", Publication); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(pdf.Bytes(), []byte("%PDF-")) {
		t.Errorf("PDF starts %q", pdf.Bytes()[:min(8, pdf.Len())])
	}
	if err := figure.WriteTo(&pdf, "gif", Publication); err == nil {
		t.Error("an unknown format was accepted")
	}
}

func TestEmptyProjectSaysNoDataYet(t *testing.T) {
	for _, figure := range []Figure{
		Progress(overview.ComputeProgress(annotate.OverviewFacts{}, overview.Filter{}), Light(labelSet)),
		Labels(overview.ComputeLabelCounts(annotate.OverviewFacts{}, labelSet, overview.Filter{}, overview.ByStatus), Light(labelSet)),
	} {
		if !figure.Empty || figure.Series != 0 {
			t.Errorf("%s: empty = %v, series = %d", figure.Name, figure.Empty, figure.Series)
		}
		var svg bytes.Buffer
		if err := figure.WriteTo(&svg, "svg", Publication); err != nil {
			t.Fatalf("%s: %v", figure.Name, err)
		}
		if !strings.Contains(svg.String(), "No data yet") {
			t.Errorf("%s: the image does not say there is no data", figure.Name)
		}
	}
}

func TestCSVHoldsTheNumbers(t *testing.T) {
	figure := Labels(overview.ComputeLabelCounts(facts(), labelSet, overview.Filter{}, overview.ByAnnotator), Light(labelSet))
	var out bytes.Buffer
	if err := figure.WriteCSV(&out); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&out).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{{"label", "ana", "ben", "cai"}, {"CLAIM", "8", "0", "0"}, {"QUOTE", "12", "0", "0"}, {"DEMAND", "0", "0", "6"}, {"CASUALTY", "0", "4", "0"}}
	if len(rows) != len(want) {
		t.Fatalf("rows = %v", rows)
	}
	for i := range want {
		if strings.Join(rows[i], ",") != strings.Join(want[i], ",") {
			t.Errorf("row %d = %v, want %v", i, rows[i], want[i])
		}
	}
}

func TestScreenImageFollowsThePixelScale(t *testing.T) {
	figure := Progress(overview.ComputeProgress(facts(), overview.Filter{}), Light(labelSet))
	for _, scale := range []float32{1, 2} {
		img := figure.Image(int(640*scale), int(400*scale), scale)
		if img.Bounds().Dx() != int(640*scale) || img.Bounds().Dy() != int(400*scale) {
			t.Errorf("scale %v: image %v", scale, img.Bounds())
		}
	}
	if dir := os.Getenv("NEWSMARK_CHART_SAMPLES"); dir != "" {
		// For looking at: NEWSMARK_CHART_SAMPLES=/tmp/charts go test ./app/chart -run Screen
		for _, th := range []struct {
			name  string
			theme Theme
		}{{"light", Light(labelSet)}, {"dark", Dark(labelSet)}} {
			for _, f := range []Figure{
				Progress(overview.ComputeProgress(facts(), overview.Filter{}), th.theme),
				Labels(overview.ComputeLabelCounts(facts(), labelSet, overview.Filter{}, overview.ByAnnotator), th.theme),
				Labels(overview.ComputeLabelCounts(facts(), labelSet, overview.Filter{Annotator: "ana"}, overview.ByAnnotator), th.theme),
			} {
				file, err := os.Create(filepath.Join(dir, f.Name+"-"+th.name+"-"+strings.ReplaceAll(f.Title, " ", "_")+".png"))
				if err != nil {
					t.Fatal(err)
				}
				if err := f.WriteTo(file, "png", Size{Width: Publication.Width, Height: Publication.Height, DPI: 96}); err != nil {
					t.Fatal(err)
				}
				file.Close()
			}
		}
	}
}
