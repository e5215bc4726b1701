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

	"gonum.org/v1/plot"

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

func num(v float64) *float64 { return &v }

func factsWithStatements() annotate.OverviewFacts {
	f := facts()
	f.Sources = []annotate.SourceCount{
		{Source: "Ilse Marrow", Label: "QUOTE", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-02"), Spans: 6},
		{Source: "Ilse Marrow", Label: "CLAIM", Annotator: "ana", Status: annotate.StatusDone, Day: day("2026-11-02"), Spans: 2},
		{Source: "the health ministry", Label: "CLAIM", Annotator: "ben", Status: annotate.StatusInProgress, Day: day("2026-11-05"), Spans: 5},
		{Source: "striking nurses", Label: "DEMAND", Annotator: "cai", Status: annotate.StatusDone, Day: day("2026-11-06"), Spans: 3},
	}
	f.DocumentDates = map[int64]time.Time{1: day("2026-11-01"), 2: day("2026-11-03"), 3: day("2026-11-04")}
	f.Casualties = []annotate.Casualty{
		{DocID: 1, Title: "Shelling", Text: "at least 9 civilians were killed", Kind: "killed", Count: num(9), Annotator: "ana", Status: annotate.StatusDone},
		{DocID: 2, Title: "Toll rises", Text: "14 people died", Kind: "killed", Count: num(14), Annotator: "ana", Status: annotate.StatusDone},
		{DocID: 3, Title: "Floods", Text: "between 20 and 30 were injured", Kind: "injured", Min: num(20), Max: num(30), Annotator: "ben", Status: annotate.StatusInProgress},
		{DocID: 3, Title: "Floods", Text: "thousands fled", Kind: "displaced", Qualifier: "vague", Annotator: "ben", Status: annotate.StatusInProgress},
	}
	return f
}

func TestSourcesAndCasualtiesChartTheirData(t *testing.T) {
	f := factsWithStatements()
	sources := Sources(overview.ComputeSourceCounts(f, labelSet, overview.Filter{}, TopSources), Light(labelSet))
	// One series per statement label that occurs: CLAIM, QUOTE, DEMAND.
	if sources.Series != 3 || len(sources.Table) != 4 || sources.Table[1][0] != "the health ministry" && sources.Table[1][0] != "Ilse Marrow" {
		t.Errorf("sources: %d series, table %v", sources.Series, sources.Table)
	}
	if sources.Table[1][0] != "Ilse Marrow" || sources.Table[1][len(sources.Table[1])-1] != "8" {
		t.Errorf("the most quoted source heads the table: %v", sources.Table[1])
	}
	casualties := Casualties(overview.ComputeCasualties(f, overview.Filter{}), Dark(labelSet))
	// killed and injured have numbers; "thousands fled" has none to place.
	if casualties.Series != 2 || len(casualties.Table) != 1+3 {
		t.Errorf("casualties: %d series, %d rows", casualties.Series, len(casualties.Table))
	}
	var svg bytes.Buffer
	if err := casualties.WriteTo(&svg, "svg", Publication); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"killed", "injured", "Reported casualty figures"} {
		if !strings.Contains(svg.String(), want) {
			t.Errorf("casualties SVG lacks %q", want)
		}
	}
	for _, empty := range []Figure{
		Sources(overview.ComputeSourceCounts(facts(), labelSet, overview.Filter{}, TopSources), Light(labelSet)),
		Casualties(overview.ComputeCasualties(facts(), overview.Filter{}), Light(labelSet)),
	} {
		if !empty.Empty {
			t.Errorf("%s of a project without sources or figures is not empty", empty.Name)
		}
	}
	if dir := os.Getenv("NEWSMARK_CHART_SAMPLES"); dir != "" {
		for _, fig := range []Figure{sources, casualties} {
			file, err := os.Create(filepath.Join(dir, fig.Name+".png"))
			if err != nil {
				t.Fatal(err)
			}
			if err := fig.WriteTo(file, "png", Size{Width: Publication.Width, Height: Publication.Height, DPI: 96}); err != nil {
				t.Fatal(err)
			}
			file.Close()
		}
	}
}

func TestFiguresFarApartGetALogAxis(t *testing.T) {
	f := factsWithStatements()
	near := Casualties(overview.ComputeCasualties(f, overview.Filter{}), Light(labelSet))
	if _, isLog := near.plots[0].Y.Scale.(plot.LogScale); isLog {
		t.Error("figures of 9 to 25 got a log axis")
	}
	f.Casualties = append(f.Casualties,
		annotate.Casualty{DocID: 2, Kind: "displaced", Count: num(25000), Annotator: "ana", Status: annotate.StatusDone},
		annotate.Casualty{DocID: 2, Kind: "missing", Count: num(0), Annotator: "ana", Status: annotate.StatusDone})
	far := Casualties(overview.ComputeCasualties(f, overview.Filter{}), Light(labelSet))
	if _, isLog := far.plots[0].Y.Scale.(plot.LogScale); !isLog {
		t.Error("figures of 9 to 25,000 kept a linear axis")
	}
	// "missing" holds only a zero, which a log axis cannot place: no series for
	// it, but the CSV keeps the figure.
	if far.Series != 3 || len(far.Table) != 1+5 {
		t.Errorf("log axis: %d series, %d rows", far.Series, len(far.Table))
	}
}
