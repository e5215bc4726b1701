package annotate

import (
	"strings"
	"testing"
)

func TestClipKeepsShortValuesAndCutsLongOnesAtACharacter(t *testing.T) {
	if got := Clip("“Pavić” 😀"); got != "“Pavić” 😀" {
		t.Errorf("short value changed: %q", got)
	}
	long := strings.Repeat("é", 100000)
	got := Clip(long)
	if RuneLen(got) != maxQuotedRunes+1 || !strings.HasSuffix(got, "…") {
		t.Errorf("clipped to %d characters: %q…", RuneLen(got), got[:20])
	}
}

func TestLabelErrorDoesNotEchoAHugeName(t *testing.T) {
	err := Label{Name: strings.Repeat("X", 100000), Color: "#112233"}.Validate()
	if err == nil || len(err.Error()) > 200 {
		t.Fatalf("error is %d bytes long", len(err.Error()))
	}
}

func TestQuotePathQuotesOnlyPathsThatWouldSplitAMessage(t *testing.T) {
	cases := map[string]string{
		"/data/news “today”.txt": "/data/news “today”.txt",
		"/data/a\nb.txt":         `"/data/a\nb.txt"`,
		"/data/tab\there":        `"/data/tab\there"`,
		"":                       `""`,
	}
	for in, want := range cases {
		if got := QuotePath(in); got != want {
			t.Errorf("QuotePath(%q) = %s, want %s", in, got, want)
		}
	}
	err := RecordError{Origin: "/d/a\nb.txt:3", Err: Errorf(EINVALID, "bad")}
	if strings.Contains(err.Error(), "\n") {
		t.Errorf("record error splits over lines: %q", err.Error())
	}
}
