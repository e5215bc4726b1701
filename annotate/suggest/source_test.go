package suggest

import "testing"

// sourceOf returns the proposed source of the suggestion with this label and text,
// failing the test when there is none.
func sourceOf(t *testing.T, sugs []Suggestion, label, text string) string {
	t.Helper()
	s := find(sugs, label, text)
	if s == nil {
		t.Fatalf("no %s %q among %q", label, text, texts(sugs, label))
	}
	return s.Source
}

func TestSourceResolution(t *testing.T) {
	cases := []struct {
		name, text, label, span, source string
	}{
		{
			name:   "an organisation's name keeps its connector words",
			text:   "The Federation of Dock and Harbour Workers said shifts had been cut. The Ports Authority and the Coast Guard said nothing.",
			label:  LabelClaim,
			span:   "shifts had been cut",
			source: "Federation of Dock and Harbour Workers",
		},
		{
			name:   "a name with \"for\" is one organisation, not its last word",
			text:   "The Campaign for Clean Rivers called for a ban on dumping by June.",
			label:  LabelDemand,
			span:   "The Campaign for Clean Rivers called for a ban on dumping by June",
			source: "Campaign for Clean Rivers",
		},
		{
			name:   "a possessive description before the name resolves to the name",
			text:   "The mayor’s spokeswoman, Ines Barrow, said the bridge would reopen. “We are nearly there,” Barrow said.",
			label:  LabelQuote,
			span:   "“We are nearly there,”",
			source: "Ines Barrow",
		},
		{
			name:   "a demand after \"said … and\" shares the speaker named in an appositive",
			text:   "Their spokesman, Omar Lindqvist, said talks had failed and demanded an inquiry.",
			label:  LabelDemand,
			span:   "demanded an inquiry",
			source: "Omar Lindqvist",
		},
		{
			name:   "a partial quote takes the sentence's subject when no one says it",
			text:   "The Fisheries Council described the new quotas as “a death sentence” for the fleet.",
			label:  LabelQuote,
			span:   "“a death sentence”",
			source: "Fisheries Council",
		},
		{
			name:   "a person introduced with an appositive and any verb is known to a later pronoun",
			text:   "Greta Novak, a shop owner, wept. “Everything is under water,” she told reporters.",
			label:  LabelQuote,
			span:   "“Everything is under water,”",
			source: "Greta Novak",
		},
		{
			name:   "\"their union\" resolves to the union named after it",
			text:   "Postal staff will stop work on Monday, their union said. The Northern Postal Workers’ Union wants a 6 percent rise.",
			label:  LabelClaim,
			span:   "Postal staff will stop work on Monday",
			source: "Northern Postal Workers’ Union",
		},
		{
			name:   "a description with the organisation's full name in an appositive",
			text:   "Ferries will not sail this week, their union, the Seamen and Stevedores Union, said.",
			label:  LabelClaim,
			span:   "Ferries will not sail this week",
			source: "Seamen and Stevedores Union",
		},
		{
			name:   "a partial quote after an opening description takes the name in its appositive",
			text:   "The Lakeside Water Company raised prices. Its finance director, Oskar Lind, dismissed the protests as “noise”.",
			label:  LabelQuote,
			span:   "“noise”",
			source: "Oskar Lind",
		},
		{
			name:   "a generic \"the agency\" is the organisation named last",
			text:   "The Northern Relief Fund said 300 tents had arrived. The agency urged donors to send blankets.",
			label:  LabelDemand,
			span:   "The agency urged donors to send blankets",
			source: "Northern Relief Fund",
		},
		{
			name:   "a person named in an appositive mid-sentence is known to a later surname",
			text:   "Turnout fell after the senator’s rival, Mona Vick, withdrew, officials said. Vick said she had no regrets.",
			label:  LabelClaim,
			span:   "she had no regrets",
			source: "Mona Vick",
		},
		{
			name:   "a description with the organisation's name after an article in its appositive",
			text:   "Its owner, the Harbour Lines Company, said two crew members had left the ship.",
			label:  LabelClaim,
			span:   "two crew members had left the ship",
			source: "Harbour Lines Company",
		},
		{
			name:   "a hyphenated title stays whole",
			text:   "The Attorney-General called for calm.",
			label:  LabelDemand,
			span:   "The Attorney-General called for calm",
			source: "Attorney-General",
		},
		{
			name:   "a crowd opening the sentence is its people",
			text:   "Thousands of students marched on parliament, demanding lower fees.",
			label:  LabelDemand,
			span:   "demanding lower fees",
			source: "students",
		},
		{
			name:   "two people joined by \"and\" are not one organisation",
			text:   "Lena Park and Tariq Hossain said the deal was dead.",
			label:  LabelClaim,
			span:   "the deal was dead",
			source: "Tariq Hossain",
		},
		{
			name:   "a title after a capitalised adjective is stripped with it",
			text:   "Dutch Trade Minister Joost Akker said the tariff was illegal.",
			label:  LabelClaim,
			span:   "the tariff was illegal",
			source: "Joost Akker",
		},
		{
			name:   "a surname resolves to the full name written earlier without a title",
			text:   "Climber Anouk Meijer reached the summit on Friday. “It was colder than I ever imagined,” Meijer said.",
			label:  LabelQuote,
			span:   "“It was colder than I ever imagined,”",
			source: "Anouk Meijer",
		},
		{
			name:   "\"according to a report by X\" credits X, not the report",
			text:   "Rents rose by a fifth last year, according to a report by the Tenants’ Alliance.",
			label:  LabelClaim,
			span:   "Rents rose by a fifth last year",
			source: "Tenants’ Alliance",
		},
		{
			name:   "a quote left open at its paragraph's end takes the speaker named where it continues",
			text:   "The mayor spoke first. “Mine is the first name on the list,” said Ola Brun.\n\n“The bridge will not wait for another winter.\n\n“We start in March,” said Kirsten Dahl, the city engineer.",
			label:  LabelQuote,
			span:   "“The bridge will not wait for another winter.",
			source: "Kirsten Dahl",
		},
		{
			name:   "\"the company\" is the business named after a descriptor before it",
			text:   "Carmaker Velto is cutting 800 jobs in Lund, the company said on Monday.",
			label:  LabelClaim,
			span:   "Carmaker Velto is cutting 800 jobs in Lund",
			source: "Velto",
		},
	}
	s := New(nil)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := sourceOf(t, s.Suggest(c.text), c.label, c.span); got != c.source {
				t.Errorf("source %q, want %q", got, c.source)
			}
		})
	}
}

func TestADemandEndsBeforeAReasonOrAnotherVerbAndAHeadlineIsNoDemand(t *testing.T) {
	text := "Council orders closure of quarry\n\nThe council ordered the quarry closed by May, saying dust had harmed children. The mayor urged calm and said talks would follow.\n"
	got := texts(New(nil).Suggest(text, LabelDemand), LabelDemand)
	want := []string{"The council ordered the quarry closed by May", "The mayor urged calm"}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("demands %q, want %q", got, want)
	}
}
