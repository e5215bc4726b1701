package assets

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestDefaultLabelsDeclareTheIssueAttributes(t *testing.T) {
	labels, err := DefaultLabels()
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]annotate.Label{}
	for _, l := range labels {
		byName[l.Name] = l
	}
	for _, name := range annotate.StatementLabels {
		decl, ok := byName[name].FindDecl("source")
		if !ok || decl.Type != annotate.AttrSource {
			t.Errorf("%s: source attribute = %+v, %v; want a source attribute", name, decl, ok)
		}
	}
	casualty := byName[annotate.LabelCasualty]
	for name, want := range map[string]annotate.AttrType{"count": annotate.AttrNumber, "min": annotate.AttrNumber, "max": annotate.AttrNumber,
		"kind": annotate.AttrChoice, "qualifier": annotate.AttrChoice, "group": annotate.AttrText} {
		if decl, ok := casualty.FindDecl(name); !ok || decl.Type != want {
			t.Errorf("CASUALTY %s = %+v, %v; want type %s", name, decl, ok, want)
		}
	}
	kind, _ := casualty.FindDecl("kind")
	qualifier, _ := casualty.FindDecl("qualifier")
	if !slices.Equal(kind.Options, annotate.CasualtyKinds) || !slices.Equal(qualifier.Options, annotate.CasualtyQualifiers) {
		t.Errorf("CASUALTY choices %v / %v differ from annotate's %v / %v", kind.Options, qualifier.Options, annotate.CasualtyKinds, annotate.CasualtyQualifiers)
	}
	if source, ok := byName[annotate.LabelSource]; !ok || source.Hotkey != "5" {
		t.Errorf("SOURCE label = %+v, %v; want it on key 5", source, ok)
	}
}

// The default labels' descriptions are the guidelines of issue 12, which the
// suggestion rules follow and the palette's tips show: each states its label's
// decisive rule.
func TestDefaultLabelsCarryTheSuggestionGuidelines(t *testing.T) {
	labels, err := DefaultLabels()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"QUOTE":    "including its quotation marks; only the quoted words, not the attribution",
		"CLAIM":    "without the reporting verb; one span per that-clause",
		"DEMAND":   "plus the party when it comes straight before the demand verb",
		"CASUALTY": "the span stops at the verb, before place or cause",
	}
	for _, l := range labels {
		if phrase, ok := want[l.Name]; ok {
			if !strings.Contains(l.Description, phrase) {
				t.Errorf("%s description %q lacks the guideline %q", l.Name, l.Description, phrase)
			}
			delete(want, l.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("no default label for %v", want)
	}
}
