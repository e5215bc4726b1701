// Package search is Newsmark's fuzzy search over every annotation: an in-memory index
// of span texts, notes, labels and document titles that answers as the user types.
//
// # Matching
//
// Text, note, title and label are folded before matching: lower case, accents
// stripped from Latin letters ("Pavić" -> "pavic", "São" -> "sao"), curly quotes and
// dashes made plain, every kind of space and line break made a space. Folding maps
// one code point to one code point, so match positions carry over to the original
// text unchanged.
//
// A span is ranked in one of two bands.
//
// Word band (score >= 50). Every word of the query matches some word of the span,
// in any order. Each query word takes its best match, in points:
//
//	exact word                                  100
//	start of a word ("soldier" in "soldiers")    80..95, more the more of the word it covers
//	inside a word, 3+ letters                    60..75
//	two neighbouring letters swapped             58  ("casualites" for "casualties")
//	one letter missing, extra or wrong           52  ("zaporzhzhia", "mueller")
//	letters left out of a long word              45..58 ("zaporizhia" in "zaporizhzhia": 5+
//	                                                 letters, same first three, 60%+ of the word)
//	two edits in a word of 8+ letters            44  ("batallion" for "battalion"; the
//	                                                 first letter must be right)
//
// Typo kinds apply to query words of 5 letters or more (shorter ones have too many
// neighbours: "week", "weak", "seek"), and a typo never scores as much as a word found
// as it was typed.
//
// A query word found in the span text counts in full. If it is not in the text, or
// matches better elsewhere, it may match the note (60% of its points), the document
// title (50%) or the label name (50%, whole name or its start only). A span is in
// this band only if every query word matched somewhere. Query words found in the
// text in query order add 10 points per following word, plus 10 more when it is the
// very next word (a quoted phrase), 8 with one word between, 6 with two, and so on.
// The score is 50 + the points + the order bonus. The span's length does not count:
// a long quote containing the words is not punished.
//
// Letter band (1..49). Spans whose text contains the whole query only as a
// subsequence of letters, in order but not as words ("ctc" for "ceasefire talks
// collapsed"), are matched with github.com/sahilm/fuzzy over a fuzzy.Source of the
// index rows. Its score is a file finder's: bonuses for the first letter, letters
// after separators and runs of adjacent letters, minus one point per unmatched
// character. That last penalty is added back (it would sink long quotes), and the
// rest is averaged per query character and clamped into 1..49, below every word
// match: letters that merely happen to appear scattered never beat real words.
//
// Ties are broken by recency (last change first), then by span ID (newest first).
//
// An empty query lists the most recently created or changed spans. Results are
// capped at Options.Limit (DefaultLimit when zero). Filters (labels, document,
// annotator, document status) apply before ranking.
//
// # Freshness and cost
//
// Upsert and Remove change one row through a map from span ID (O(1)); nothing is
// reloaded. A search holds a read lock and splits the rows across GOMAXPROCS
// goroutines. Each row carries a 64-bit mask of its characters and a 256-bit set of
// its bigrams, so most rows are rejected without reading their text; query words are
// then found with strings.Index rather than by walking every word. Typos are looked
// for in a second pass, only in rows whose best possible score could still make the
// cut, and the letter band (sahilm/fuzzy) only runs when the word band left room
// under the limit.
//
// Find answers one query over a stream of rows without keeping an index (the
// command line): it indexes and searches batch by batch while the next batch is
// read, with the same results as Load and Search.
package search
