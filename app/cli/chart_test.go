package cli

import (
	"encoding/json"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// importTwoAnnotators imports the same documents' spans under two annotators.
func importTwoAnnotators(t *testing.T, dir, db string) {
	t.Helper()
	ana := writeFile(t, filepath.Join(dir, "ana.jsonl"), []byte(
		`{"text":"“Hold the line,” said Ilse Marrow — at least 12 died.","spans":[{"start":0,"end":16,"label":"QUOTE"},{"start":36,"end":52,"label":"CASUALTY"}]}`+"\n"+
			`{"text":"Officials said the talks failed.","spans":[{"start":15,"end":31,"label":"CLAIM"}]}`+"\n"))
	ben := writeFile(t, filepath.Join(dir, "ben.jsonl"), []byte(
		`{"text":"“Hold the line,” said Ilse Marrow — at least 12 died.","spans":[{"start":0,"end":16,"label":"QUOTE"}]}`+"\n"))
	for _, run := range []struct{ who, file string }{{"ana", ana}, {"ben", ben}} {
		if code, _, stderr := runCLI(t, db, "import", "--annotator", run.who, run.file); code != 0 {
			t.Fatalf("import %s: %s", run.who, stderr)
		}
	}
}

func TestChartWritesEachFormatAndItsNumbers(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	importTwoAnnotators(t, dir, db)
	for _, name := range []string{"labels.png", "labels.svg", "labels.pdf"} {
		out := filepath.Join(dir, name)
		csvOut := out + ".csv"
		code, _, stderr := runCLI(t, db, "chart", "labels", "--out", out, "--csv", csvOut, "--width", "8", "--height", "6", "--dpi", "100")
		if code != 0 {
			t.Fatalf("chart labels --out %s exited %d: %s", name, code, stderr)
		}
		data, err := os.ReadFile(out)
		if err != nil || len(data) == 0 {
			t.Fatalf("%s: %v (%d bytes)", name, err, len(data))
		}
		numbers, _ := os.ReadFile(csvOut)
		if !strings.Contains(string(numbers), "QUOTE,1,1") || !strings.Contains(string(numbers), "CLAIM,1,0") {
			t.Errorf("%s numbers:\n%s", name, numbers)
		}
	}
	f, err := os.Open(filepath.Join(dir, "labels.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	// 8 cm x 6 cm at 100 dpi.
	if img.Bounds().Dx() != 315 || img.Bounds().Dy() != 236 {
		t.Errorf("PNG is %v", img.Bounds())
	}
}

func TestChartOfAnEmptyDatabaseSaysNoDataYet(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "progress.svg")
	code, _, stderr := runCLI(t, filepath.Join(dir, "empty.db"), "chart", "progress", "--out", out)
	if code != 0 {
		t.Fatalf("exited %d: %s", code, stderr)
	}
	svg, _ := os.ReadFile(out)
	if !strings.Contains(string(svg), "No data yet") || !strings.Contains(stderr, "no data yet") {
		t.Errorf("stderr %q; image says no data: %v", stderr, strings.Contains(string(svg), "No data yet"))
	}
}

func TestChartRefusesBadRequests(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	for _, tc := range []struct {
		args []string
		code int
		says string
	}{
		{[]string{"chart", "pie", "--out", "x.png"}, 2, "say which chart"},
		{[]string{"chart", "labels"}, 2, "--out"},
		{[]string{"chart", "labels", "--out", "x.gif"}, 2, ".png, .svg or .pdf"},
		{[]string{"chart", "labels", "--out", "x.png", "--from", "29/11/2026"}, 2, "not a date"},
		{[]string{"chart", "labels", "--out", "x.png", "--from", "2026-11-29", "--to", "2026-11-01"}, 2, "before"},
		{[]string{"chart", "labels", "--out", "x.png", "--status", "finished"}, 2, "unknown status"},
		{[]string{"chart", "labels", "--out", filepath.Join(dir, "x.png"), "--label", "NOPE"}, 1, `"NOPE"`},
	} {
		code, _, stderr := runCLI(t, db, tc.args...)
		if code != tc.code || !strings.Contains(stderr, tc.says) {
			t.Errorf("%v: exit %d, stderr %q; want exit %d saying %q", tc.args, code, stderr, tc.code, tc.says)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.png")); err == nil {
		t.Error("a refused chart left a file behind")
	}
}

func TestStatsJSONCountsPerAnnotatorAndDay(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "news.db")
	importTwoAnnotators(t, dir, db)
	_, stdout := readStats(t, db)
	var stats struct {
		Annotators map[string]struct {
			Spans     int            `json:"spans"`
			Documents int            `json:"documents"`
			Labels    map[string]int `json:"labels"`
		} `json:"annotators"`
		SpansPerDay map[string]map[string]int `json:"spans_per_day"`
	}
	if err := json.Unmarshal([]byte(stdout), &stats); err != nil {
		t.Fatal(err)
	}
	ana, ben := stats.Annotators["ana"], stats.Annotators["ben"]
	if ana.Spans != 3 || ana.Documents != 2 || ana.Labels["CASUALTY"] != 1 || ben.Spans != 1 || ben.Documents != 1 {
		t.Errorf("annotators = %+v", stats.Annotators)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	if stats.SpansPerDay[today]["ana"] != 3 || stats.SpansPerDay[today]["ben"] != 1 {
		t.Errorf("spans per day = %v (today %s)", stats.SpansPerDay, today)
	}
}
