package annotate

import (
	"strings"
	"testing"
)

func TestSpanValidate(t *testing.T) {
	cases := []struct {
		name    string
		span    Span
		wantErr string
	}{
		{"a span inside the document is valid", Span{Start: 0, End: 5, Label: "QUOTE"}, ""},
		{"a span ending at the last character is valid", Span{Start: 20, End: 25, Label: "QUOTE"}, ""},
		{"a span past the end is refused", Span{Start: 20, End: 26, Label: "QUOTE"}, "outside the document (length 25)"},
		{"a negative start is refused", Span{Start: -1, End: 3, Label: "QUOTE"}, "outside the document"},
		{"an empty span is refused", Span{Start: 4, End: 4, Label: "QUOTE"}, "empty or reversed"},
		{"a reversed span is refused", Span{Start: 9, End: 4, Label: "QUOTE"}, "empty or reversed"},
		{"a span without a label is refused", Span{Start: 0, End: 3}, "no label"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.span.Validate(25)
			if c.wantErr == "" {
				if err != nil {
					t.Fatalf("Validate: %v", err)
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) {
				t.Fatalf("Validate error = %v, want one containing %q", err, c.wantErr)
			}
			if ErrorCode(err) != EINVALID {
				t.Errorf("code = %q, want %q", ErrorCode(err), EINVALID)
			}
		})
	}
}

func TestLabelValidate(t *testing.T) {
	good := Label{Name: "CASUALTY", Color: "#CC79A7", Hotkey: "4"}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid label refused: %v", err)
	}
	cases := map[string]Label{
		"a label without a name":   {Color: "#000000"},
		"a name with a space":      {Name: "TWO WORDS", Color: "#000000"},
		"a colour without a hash":  {Name: "X", Color: "000000"},
		"a three-digit colour":     {Name: "X", Color: "#000"},
		"a hotkey of zero":         {Name: "X", Color: "#000000", Hotkey: "0"},
		"a hotkey that is letters": {Name: "X", Color: "#000000", Hotkey: "ab"},
	}
	for name, label := range cases {
		t.Run(name+" is refused", func(t *testing.T) {
			if err := label.Validate(); err == nil {
				t.Fatalf("Validate(%+v) = nil, want an error", label)
			}
		})
	}
}

func TestDocumentValidate(t *testing.T) {
	if err := (Document{Title: "ok", Text: newsText}).Validate(); err != nil {
		t.Fatalf("valid document refused: %v", err)
	}
	if err := (Document{Title: "empty"}).Validate(); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("empty document: %v", err)
	}
	if err := (Document{Title: "bad", Text: "ab\xffcd"}).Validate(); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("invalid UTF-8: %v", err)
	}
	if err := (Document{Title: "s", Text: "x", Status: "finished"}).Validate(); err == nil {
		t.Errorf("unknown status accepted")
	}
}

func TestTitleFromTextTakesTheFirstNonBlankLine(t *testing.T) {
	cases := map[string]string{
		"\r\n\r\n# “Ceasefire” talks stall\r\nBody": "“Ceasefire” talks stall",
		"   \n\nHeadline\nBody":                     "Headline",
		"":                                          "Untitled",
		strings.Repeat("é", 100):                    strings.Repeat("é", 80) + "…",
	}
	for text, want := range cases {
		if got := TitleFromText(text); got != want {
			t.Errorf("TitleFromText(%q) = %q, want %q", text, got, want)
		}
	}
}

func TestImportErrorListsProblemsUpToTheLimit(t *testing.T) {
	var importErr ImportError
	for i := 0; i < MaxReportedErrors+5; i++ {
		importErr.Add(RecordError{Origin: "a.jsonl:" + strings.Repeat("1", 1+i%3), Err: Errorf(EINVALID, "bad")})
	}
	msg := importErr.Error()
	if !strings.Contains(msg, "25 problems") || !strings.Contains(msg, "… and 5 more") {
		t.Errorf("message does not count all problems: %s", msg)
	}
	if got := strings.Count(msg, "a.jsonl:"); got != MaxReportedErrors {
		t.Errorf("message lists %d problems, want %d", got, MaxReportedErrors)
	}
}

func TestDocumentWithNULIsRefused(t *testing.T) {
	err := (Document{Title: "n", Text: "ab\x00cd"}).Validate()
	if err == nil || !strings.Contains(err.Error(), "NUL") || !strings.Contains(err.Error(), "byte 2") {
		t.Errorf("Validate = %v, want a NUL error naming byte 2", err)
	}
}

func TestTrimToContentDropsSurroundingWhiteSpace(t *testing.T) {
	cases := []struct {
		name               string
		covered            string
		start, end         int
		wantStart, wantEnd int
	}{
		{"a leading space goes", " wounded since the", 497, 515, 498, 515},
		{"a trailing CRLF goes", "“Ceasefire,”\r\n", 0, 14, 0, 12},
		{"a non-breaking space counts as space", "\u00a014 civilians\u00a0", 10, 24, 11, 23},
		{"inner spaces stay", "at least 14", 5, 16, 5, 16},
		{"an emoji is content", " 😀 ", 3, 6, 4, 5},
		{"all white space collapses", " \r\n ", 7, 11, 11, 11},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			gotStart, gotEnd := TrimToContent(c.covered, c.start, c.end)
			if gotStart != c.wantStart || gotEnd != c.wantEnd {
				t.Errorf("TrimToContent(%q, %d, %d) = %d, %d; want %d, %d", c.covered, c.start, c.end, gotStart, gotEnd, c.wantStart, c.wantEnd)
			}
		})
	}
}
