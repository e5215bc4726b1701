package suggest

import (
	"strings"
	"testing"
)

// The tests below pin the rule classes that heldout13's first run showed
// missing, each on sentences written for the test.

func TestToldAnAudienceAtTheSentenceEndReportsNoClause(t *testing.T) {
	text := "The dam would be finished by May, Kofi Asante, the project’s engineer, told a briefing."
	sugs := New(nil).Suggest(text, LabelClaim)
	if got := texts(sugs, LabelClaim); strings.Join(got, "|") != "The dam would be finished by May" {
		t.Fatalf("claims = %q", got)
	}
	if sugs[0].Source != "Kofi Asante" {
		t.Fatalf("source %q", sugs[0].Source)
	}
}

func TestAQuoteAfterAddingHasTheSentencesSpeaker(t *testing.T) {
	text := "“The water is falling,” said Mira Lund, adding: “We may reopen the road tomorrow.”"
	if got := sourceOf(t, New(nil).Suggest(text, LabelQuote), LabelQuote, "“We may reopen the road tomorrow.”"); got != "Mira Lund" {
		t.Fatalf("source %q", got)
	}
}

func TestQuotedAsSayingIsAClaimOfTheSubject(t *testing.T) {
	text := "The general, Omar Sadek, was quoted by state radio as saying the border would stay shut."
	sugs := New(nil).Suggest(text, LabelClaim)
	if got := texts(sugs, LabelClaim); strings.Join(got, "|") != "the border would stay shut" {
		t.Fatalf("claims = %q", got)
	}
	if sugs[0].Source != "Omar Sadek" {
		t.Fatalf("source %q", sugs[0].Source)
	}
}

func TestButWithoutItsOwnSubjectKeepsOneClaim(t *testing.T) {
	text := "The minister said the plant would not close but would cut shifts. " +
		"The mayor said the roads were clear but the trains were late."
	if got := texts(New(nil).Suggest(text, LabelClaim), LabelClaim); strings.Join(got, "|") != "the plant would not close but would cut shifts|the roads were clear|the trains were late" {
		t.Fatalf("claims = %q", got)
	}
}

func TestAReportsOwnerIsItsSource(t *testing.T) {
	text := "Rents rose by a tenth, according to the housing regulator’s quarterly report."
	if got := sourceOf(t, New(nil).Suggest(text, LabelClaim), LabelClaim, "Rents rose by a tenth"); got != "housing regulator" {
		t.Fatalf("source %q", got)
	}
}
