package dataset

import (
	"bytes"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

// attrLabels declares the attributes the attribute fixture uses, as a database
// would.
func attrLabels() []annotate.Label {
	return []annotate.Label{
		{Name: "CLAIM"},
		{Name: "QUOTE", Attrs: []annotate.AttrDecl{{Name: "source", Type: annotate.AttrSource}, {Name: "hedged", Type: annotate.AttrBool}}},
		{Name: "DEMAND", Attrs: []annotate.AttrDecl{{Name: "conditional", Type: annotate.AttrBool}, {Name: "source", Type: annotate.AttrSource}}},
		{Name: "CASUALTY", Attrs: []annotate.AttrDecl{
			{Name: "count", Type: annotate.AttrNumber},
			{Name: "kind", Type: annotate.AttrChoice, Options: annotate.CasualtyKinds},
			{Name: "qualifier", Type: annotate.AttrChoice, Options: annotate.CasualtyQualifiers},
			{Name: "group", Type: annotate.AttrText}}},
		{Name: "SOURCE"},
	}
}

// attrFixture is the rich fixture document with attributes of every type, a
// parsed (unconfirmed) casualty figure, a SOURCE mention and two links.
func attrFixture(t *testing.T) annotate.AnnotatedDocument {
	doc := fixtureDocs(t)[0]
	doc.Spans = append([]annotate.Span(nil), doc.Spans...)
	mention := fixtureSpan(t, fixtureText, "she", "SOURCE")
	council := fixtureSpan(t, fixtureText, "city’s council", "SOURCE")
	doc.Spans = append(doc.Spans, mention, council)
	for i := range doc.Spans {
		doc.Spans[i].ID = int64(100 + i)
		s := &doc.Spans[i]
		switch s.Label {
		case "QUOTE":
			s.Attrs = annotate.Attrs{"source": annotate.SourceValue("Ilse Marrow, deputy mayor"), "hedged": annotate.BoolValue(false)}
		case "DEMAND":
			s.Attrs = annotate.Attrs{"conditional": annotate.BoolValue(true), "source": annotate.SourceValue("the city’s council")}
		case "CASUALTY":
			count, kind := annotate.NumberValue(14), annotate.AttrValue{Type: annotate.AttrChoice, Text: "displaced"}
			count.Parsed, kind.Parsed = true, true
			s.Attrs = annotate.Attrs{"count": count, "kind": kind,
				"qualifier": {Type: annotate.AttrChoice, Text: "at least"}, "group": annotate.TextValue("civilians")}
		}
	}
	byText := func(label, text string) int64 {
		for _, s := range doc.Spans {
			if s.Label == label && s.Text == text {
				return s.ID
			}
		}
		t.Fatalf("no %s %q", label, text)
		return 0
	}
	doc.Links = []annotate.Link{
		{Head: byText("QUOTE", "“We stay,”"), Child: byText("SOURCE", "she"), Label: annotate.RelationSource},
		{Head: byText("DEMAND", "council demanded talks.\r\n\r\nEnd 😀"), Child: byText("SOURCE", "city’s council"), Label: annotate.RelationSource},
	}
	return doc
}

// describeExtras lists a document's attributes and links by span content, for
// comparing what went out with what came back.
func describeExtras(doc annotate.AnnotatedDocument) string {
	var lines []string
	byID := map[int64]annotate.Span{}
	for _, s := range doc.Spans {
		byID[s.ID] = s
		for _, name := range s.Attrs.Names() {
			v := s.Attrs[name]
			lines = append(lines, fmt.Sprintf("%d-%d %s %s=%s parsed=%v", s.Start, s.End, s.Label, name, v.String(), v.Parsed))
		}
	}
	for _, l := range doc.Links {
		h, c := byID[l.Head], byID[l.Child]
		lines = append(lines, fmt.Sprintf("link %s %d-%d %s -> %d-%d %s", l.Label, h.Start, h.End, h.Label, c.Start, c.End, c.Label))
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n")
}

// asStored checks a decoded record's attributes against the labels, as storage
// does on import (text "14" becomes a number, "displaced" a choice).
func asStored(t *testing.T, rec annotate.ImportRecord) annotate.AnnotatedDocument {
	t.Helper()
	labels := map[string]annotate.Label{}
	for _, l := range attrLabels() {
		labels[l.Name] = l
	}
	doc := RecordDocument(rec)
	doc.Document.ID = 7
	for i, s := range doc.Spans {
		label, ok := labels[s.Label]
		if !ok {
			label = annotate.Label{Name: s.Label}
		}
		checked, err := label.CheckAttrs(s.Attrs)
		if err != nil {
			t.Fatalf("span %d-%d %s: %v", s.Start, s.End, s.Label, err)
		}
		doc.Spans[i].Attrs = checked
	}
	return doc
}

func TestAttributesAndRelationsRoundTrip(t *testing.T) {
	cases := []struct {
		name   string
		format Format
		unit   annotate.Unit
		tokens bool
	}{
		{"spacy", FormatSpacy, annotate.UnitCodepoint, false},
		{"spacy with tokens", FormatSpacy, annotate.UnitCodepoint, true},
		{"spacy in utf16", FormatSpacy, annotate.UnitUTF16, false},
		{"doccano", FormatDoccano, annotate.UnitCodepoint, false},
		{"doccano in utf16", FormatDoccano, annotate.UnitUTF16, false},
		{"label-studio", FormatLabelStudio, annotate.UnitCodepoint, false},
		{"label-studio in bytes", FormatLabelStudio, annotate.UnitByte, false},
		{"brat", FormatBrat, annotate.UnitCodepoint, false},
		{"brat in utf16", FormatBrat, annotate.UnitUTF16, false},
	}
	want := describeExtras(attrFixture(t))
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			opts := ExportOptions{Format: c.format, Unit: c.unit, Tokens: c.tokens, Labels: attrLabels()}
			name := "attrs" + c.format.Ext()
			first := exportTo(t, []annotate.AnnotatedDocument{attrFixture(t)}, filepath.Join(dir, "1", name), opts)
			recs, errs := readAll(t, []string{filepath.Join(dir, "1", name)}, ReadOptions{Format: c.format, Unit: c.unit})
			if len(errs) > 0 || len(recs) != 1 {
				t.Fatalf("import: %d records, errors %v", len(recs), errs)
			}
			back := asStored(t, recs[0])
			if got := describeExtras(back); got != want {
				t.Fatalf("attributes and links came back as\n%s\nwant\n%s", got, want)
			}
			second := exportTo(t, []annotate.AnnotatedDocument{back}, filepath.Join(dir, "2", name), opts)
			if !bytes.Equal(first, second) {
				t.Errorf("export → import → export changed the bytes\nfirst:  %s\nsecond: %s", first, second)
			}
		})
	}
}

