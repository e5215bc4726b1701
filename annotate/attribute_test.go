package annotate

import (
	"encoding/json"
	"strings"
	"testing"
)

func TestAttrDeclValidate(t *testing.T) {
	cases := []struct {
		name string
		decl AttrDecl
		want string // "" for valid, else a fragment of the error
	}{
		{"a number attribute is valid", AttrDecl{Name: "count", Type: AttrNumber}, ""},
		{"a choice with options is valid", AttrDecl{Name: "kind", Type: AttrChoice, Options: []string{"killed", "at least"}}, ""},
		{"a choice without options is refused", AttrDecl{Name: "kind", Type: AttrChoice}, "needs options"},
		{"options on a text attribute are refused", AttrDecl{Name: "group", Type: AttrText, Options: []string{"a"}}, "only a choice"},
		{"an option given twice in another case is refused", AttrDecl{Name: "k", Type: AttrChoice, Options: []string{"Dead", "dead"}}, "twice"},
		{"a name with a space is refused", AttrDecl{Name: "my count", Type: AttrNumber}, "only letters"},
		{"the reserved name note is refused", AttrDecl{Name: "note", Type: AttrText}, "reserved"},
		{"an unknown type is refused", AttrDecl{Name: "x", Type: "date"}, "unknown type"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := c.decl.Validate()
			if c.want == "" && err != nil {
				t.Fatalf("Validate() = %v, want nil", err)
			}
			if c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
				t.Fatalf("Validate() = %v, want an error with %q", err, c.want)
			}
		})
	}
}

func TestCoerceChecksTypesAndChoices(t *testing.T) {
	count := AttrDecl{Name: "count", Type: AttrNumber}
	kind := AttrDecl{Name: "kind", Type: AttrChoice, Options: []string{"killed", "injured"}}
	flag := AttrDecl{Name: "hedged", Type: AttrBool}
	source := AttrDecl{Name: "source", Type: AttrSource}

	if v, err := count.Coerce("CASUALTY", TextValue(" 14 ")); err != nil || v.Number != 14 || v.Type != AttrNumber {
		t.Errorf("text 14 as a number = %+v, %v", v, err)
	}
	if _, err := count.Coerce("CASUALTY", TextValue("fourteen")); err == nil || !strings.Contains(err.Error(), "attribute count of CASUALTY wants a number, got \"fourteen\"") {
		t.Errorf("text fourteen as a number: %v", err)
	}
	if _, err := count.Coerce("CASUALTY", BoolValue(true)); err == nil {
		t.Error("a bool was taken as a number")
	}
	if v, err := kind.Coerce("CASUALTY", TextValue("Killed")); err != nil || v.Text != "killed" {
		t.Errorf("Killed as a choice = %+v, %v; want the declared spelling", v, err)
	}
	if _, err := kind.Coerce("CASUALTY", TextValue("maimed")); err == nil || !strings.Contains(err.Error(), `"maimed" is not one of its choices (killed, injured)`) {
		t.Errorf("unknown choice: %v", err)
	}
	if v, err := flag.Coerce("QUOTE", TextValue("yes")); err != nil || !v.Bool {
		t.Errorf("yes as a bool = %+v, %v", v, err)
	}
	if _, err := flag.Coerce("QUOTE", NumberValue(2)); err == nil {
		t.Error("a number was taken as a bool")
	}
	if v, err := source.Coerce("QUOTE", TextValue("Ilse\u00a0 Marrow ")); err != nil || v.Text != "Ilse Marrow" {
		t.Errorf("source name = %+v, %v; want spaces collapsed", v, err)
	}
	if _, err := source.Coerce("QUOTE", TextValue(" \u00a0")); err == nil || !strings.Contains(err.Error(), "cannot be empty") {
		t.Errorf("empty source: %v", err)
	}
	parsed := NumberValue(3)
	parsed.Parsed = true
	if v, _ := count.Coerce("CASUALTY", parsed); !v.Parsed {
		t.Error("Coerce dropped the parsed marker")
	}
}

func TestCheckAttrsRefusesUndeclared(t *testing.T) {
	label := Label{Name: "QUOTE", Attrs: []AttrDecl{{Name: "source", Type: AttrSource}}}
	if _, err := label.CheckAttrs(Attrs{"speaker": TextValue("x")}); err == nil || !strings.Contains(err.Error(), `label QUOTE has no attribute "speaker" (it has: source)`) {
		t.Errorf("undeclared attribute: %v", err)
	}
	got, err := label.CheckAttrs(Attrs{"source": TextValue("Marrow")})
	if err != nil || got["source"].Type != AttrSource {
		t.Errorf("declared attribute = %+v, %v", got, err)
	}
}

