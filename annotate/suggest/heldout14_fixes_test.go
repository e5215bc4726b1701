package suggest

import (
	"strings"
	"testing"
)

// The tests below pin the rule classes that heldout14's first run showed
// missing, each on sentences written for the test.

func TestTheGroupIsTheBusinessNamedAfterADescriptor(t *testing.T) {
	text := "Brewer Halsted will close two plants next year, the group said."
	if got := sourceOf(t, New(nil).Suggest(text, LabelClaim), LabelClaim, "Brewer Halsted will close two plants next year"); got != "Halsted" {
		t.Fatalf("source %q", got)
	}
}

func TestADemandAfterAFinalAttributionHasItsSpeaker(t *testing.T) {
	text := "Floodwater has reached the old town, the city council said, ordering shops to close."
	sugs := New(nil).Suggest(text, LabelDemand)
	if got := texts(sugs, LabelDemand); strings.Join(got, "|") != "ordering shops to close" {
		t.Fatalf("demands = %q", got)
	}
	if sugs[0].Source != "city council" {
		t.Fatalf("source %q", sugs[0].Source)
	}
}

func TestAClaimEndsAtASemicolon(t *testing.T) {
	text := "The organisers said 5,000 people came; the police counted 2,000."
	if got := texts(New(nil).Suggest(text, LabelClaim), LabelClaim); strings.Join(got, "|") != "5,000 people came" {
		t.Fatalf("claims = %q", got)
	}
}

func TestAClaimEndsBeforeButInsistedThatMust(t *testing.T) {
	text := "The union said the offer was fair but insisted it must be paid by March."
	sugs := New(nil).Suggest(text, LabelClaim, LabelDemand)
	if got := texts(sugs, LabelClaim); strings.Join(got, "|") != "the offer was fair" {
		t.Fatalf("claims = %q", got)
	}
	if got := texts(sugs, LabelDemand); strings.Join(got, "|") != "insisted it must be paid by March" {
		t.Fatalf("demands = %q", got)
	}
}

func TestInitialsInAnotherOrder(t *testing.T) {
	text := "The European Broadcasting Organisation said ratings rose. Viewers were younger, according to the OEB."
	if got := sourceOf(t, New(nil).Suggest(text, LabelClaim), LabelClaim, "Viewers were younger"); got != "European Broadcasting Organisation" {
		t.Fatalf("source %q", got)
	}
}