func TestSpacyExportHasTheCanonicalShape(t *testing.T) {
	var out bytes.Buffer
	enc := NewSpacyEncoder(&out, EncodeOptions{})
	if err := enc.Encode(attrFixture(t)); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	line := out.String()
	for _, want := range []string{
		`"label": "QUOTE", "text": "“We stay,”", "annotator": "alice", "note": "=SUM(A1) first quote\nsecond line", "attrs": {"hedged": false, "source": "Ilse Marrow, deputy mayor"}}`,
		`"attrs": {"count": 14, "group": "civilians", "kind": "displaced", "qualifier": "at least"}, "parsed_attrs": ["count", "kind"]}`,
		`"relations": [{"head_span": {"start": 0, "end": 10, "label": "QUOTE"}, "child_span": {"start": 11, "end": 14, "label": "SOURCE"}, "label": "SOURCE_OF"}, {"head_span"`,
	} {
		if !strings.Contains(line, want) {
			t.Errorf("spacy line lacks\n%s\nin\n%s", want, line)
		}
	}
}

func TestCSVHasOneColumnPerAttribute(t *testing.T) {
	var out bytes.Buffer
	labels := append(attrLabels(), annotate.Label{Name: "X", Attrs: []annotate.AttrDecl{{Name: "title", Type: annotate.AttrText}}})
	enc := NewCSVEncoder(&out, EncodeOptions{Labels: labels})
	if err := enc.Encode(attrFixture(t)); err != nil {
		t.Fatal(err)
	}
	if err := enc.Close(); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(out.String(), "\n")
	if want := "doc_id,title,start,end,label,text,annotator,note,created_at,outlet,authors,date,url,lang,source,hedged,conditional,count,kind,qualifier,group,attr_title"; lines[0] != want {
		t.Fatalf("header = %s\nwant     %s", lines[0], want)
	}
	if !strings.Contains(out.String(), ",CASUALTY,14\u00a0civilians,-bob,,2026-11-25T18:30:00Z,The “Courier”,Ana Pavić; -Bob Roe,2026-11-25T18:30:00+01:00,,en,,,,14,displaced,at least,civilians,\n") &&
		!strings.Contains(out.String(), ",CASUALTY,14\u00a0civilians,'-bob,,2026-11-25T18:30:00Z,The “Courier”,Ana Pavić; -Bob Roe,2026-11-25T18:30:00+01:00,,en,,,,14,displaced,at least,civilians,\n") {
		t.Errorf("casualty row wrong in\n%s", out.String())
	}
}

