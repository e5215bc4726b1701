package annotate

import (
	"encoding/json"
	"os/exec"
	"strings"
	"testing"
)

// newsText holds every character class that shifts offsets between units: curly
// quotes, an em dash, an emoji outside the BMP, CRLF, a non-breaking space and an
// apostrophe. Code points, bytes and UTF-16 units of each are worked out by hand in
// the tests below.
const newsText = "“Hi,” she said — 😀\r\nA\u00a0B’s"

func TestOffsetsAgreeWithHandCountedPositions(t *testing.T) {
	o := NewOffsets(newsText)
	if o.Len() != 25 {
		t.Fatalf("Len() = %d, want 25 code points", o.Len())
	}
	cases := []struct {
		name      string
		codepoint int
		byteOff   int
		utf16Off  int
	}{
		{"start of text", 0, 0, 0},
		{"after the opening curly quote", 1, 3, 1},
		{"after the closing curly quote", 5, 9, 5},
		{"the em dash", 15, 19, 15},
		{"the emoji", 17, 23, 17},
		{"the carriage return after the emoji", 18, 27, 19},
		{"the line feed", 19, 28, 20},
		{"the non-breaking space", 21, 30, 22},
		{"the apostrophe", 23, 33, 24},
		{"end of text", 25, 37, 26},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gotByte, err := o.ToUnit(c.codepoint, UnitByte)
			if err != nil || gotByte != c.byteOff {
				t.Errorf("ToUnit(%d, byte) = %d, %v; want %d", c.codepoint, gotByte, err, c.byteOff)
			}
			gotUTF16, err := o.ToUnit(c.codepoint, UnitUTF16)
			if err != nil || gotUTF16 != c.utf16Off {
				t.Errorf("ToUnit(%d, utf16) = %d, %v; want %d", c.codepoint, gotUTF16, err, c.utf16Off)
			}
			back, err := o.FromUnit(c.byteOff, UnitByte)
			if err != nil || back != c.codepoint {
				t.Errorf("FromUnit(%d, byte) = %d, %v; want %d", c.byteOff, back, err, c.codepoint)
			}
			back, err = o.FromUnit(c.utf16Off, UnitUTF16)
			if err != nil || back != c.codepoint {
				t.Errorf("FromUnit(%d, utf16) = %d, %v; want %d", c.utf16Off, back, err, c.codepoint)
			}
			if got := o.ByteOffset(c.codepoint); got != c.byteOff {
				t.Errorf("ByteOffset(%d) = %d, want %d", c.codepoint, got, c.byteOff)
			}
		})
	}
}

func TestSliceCountsCodePointsLikePython(t *testing.T) {
	o := NewOffsets(newsText)
	cases := []struct {
		start, end int
		want       string
	}{
		{0, 5, "“Hi,”"},
		{15, 16, "—"},
		{17, 20, "😀\r\n"},
		{20, 23, "A\u00a0B"},
		{23, 25, "’s"},
		{0, 25, newsText},
		{7, 7, ""},
	}
	for _, c := range cases {
		if got := o.Slice(c.start, c.end); got != c.want {
			t.Errorf("Slice(%d, %d) = %q, want %q", c.start, c.end, got, c.want)
		}
	}
}

func TestFromUnitRefusesOffsetsInsideACharacter(t *testing.T) {
	o := NewOffsets(newsText)
	cases := []struct {
		name   string
		offset int
		unit   Unit
	}{
		{"the second byte of the opening quote", 1, UnitByte},
		{"the middle of the emoji's four bytes", 25, UnitByte},
		{"between the emoji's surrogate halves", 18, UnitUTF16},
		{"past the end in bytes", 38, UnitByte},
		{"past the end in UTF-16 units", 27, UnitUTF16},
		{"past the end in code points", 26, UnitCodepoint},
		{"a negative offset", -1, UnitCodepoint},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got, err := o.FromUnit(c.offset, c.unit); err == nil {
				t.Fatalf("FromUnit(%d, %s) = %d, want an error", c.offset, c.unit, got)
			} else if ErrorCode(err) != EINVALID {
				t.Errorf("error code = %q, want %q (%v)", ErrorCode(err), EINVALID, err)
			}
		})
	}
}

func TestEveryCodePointRoundTripsThroughEveryUnit(t *testing.T) {
	texts := []string{newsText, "plain ASCII only", "", "😀😀😀", "a\u00a0\u00a0b\r\n\r\n"}
	for _, text := range texts {
		o := NewOffsets(text)
		for _, unit := range []Unit{UnitCodepoint, UnitUTF16, UnitByte} {
			previous := -1
			for cp := 0; cp <= o.Len(); cp++ {
				off, err := o.ToUnit(cp, unit)
				if err != nil {
					t.Fatalf("%q ToUnit(%d, %s): %v", text, cp, unit, err)
				}
				if off <= previous {
					t.Fatalf("%q: offsets in %s do not increase at code point %d (%d after %d)", text, unit, cp, off, previous)
				}
				previous = off
				back, err := o.FromUnit(off, unit)
				if err != nil || back != cp {
					t.Fatalf("%q: FromUnit(ToUnit(%d, %s)) = %d, %v", text, cp, unit, back, err)
				}
			}
		}
		if o.LenIn(UnitByte) != len(text) {
			t.Errorf("%q: LenIn(byte) = %d, want %d", text, o.LenIn(UnitByte), len(text))
		}
	}
}

// TestOffsetsMatchPython asks Python itself what its str indexing, UTF-16 and UTF-8
// lengths are, so the hand-counted figures above are not the only witness.
func TestOffsetsMatchPython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found; the hand-counted offset tests still ran")
	}
	script := `import json,sys
t=json.load(sys.stdin)
print(json.dumps([[len(t[:i]), len(t[:i].encode('utf-16-le'))//2, len(t[:i].encode('utf-8'))] for i in range(len(t)+1)]))`
	cmd := exec.Command(python, "-c", script)
	input, _ := json.Marshal(newsText)
	cmd.Stdin = strings.NewReader(string(input))
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v", err)
	}
	var rows [][3]int
	if err := json.Unmarshal(out, &rows); err != nil {
		t.Fatalf("read python output %q: %v", out, err)
	}
	o := NewOffsets(newsText)
	if len(rows) != o.Len()+1 {
		t.Fatalf("python counts %d code points, Offsets counts %d", len(rows)-1, o.Len())
	}
	for cp, row := range rows {
		u16, _ := o.ToUnit(cp, UnitUTF16)
		b, _ := o.ToUnit(cp, UnitByte)
		if row[0] != cp || row[1] != u16 || row[2] != b {
			t.Errorf("code point %d: python says (cp %d, utf16 %d, byte %d), Offsets says (%d, %d, %d)", cp, row[0], row[1], row[2], cp, u16, b)
		}
	}
}

func TestParseUnit(t *testing.T) {
	for _, name := range []string{"codepoint", "utf16", "byte"} {
		if u, err := ParseUnit(name); err != nil || string(u) != name {
			t.Errorf("ParseUnit(%q) = %q, %v", name, u, err)
		}
	}
	if _, err := ParseUnit("utf8"); err == nil || !strings.Contains(err.Error(), "utf8") {
		t.Errorf("ParseUnit(utf8) error = %v, want one naming the bad unit", err)
	}
}
