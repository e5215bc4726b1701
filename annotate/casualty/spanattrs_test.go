package casualty

import (
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestSpanAttrsAreTheParseMarkedParsed(t *testing.T) {
	attrs := SpanAttrs("between 20 and 30 people were killed")
	if attrs["min"].Number != 20 || attrs["max"].Number != 30 || attrs["kind"].Text != "killed" || attrs["group"].Text != "people" {
		t.Errorf("attrs = %+v", attrs)
	}
	if _, ok := attrs["count"]; ok {
		t.Errorf("a range has a count: %+v", attrs)
	}
	if attrs.Confirmed() {
		t.Error("parsed values are marked confirmed")
	}
	// The values fit the default CASUALTY declarations.
	label := annotate.Label{Name: "CASUALTY", Attrs: []annotate.AttrDecl{
		{Name: "count", Type: annotate.AttrNumber}, {Name: "min", Type: annotate.AttrNumber}, {Name: "max", Type: annotate.AttrNumber},
		{Name: "kind", Type: annotate.AttrChoice, Options: annotate.CasualtyKinds},
		{Name: "qualifier", Type: annotate.AttrChoice, Options: annotate.CasualtyQualifiers},
		{Name: "group", Type: annotate.AttrText}}}
	for _, phrase := range []string{"at least 14 civilians had been killed", "dozens were hurt", "6\u00a0000 fled", "three young soldiers died"} {
		if _, err := label.CheckAttrs(SpanAttrs(phrase)); err != nil {
			t.Errorf("%q: %v", phrase, err)
		}
	}
}
