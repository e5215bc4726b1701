package annotate

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseDateReadsTheFormsNewsSourcesUse(t *testing.T) {
	cases := []struct{ in, want string }{
		{"2024-03-05", "2024-03-05"},
		{" 2024-03-05T14:30:00+01:00 ", "2024-03-05T14:30:00+01:00"},
		{"2024-03-05T14:30:00.123Z", "2024-03-05T14:30:00Z"},
		{"2024-03-05T14:30:00", "2024-03-05T14:30:00"},
		{"2024-03-05 14:30:00", "2024-03-05T14:30:00"},
		{"Tue, 05 Mar 2024 14:30:00 +0100", "2024-03-05T14:30:00+01:00"},
		{"5 March 2024", "2024-03-05"},
		{"March 5, 2024", "2024-03-05"},
		{"March 5, 2024 Tuesday", "2024-03-05"},
		{"20240305", "2024-03-05"},
	}
	for _, c := range cases {
		got, err := ParseDate(c.in)
		if err != nil || got != c.want {
			t.Errorf("ParseDate(%q) = %q, %v; want %q", c.in, got, err, c.want)
		}
	}
	for _, bad := range []string{"03/05/2024", "yesterday", "2024-13-01", ""} {
		if got, err := ParseDate(bad); err == nil {
			t.Errorf("ParseDate(%q) = %q, want an error", bad, got)
		}
	}
}

func TestParseAuthorsSplitsABylineIntoNames(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"By Jane Doe and John Roe", []string{"Jane Doe", "John Roe"}},
		{"Ana Pavić, Ilse Marrow & Tom  Hale", []string{"Ana Pavić", "Ilse Marrow", "Tom Hale"}},
		{"Von Lena Müller und Jan Fuchs", []string{"Lena Müller", "Jan Fuchs"}},
		{"Jane Doe; Jane Doe", []string{"Jane Doe"}},
		{"  ", nil},
	}
	for _, c := range cases {
		if got := ParseAuthors(c.in); !slices.Equal(got, c.want) {
			t.Errorf("ParseAuthors(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestMetadataValidateRefusesWhatCannotBeAField(t *testing.T) {
	good := Metadata{Title: "Talks “stall”", Outlet: "The Courier", Authors: []string{"Ana Pavić"},
		Published: "2024-03-05", URL: "https://example.org/a", Language: "pt-BR"}
	if err := good.Validate(); err != nil {
		t.Fatalf("valid metadata refused: %v", err)
	}
	cases := map[string]func(m *Metadata){
		"line break in outlet":   func(m *Metadata) { m.Outlet = "The\nCourier" },
		"empty author":           func(m *Metadata) { m.Authors = []string{"Ana", " "} },
		"ambiguous date":         func(m *Metadata) { m.Published = "03/05/2024" },
		"relative URL":           func(m *Metadata) { m.URL = "/news/a" },
		"not a language tag":     func(m *Metadata) { m.Language = "English language" },
		"title over the maximum": func(m *Metadata) { m.Title = strings.Repeat("é", MaxMetadataField+1) },
	}
	for name, change := range cases {
		m := good
		change(&m)
		if err := m.Validate(); err == nil || ErrorCode(err) != EINVALID {
			t.Errorf("%s: Validate() = %v, want an invalid error", name, err)
		}
	}
}

func TestDocumentMetadataRoundTripsWithoutSharingSlices(t *testing.T) {
	var d Document
	m := Metadata{Title: "T", Outlet: "O", Authors: []string{"A"}, Published: "2024-03-05", URL: "https://x.org", Language: "de", Extra: map[string]any{"k": "v"}}
	d.SetMetadata(m)
	m.Authors[0] = "changed"
	m.Extra["k"] = "changed"
	got := d.Metadata()
	if got.Title != "T" || got.Outlet != "O" || !slices.Equal(got.Authors, []string{"A"}) || got.Extra["k"] != "v" ||
		got.Published != "2024-03-05" || got.URL != "https://x.org" || got.Language != "de" {
		t.Errorf("metadata after round trip: %+v", got)
	}
}

// TestParseDocumentDateTakesTheDayAsWritten: the overview files a document under
// the calendar day its date names, not under the UTC day, which differs for
// articles published late in the evening west of Greenwich or early in the
// morning east of it.
func TestParseDocumentDateTakesTheDayAsWritten(t *testing.T) {
	for text, want := range map[string]string{
		"2024-03-05":                  "2024-03-05",
		"2024-03-05T23:30:00-05:00":   "2024-03-05", // 6 March in UTC
		"2024-03-05T00:15:00+09:00":   "2024-03-05", // 4 March in UTC
		"2024-03-05T12:00:00Z":        "2024-03-05",
		"2024-03-05T23:59:59.5+14:00": "2024-03-05",
		"2024-03-05 08:00:00":         "2024-03-05",
		"2024-03-05T08:00:00":         "2024-03-05",
	} {
		day, ok := ParseDocumentDate(text)
		if !ok || day.Format(time.DateOnly) != want || day.Location() != time.UTC || day.Hour() != 0 {
			t.Errorf("ParseDocumentDate(%q) = %v, %v; want midnight UTC of %s", text, day, ok, want)
		}
	}
	for _, bad := range []any{"", "5 March", 20240305, nil} {
		if _, ok := ParseDocumentDate(bad); ok {
			t.Errorf("ParseDocumentDate(%v) was taken for a date", bad)
		}
	}
}
