package docview

import (
	"bufio"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// bidiCharacterTest is Unicode's conformance file, from Debian's unicode-data
// package (scripts/install-deps.sh installs it).
const bidiCharacterTest = "/usr/share/unicode/BidiCharacterTest.txt"

// TestBidiCharacterConformance checks the levels (bidiLevels) and the visual
// order of a line (lineOrder) against every line of BidiCharacterTest.txt.
func TestBidiCharacterConformance(t *testing.T) {
	f, err := os.Open(bidiCharacterTest)
	if err != nil {
		t.Skipf("skipping the UAX #9 conformance test: %v (apt-get install unicode-data)", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	lineNo, cases, levelsOK, orderOK := 0, 0, 0, 0
	var order []int32
	for sc.Scan() {
		lineNo++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, ";")
		if len(fields) != 5 {
			t.Fatalf("%s line %d: %d fields, want 5", bidiCharacterTest, lineNo, len(fields))
		}
		var text []rune
		for _, hex := range strings.Fields(fields[0]) {
			cp, err := strconv.ParseUint(hex, 16, 32)
			if err != nil {
				t.Fatalf("%s line %d: code point %q: %v", bidiCharacterTest, lineNo, hex, err)
			}
			text = append(text, rune(cp))
		}
		dir := map[string]Direction{"0": DirectionLTR, "1": DirectionRTL, "2": DirectionAuto}[fields[1]]
		wantPara := fields[2]
		wantLevels := strings.Fields(fields[3])
		var wantOrder []int32
		for _, s := range strings.Fields(fields[4]) {
			k, _ := strconv.Atoi(s)
			wantOrder = append(wantOrder, int32(k))
		}
		cases++

		levels := bidiLevels(text, dir)
		if levels == nil {
			levels = make([]uint8, len(text))
		}
		gotPara := "0"
		if len(levels) > 0 && levels[0]&rtlParagraph != 0 {
			gotPara = "1"
		}
		ok := gotPara == wantPara
		for i, want := range wantLevels {
			if want != "x" && want != strconv.Itoa(int(levels[i]&^rtlParagraph)) {
				ok = false
			}
		}
		if ok {
			levelsOK++
		} else if cases-levelsOK <= 5 {
			t.Errorf("%s line %d: levels %v (paragraph %s), want %v (paragraph %s)", bidiCharacterTest, lineNo, levels, gotPara, wantLevels, wantPara)
		}
		order = lineOrder(text, levels, order)
		got := slices.DeleteFunc(slices.Clone(order), func(k int32) bool { return wantLevels[k] == "x" })
		if slices.Equal(got, wantOrder) {
			orderOK++
		} else if ok && cases-orderOK <= 5 {
			t.Errorf("%s line %d: visual order %v, want %v", bidiCharacterTest, lineNo, got, wantOrder)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatalf("read %s: %v", bidiCharacterTest, err)
	}
	if cases == 0 {
		t.Fatalf("%s holds no test lines", bidiCharacterTest)
	}
	t.Logf("BidiCharacterTest.txt: levels match on %d of %d lines, visual order on %d", levelsOK, cases, orderOK)
}