func TestBadAttributesAndRelationsNameFileAndLine(t *testing.T) {
	text := `"“Hi” 😀 x"`
	cases := []struct {
		name, file, content string
		opts                ReadOptions
		want                string
	}{
		{"spacy: attrs not an object", "a.jsonl",
			`{"text": ` + text + `, "spans": [{"start": 0, "end": 4, "label": "Q", "attrs": [1]}]}`, ReadOptions{},
			":1: spans[0].attrs must be an object of attribute values, not an array"},
		{"spacy: null attribute", "a.jsonl",
			`{"text": ` + text + `, "spans": [{"start": 0, "end": 4, "label": "Q", "attrs": {"source": null}}]}`, ReadOptions{},
			":1: spans[0].attrs.source is null"},
		{"spacy: relation to a missing span", "a.jsonl",
			"\n" + `{"text": ` + text + `, "spans": [{"start": 0, "end": 4, "label": "Q"}], "relations": [{"head_span": {"start": 0, "end": 4, "label": "Q"}, "child_span": {"start": 5, "end": 6, "label": "SOURCE"}, "label": "SOURCE_OF"}]}`,
			ReadOptions{}, `:2: relations[0].child_span (5-6 SOURCE, "😀") is not one of the record's spans`},
		{"doccano: relation to a missing entity", "d.jsonl",
			`{"text": ` + text + `, "entities": [{"id": 1, "start_offset": 0, "end_offset": 4, "label": "Q"}], "relations": [{"id": 1, "from_id": 1, "to_id": 9, "type": "SOURCE_OF"}]}`,
			ReadOptions{}, ":1: relations[0] links entity 9, which the record does not have"},
		{"brat: relation to a missing span", "b.ann", "T1\tQ 0 4\t“Hi”\nR1\tSOURCE_OF Arg1:T1 Arg2:T9\n", ReadOptions{},
			"b.ann:2: relation R1 links Arg2:T9, which the file does not have"},
		{"brat: attribute on a missing span", "b.ann", "T1\tQ 0 4\t“Hi”\n\nA1\tkind T3 killed\n", ReadOptions{},
			"b.ann:3: attribute A1 is on T3, which the file does not have"},
		{"label-studio: relation to a missing region", "l.json",
			`[{"data": {"text": ` + text + `}, "annotations": [{"result": [{"id": "a1", "type": "labels", "value": {"start": 0, "end": 4, "labels": ["Q"]}},` + "\n" +
				`{"type": "relation", "from_id": "a1", "to_id": "zz", "labels": ["SOURCE_OF"]}]}]}]`, ReadOptions{},
			`l.json:1: annotations[0].result[1] links region "zz", which is not a labelled region of the task`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			if strings.HasSuffix(c.file, ".ann") {
				writeFile(t, filepath.Join(dir, strings.TrimSuffix(c.file, ".ann")+".txt"), "“Hi” 😀 x")
			}
			path := writeFile(t, filepath.Join(dir, c.file), c.content)
			_, errs := readAll(t, []string{path}, c.opts)
			if len(errs) != 1 || !strings.Contains(errs[0].Error(), c.want) || !strings.Contains(errs[0].Error(), c.file) {
				t.Fatalf("errors = %v, want one naming %s and containing %q", errs, c.file, c.want)
			}
		})
	}
}
