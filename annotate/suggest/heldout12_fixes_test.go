package suggest

import (
	"strings"
	"testing"
)

// The tests below pin the rule classes that heldout12's first run showed
// missing, each on sentences written for the test.

func TestAnonymousSourceIdiomsAreWholeSources(t *testing.T) {
	text := "The merger talks have stalled, three people familiar with the negotiations said. " +
		"Both sides had hired new advisers, according to officials close to the board."
	sugs := New(nil).Suggest(text, LabelClaim)
	if got := sourceOf(t, sugs, LabelClaim, "The merger talks have stalled"); got != "people familiar with the negotiations" {
		t.Fatalf("source %q", got)
	}
	if got := sourceOf(t, sugs, LabelClaim, "Both sides had hired new advisers"); got != "officials close to the board" {
		t.Fatalf("source %q", got)
	}
}

func TestACommonNounBeforeAPlaceIsTheSource(t *testing.T) {
	text := "“We ran out of insulin on Monday,” a pharmacist at Ostend General Hospital told Newsmark. " +
		"A letter from the Water Board said the reservoir was safe."
	sugs := New(nil).Suggest(text, LabelQuote, LabelClaim)
	if got := sourceOf(t, sugs, LabelQuote, "“We ran out of insulin on Monday,”"); got != "pharmacist" {
		t.Fatalf("quote source %q", got)
	}
	if got := sourceOf(t, sugs, LabelClaim, "the reservoir was safe"); got != "Water Board" {
		t.Fatalf("claim source %q", got)
	}
}

func TestAClaimEndsBeforeTheSpeakersOwnComment(t *testing.T) {
	text := "The coach told reporters the team would not resign, describing the ruling as “cowardly”."
	if got := texts(New(nil).Suggest(text, LabelClaim), LabelClaim); strings.Join(got, "|") != "the team would not resign" {
		t.Fatalf("claims = %q", got)
	}
}

func TestAndSaidAfterAnotherVerbSharesTheSubject(t *testing.T) {
	text := "The Port Authority closed the harbour and said the storm would pass by Sunday. " +
		"The Fishers’ Guild welcomed the news but said boats would stay in port."
	sugs := New(nil).Suggest(text, LabelClaim)
	if got := texts(sugs, LabelClaim); strings.Join(got, "|") != "the storm would pass by Sunday|boats would stay in port" {
		t.Fatalf("claims = %q", got)
	}
	if sugs[0].Source != "Port Authority" || sugs[1].Source != "Fishers’ Guild" {
		t.Fatalf("sources %q, %q", sugs[0].Source, sugs[1].Source)
	}
}

func TestADeadlineInHoursIsAnUltimatum(t *testing.T) {
	text := "The army gave the rebels 48 hours to lay down their weapons."
	sugs := New(nil).Suggest(text, LabelDemand)
	if got := texts(sugs, LabelDemand); strings.Join(got, "|") != "The army gave the rebels 48 hours to lay down their weapons" || sugs[0].Rule != RuleDemandUltimatum {
		t.Fatalf("demands = %q", got)
	}
}

func TestASurnameOpeningASentenceMakesThePersonTheNearest(t *testing.T) {
	text := "President Ana Moll won the vote. Opposition leader Karl Dent said the count was rigged. " +
		"Moll thanked voters on television. “We have chosen peace,” she said."
	if got := sourceOf(t, New(nil).Suggest(text, LabelQuote), LabelQuote, "“We have chosen peace,”"); got != "Ana Moll" {
		t.Fatalf("source %q", got)
	}
}
