package agreement

import (
	"math"
	"reflect"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestMergeAttrsKeepsWhatEveryCopyHoldsAlike(t *testing.T) {
	parsed := func(v annotate.AttrValue) annotate.AttrValue { v.Parsed = true; return v }
	alice := annotate.Span{Attrs: annotate.Attrs{
		"source": annotate.SourceValue("Ana  Pavić"), "count": parsed(annotate.NumberValue(14)),
		"kind": {Type: annotate.AttrChoice, Text: "killed"}, "group": annotate.TextValue("civilians"),
	}}
	bob := annotate.Span{Attrs: annotate.Attrs{
		"source": annotate.SourceValue("ana pavić"), "count": annotate.NumberValue(14),
		"kind": {Type: annotate.AttrChoice, Text: "injured"},
	}}
	agreed, differing := MergeAttrs([]annotate.Span{alice, bob})
	want := annotate.Attrs{"source": annotate.SourceValue("Ana  Pavić"), "count": annotate.NumberValue(14)}
	if !reflect.DeepEqual(agreed, want) {
		t.Errorf("agreed %v, want %v (a source named alike whatever its case; a count confirmed by one copy is confirmed)", agreed, want)
	}
	if !reflect.DeepEqual(differing, []string{"group", "kind"}) {
		t.Errorf("differing %v, want [group kind] (one lacks group, they give kind differently)", differing)
	}

	one, none := MergeAttrs([]annotate.Span{alice})
	if !reflect.DeepEqual(one, alice.Attrs) || none != nil {
		t.Errorf("one copy: %v, differing %v; want all its values", one, none)
	}
	if got, diff := MergeAttrs([]annotate.Span{{}, {}}); got != nil || diff != nil {
		t.Errorf("copies without attributes: %v %v", got, diff)
	}
}

func TestAgreedRelationsNeedEveryCopyToLinkTheSameRange(t *testing.T) {
	spans := map[int64]annotate.Span{
		1: {ID: 1, Start: 0, End: 20, Label: "QUOTE"}, 2: {ID: 2, Start: 25, End: 34, Label: "SOURCE"},
		11: {ID: 11, Start: 0, End: 20, Label: "QUOTE"}, 12: {ID: 12, Start: 25, End: 34, Label: "SOURCE"},
		13: {ID: 13, Start: 40, End: 48, Label: "SOURCE"},
	}
	byID := func(id int64) (annotate.Span, bool) { s, ok := spans[id]; return s, ok }
	alice := spans[1]
	alice.Links = []annotate.Link{{ID: 5, Head: 1, Child: 2, Label: "SOURCE_OF"}}
	bob := spans[11]
	bob.Links = []annotate.Link{{ID: 6, Head: 11, Child: 12, Label: "SOURCE_OF"}, {ID: 7, Head: 11, Child: 13, Label: "SOURCE_OF"}, {ID: 8, Head: 11, Child: 99, Label: "SOURCE_OF"}}
	got := AgreedRelations([]annotate.Span{alice, bob}, byID)
	want := []Relation{{Label: "SOURCE_OF", Head: true, Other: Key{Start: 25, End: 34, Label: "SOURCE"}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("agreed relations %+v, want %+v", got, want)
	}
	if got := AgreedRelations([]annotate.Span{bob}, byID); len(got) != 2 {
		t.Errorf("bob alone: %+v, want his two links to spans that exist", got)
	}
	mention := spans[2]
	mention.Links = alice.Links
	if got := AgreedRelations([]annotate.Span{mention}, byID); len(got) != 1 || got[0].Head || got[0].Other.Label != "QUOTE" {
		t.Errorf("the mention's relation %+v, want it as the child of the QUOTE", got)
	}
}

func TestCompareMeasuresSourceAgreementPerLabelFromAttrsSource(t *testing.T) {
	sourced := func(label string, start, end int, source string) annotate.Span {
		s := span(label, start, end)
		if source != "" {
			s.Attrs = annotate.Attrs{"source": annotate.SourceValue(source)}
		}
		return s
	}
	a := []annotate.Span{sourced("QUOTE", 0, 10, "Ana"), sourced("QUOTE", 20, 30, "Bo"), sourced("CLAIM", 40, 50, "Police"), sourced("CLAIM", 60, 70, "")}
	b := []annotate.Span{sourced("QUOTE", 2, 10, " ana "), sourced("QUOTE", 20, 30, "Cy"), sourced("CLAIM", 40, 50, ""), sourced("QUOTE", 60, 70, "X")}
	// QUOTE: [0,10)~[2,10) Ana = ana; [20,30) Bo ≠ Cy: 1 of 2.
	// CLAIM: [40,50) Police against none: counted, not agreed: 0 of 1.
	// [60,70) is a CLAIM of A and a QUOTE of B: not a pair.
	r := Compare([]Document{{Length: 100, A: a, B: b}}, Options{Source: AttrSource})
	for label, want := range map[string][2]int{"QUOTE": {2, 1}, "CLAIM": {1, 0}} {
		m := r.Labels[label]
		if m.SourcePairs != want[0] || m.SourceAgreed != want[1] {
			t.Errorf("%s: %d of %d sources agreed, want %d of %d", label, m.SourceAgreed, m.SourcePairs, want[1], want[0])
		}
	}
	near(t, "QUOTE source agreement", r.Labels["QUOTE"].SourceAgreement(), 0.5, 1e-12)
	near(t, "micro source agreement", r.Micro.SourceAgreement(), 1.0/3, 1e-12)
	if got := Compare([]Document{{Length: 100, A: a, B: b}}, Options{}).Micro.SourceAgreement(); !math.IsNaN(got) {
		t.Errorf("without a Source function source agreement is %v, want undefined", got)
	}
}