func TestValueFromJSON(t *testing.T) {
	var decoded map[string]any
	dec := json.NewDecoder(strings.NewReader(`{"n": 6000, "s": "“six”", "b": false, "z": null, "a": [1]}`))
	dec.UseNumber()
	if err := dec.Decode(&decoded); err != nil {
		t.Fatal(err)
	}
	if v, err := ValueFromJSON("n", decoded["n"]); err != nil || v.Type != AttrNumber || v.Number != 6000 || v.String() != "6000" {
		t.Errorf("n = %+v, %v", v, err)
	}
	if v, err := ValueFromJSON("s", decoded["s"]); err != nil || v.Text != "“six”" {
		t.Errorf("s = %+v, %v", v, err)
	}
	if v, err := ValueFromJSON("b", decoded["b"]); err != nil || v.Type != AttrBool || v.Bool {
		t.Errorf("b = %+v, %v", v, err)
	}
	if _, err := ValueFromJSON("attrs.z", decoded["z"]); err == nil || !strings.Contains(err.Error(), "attrs.z is null") {
		t.Errorf("null: %v", err)
	}
	if _, err := ValueFromJSON("attrs.a", decoded["a"]); err == nil {
		t.Error("an array was taken as a value")
	}
}

func TestSourceMergeAndValidate(t *testing.T) {
	into := Source{Name: "Ilse Marrow", Kind: SourcePerson, Aliases: []string{"Marrow"}}
	from := Source{Name: "the deputy mayor", Aliases: []string{"MARROW", "Deputy Mayor Marrow"}}
	merged := into.Merge(from)
	want := []string{"Marrow", "the deputy mayor", "Deputy Mayor Marrow"}
	if strings.Join(merged.Aliases, "|") != strings.Join(want, "|") || merged.Kind != SourcePerson {
		t.Errorf("merged = %+v, want aliases %v and kind person", merged, want)
	}
	if len(into.Aliases) != 1 {
		t.Error("Merge changed the source it was called on")
	}
	if !merged.Known("deputy   mayor marrow") {
		t.Error("Known ignores neither case nor spacing")
	}
	if err := (Source{Name: "  "}).Validate(); err == nil {
		t.Error("an empty name was accepted")
	}
	if err := (Source{Name: "A", Aliases: []string{"a"}}).Validate(); err == nil {
		t.Error("an alias equal to the name was accepted")
	}
	if err := (Source{Name: "A", Kind: "robot"}).Validate(); err == nil {
		t.Error("an unknown kind was accepted")
	}
	// A name over the limit is quoted whole characters only: "é" is two bytes, and
	// cutting at byte 40 used to cut one in half, which the message showed as \xc3.
	long := "x" + strings.Repeat("é", 120)
	err := (Source{Name: long}).Validate()
	if err == nil || !strings.Contains(err.Error(), "xééé") || strings.Contains(err.Error(), `\x`) {
		t.Errorf("a name of %d bytes: error %v, want it refused, quoted in whole characters", len(long), err)
	}
}

func TestLinkValidate(t *testing.T) {
	if err := (Link{Head: 3, Child: 3, Label: RelationSource}).Validate(); err == nil {
		t.Error("a span linked to itself was accepted")
	}
	if err := (Link{Head: 3, Child: 4, Label: "SOURCE OF"}).Validate(); err == nil {
		t.Error("a label with a space was accepted")
	}
	if err := (Link{Head: 3, Child: 4, Label: RelationSource}).Validate(); err != nil {
		t.Error(err)
	}
}

func TestCasualtyFromSpan(t *testing.T) {
	parsed := MarkParsed(Attrs{"min": NumberValue(20), "max": NumberValue(30), "kind": TextValue("killed")})
	c := CasualtyFromSpan("T", Span{ID: 9, DocID: 2, Start: 1, End: 5, Text: "between 20 and 30 killed", Attrs: parsed})
	if c.Count != nil || c.Min == nil || *c.Min != 20 || *c.Max != 30 || c.Kind != "killed" || c.Confirmed {
		t.Errorf("casualty = %+v", c)
	}
	c = CasualtyFromSpan("T", Span{Attrs: Attrs{"count": NumberValue(14)}})
	if c.Count == nil || *c.Count != 14 || !c.Confirmed {
		t.Errorf("confirmed casualty = %+v", c)
	}
}
