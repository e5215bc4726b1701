package search

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSearch checks that no query, however odd, panics or yields highlight indexes
// outside the span text. `go test` runs the seeds; `go test -fuzz FuzzSearch` explores.
func FuzzSearch(f *testing.F) {
	for _, seed := range []string{
		"", " ", "zaporizhia", "soldiers week", "“”", "\xff\xfe", "a\u0301", "😀😀😀", "\r\n\t",
		"İzmit", "ß", "’s", "1,200", strings.Repeat("ab ", 200), strings.Repeat("zaporizhzhia", 20),
		"a b c d e f g h i j k l m n o p q r s t u v w x y z 0 1 2 3 4 5 6 7 8 9 a b c d e f",
	} {
		f.Add(seed)
	}
	e := New()
	for _, r := range loadCorpus(f)[:200] {
		e.Upsert(r)
	}
	e.Upsert(record(9999, 99, "odd", "CLAIM", "ana", "\xff broken \xfe utf8 “Pavić” 😀\r\n", ""))
	f.Fuzz(func(t *testing.T, q string) {
		for _, r := range e.Search(q, Options{Limit: 20}) {
			n := utf8.RuneCountInString(r.Record.Text)
			for _, i := range r.Matched {
				if i < 0 || i >= n {
					t.Fatalf("Search(%q): span %d matched index %d outside its %d code points", q, r.Record.ID, i, n)
				}
			}
		}
	})
}
