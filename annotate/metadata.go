package annotate

import (
	"fmt"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Metadata is what a researcher knows about an article besides its text: the fields
// every analysis needs, plus free key/values. Document carries the same fields flat
// (Document.Metadata and Document.SetMetadata move them together), so that an
// editor can change them as one undoable step.
type Metadata struct {
	Title     string
	Outlet    string   // the publication: "The Guardian", "Reuters"
	Authors   []string // as the byline names them, in order
	Published string   // ISO 8601: "2024-03-05" or "2024-03-05T14:30:00+01:00"; "" if unknown
	URL       string   // the article's canonical address
	Language  string   // BCP 47 tag as the source gives it: "en", "de-CH"
	Extra     map[string]any
}

// Metadata returns the document's metadata fields.
func (d Document) Metadata() Metadata {
	return Metadata{Title: d.Title, Outlet: d.Outlet, Authors: append([]string(nil), d.Authors...),
		Published: d.Published, URL: d.URL, Language: d.Language, Extra: cloneMeta(d.Meta)}
}

// SetMetadata replaces the document's metadata fields with m.
func (d *Document) SetMetadata(m Metadata) {
	d.Title, d.Outlet, d.Authors = m.Title, m.Outlet, append([]string(nil), m.Authors...)
	d.Published, d.URL, d.Language, d.Meta = m.Published, m.URL, m.Language, cloneMeta(m.Extra)
}

func cloneMeta(m map[string]any) map[string]any {
	if len(m) == 0 {
		return nil
	}
	out := make(map[string]any, len(m))
	for k, v := range m {
		out[k] = v
	}
	return out
}

// MaxMetadataField caps each metadata string (a title, an author, a URL): long enough
// for any real headline or address, short enough that a text pasted into the wrong
// field is noticed.
const MaxMetadataField = 2000

// Validate checks the fields: no line breaks in single-line fields, a date in ISO
// 8601, a URL that parses, nothing absurdly long.
func (m Metadata) Validate() error {
	fields := []struct{ name, value string }{
		{"title", m.Title}, {"outlet", m.Outlet}, {"date", m.Published}, {"URL", m.URL}, {"language", m.Language},
	}
	for i, a := range m.Authors {
		fields = append(fields, struct{ name, value string }{fmt.Sprintf("author %d", i+1), a})
		if strings.TrimSpace(a) == "" {
			return Errorf(EINVALID, "author %d is empty", i+1)
		}
	}
	for _, f := range fields {
		if !utf8.ValidString(f.value) {
			return Errorf(EINVALID, "%s is not valid UTF-8", f.name)
		}
		if strings.ContainsAny(f.value, "\r\n\x00") {
			return Errorf(EINVALID, "%s %q holds a line break; metadata fields are one line", f.name, clip(f.value))
		}
		if utf8.RuneCountInString(f.value) > MaxMetadataField {
			return Errorf(EINVALID, "%s is %d characters, over the limit of %d", f.name, utf8.RuneCountInString(f.value), MaxMetadataField)
		}
	}
	if m.Published != "" {
		if _, err := ParseDate(m.Published); err != nil {
			return err
		}
	}
	if m.URL != "" {
		u, err := url.Parse(m.URL)
		if err != nil || u.Scheme == "" || u.Host == "" {
			return Errorf(EINVALID, "URL %q is not an absolute address (want https://…)", clip(m.URL))
		}
	}
	if m.Language != "" && !languageTag.MatchString(m.Language) {
		return Errorf(EINVALID, "language %q is not a language tag (want en, de, pt-BR, …)", clip(m.Language))
	}
	return nil
}

var languageTag = regexp.MustCompile(`^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$`)

func clip(s string) string {
	if utf8.RuneCountInString(s) <= 40 {
		return s
	}
	return string([]rune(s)[:40]) + "…"
}

// dateLayouts are the forms ParseDate accepts, most precise first. Forms that say
// only a day keep only the day: a date is never given a time it did not have.
var dateLayouts = []struct {
	layout  string
	dayOnly bool
}{
	{time.RFC3339Nano, false},
	{"2006-01-02T15:04:05Z0700", false},
	{"2006-01-02T15:04:05", false},
	{"2006-01-02T15:04Z07:00", false},
	{"2006-01-02T15:04", false},
	{"2006-01-02 15:04:05Z07:00", false},
	{"2006-01-02 15:04:05", false},
	{"2006-01-02 15:04", false},
	{time.RFC1123Z, false},
	{time.RFC1123, false},
	{"Mon, 2 Jan 2006 15:04:05 -0700", false},
	{"2006-01-02", true},
	{"2006/01/02", true},
	{"20060102", true},
	{"2 January 2006", true},
	{"2 Jan 2006", true},
	{"January 2, 2006", true},
	{"Jan 2, 2006", true},
	{"Monday, January 2, 2006", true},
	{"Monday, 2 January 2006", true},
	{"January 2, 2006 Monday", true}, // Nexis Uni's date line
}

// ParseDate reads a publication date in the forms news sources and datasets use
// (ISO 8601 and RFC 3339, RFC 1123 as in feeds, "5 March 2024", "March 5, 2024")
// and returns it in ISO 8601: "2024-03-05" for a day, "2024-03-05T14:30:00+01:00"
// for an instant, keeping the offset the source gave (the local date of a
// newspaper is the one that matters). Ambiguous numeric forms such as 03/05/2024
// are refused rather than guessed.
func ParseDate(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, l := range dateLayouts {
		t, err := time.Parse(l.layout, s)
		if err != nil {
			continue
		}
		if l.dayOnly {
			return t.Format("2006-01-02"), nil
		}
		if !strings.ContainsAny(l.layout, "Z") && !strings.Contains(l.layout, "-0700") && l.layout != time.RFC1123 {
			return t.Format("2006-01-02T15:04:05"), nil // no offset given: none invented
		}
		return t.Format(time.RFC3339), nil
	}
	return "", Errorf(EINVALID, "date %q is not a date this program reads (want 2024-03-05, 2024-03-05T14:30:00Z, 5 March 2024 or March 5, 2024)", clip(s))
}

// ParseAuthors splits a byline into names: "By Jane Doe and John Roe" gives Jane Doe
// and John Roe. Names are separated by commas, semicolons, " and ", " & " or line
// breaks; a leading "By" and trailing role words are not names and are dropped.
func ParseAuthors(byline string) []string {
	byline = strings.TrimSpace(byline)
	for _, prefix := range []string{"by ", "By ", "BY ", "Von ", "von ", "Par ", "par ", "Por ", "por "} {
		byline = strings.TrimPrefix(byline, prefix)
	}
	replacer := strings.NewReplacer(";", ",", " and ", ",", " & ", ",", " und ", ",", " et ", ",", " y ", ",", "\n", ",", "\r", ",", "|", ",")
	var names []string
	for _, part := range strings.Split(replacer.Replace(byline), ",") {
		name := OneLine(part)
		if name != "" && !strings.EqualFold(name, "staff") && !slices.Contains(names, name) {
			names = append(names, name)
		}
	}
	return names
}
