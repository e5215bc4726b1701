package suggest

import (
	"strings"
	"testing"
)

// The tests below pin the rule classes that heldout11's first run showed
// missing, each on sentences written for the test.

func TestToldAnyoneThatStartsTheClaimAfterThat(t *testing.T) {
	text := "The governor told a packed town hall meeting that the plant would stay open."
	if got := texts(New(nil).Suggest(text, LabelClaim), LabelClaim); strings.Join(got, "|") != "the plant would stay open" {
		t.Fatalf("claims = %q", got)
	}
}

func TestAVerbSpelledInsideANameIsNoVerb(t *testing.T) {
	text := "“The road is closed,” Amir Said, a local guide, told Newsmark. " +
		"The agency told the United Press that the report was accurate."
	sugs := New(nil).Suggest(text, LabelQuote, LabelDemand, LabelClaim)
	if got := sourceOf(t, sugs, LabelQuote, "“The road is closed,”"); got != "Amir Said" {
		t.Fatalf("quote source %q", got)
	}
	if got := texts(sugs, LabelDemand); len(got) != 0 {
		t.Fatalf("demands = %q", got)
	}
}

func TestAClaimEndsBeforeAndAskedSomeoneTo(t *testing.T) {
	text := "The warden said the prison was full and asked judges to send fewer people there."
	sugs := New(nil).Suggest(text, LabelClaim, LabelDemand)
	if got := texts(sugs, LabelClaim); strings.Join(got, "|") != "the prison was full" {
		t.Fatalf("claims = %q", got)
	}
	if got := texts(sugs, LabelDemand); strings.Join(got, "|") != "asked judges to send fewer people there" {
		t.Fatalf("demands = %q", got)
	}
}

func TestAStrandedAskedForIsNoDemand(t *testing.T) {
	text := "They got less than they asked for, the mediators said."
	if got := texts(New(nil).Suggest(text, LabelDemand), LabelDemand); len(got) != 0 {
		t.Fatalf("demands = %q", got)
	}
}

func TestAFollowingQuoteAfterAnInitialLikeWord(t *testing.T) {
	text := "“We won,” Mara Tell wrote on X. “Thank you all 🎉”"
	if got := sourceOf(t, New(nil).Suggest(text, LabelQuote), LabelQuote, "“Thank you all 🎉”"); got != "Mara Tell" {
		t.Fatalf("source %q", got)
	}
}

func TestAUnitIsAnOrganisation(t *testing.T) {
	text := "The Fraud Investigation Unit on Friday charged two bankers. The unit said the losses exceeded 9 million dollars."
	if got := sourceOf(t, New(nil).Suggest(text, LabelClaim), LabelClaim, "the losses exceeded 9 million dollars"); got != "Fraud Investigation Unit" {
		t.Fatalf("source %q", got)
	}
}
