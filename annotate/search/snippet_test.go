package search

import (
	"strings"
	"testing"
)

// line renders a snippet as text: context in [brackets], matched runs in *stars*.
func line(s Snippet) string {
	var b strings.Builder
	if s.Before != "" {
		b.WriteString("[" + s.Before + "]")
	}
	for _, p := range s.Parts {
		if p.Matched {
			b.WriteString("*" + p.Text + "*")
		} else {
			b.WriteString(p.Text)
		}
	}
	if s.After != "" {
		b.WriteString("[" + s.After + "]")
	}
	return b.String()
}

func TestSnippetCutsContextAtWordsAndShowsEllipsisOnlyWhenTextGoesOn(t *testing.T) {
	long := strings.Repeat("word ", 20)
	cases := []struct {
		name, before, text, after string
		matched                   []int
		want                      string
	}{
		{"short context stays whole", "“We will stay,” said ", "Ana Pavić", ". Then\r\nsilence.", []int{4, 5, 6, 7, 8},
			"[“We will stay,” said ]Ana *Pavić*[. Then silence.]"},
		{"long context is cut at a word with an ellipsis", long + "said ", "this", " — and " + long, nil,
			"[…word word word word word word said ]this[ — and word word word word word word…]"},
		{"context of exactly the width has no ellipsis", strings.Repeat("a", ContextWidth-6) + " said ", "this", "", nil,
			"[" + strings.Repeat("a", ContextWidth-6) + " said ]this"},
		{"line breaks inside the span read as spaces", "", "one\r\ntwo\tthree", "", nil,
			"one  two three"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if got := line(MakeSnippet(c.before, c.text, c.after, c.matched, SnippetWindow)); got != c.want {
				t.Errorf("got  %q\nwant %q", got, c.want)
			}
		})
	}
}

func TestSnippetOfALongSpanShowsTheWindowAroundTheFirstMatchWithoutContext(t *testing.T) {
	text := strings.Repeat("x", 200) + "Zaporizhzhia 😀" + strings.Repeat("y", 200)
	at := 200
	s := MakeSnippet("before ", text, " after", []int{at, at + 1}, SnippetWindow)
	got := line(s)
	if s.Before != "" || s.After != "" {
		t.Errorf("a span cut on both sides got context: %q", got)
	}
	if !strings.HasPrefix(got, "…"+strings.Repeat("x", SnippetLead)+"*Za*porizhzhia 😀") || !strings.HasSuffix(got, "y…") {
		t.Errorf("window around the match reads %q", got)
	}
}
