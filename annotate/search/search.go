package search

import (
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
	"github.com/sahilm/fuzzy"
)

// DefaultLimit caps the results when Options.Limit is 0.
const DefaultLimit = 200

// Options narrow a search. Zero values mean "any".
type Options struct {
	Labels    []string // spans with one of these labels (case-insensitive)
	DocID     int64
	Annotator string // case-insensitive
	Status    annotate.Status
	Limit     int // 0 for DefaultLimit
}

// Result is one span found, best first.
type Result struct {
	Record  annotate.SpanRecord
	Score   int
	Matched []int  // code-point indexes into Record.Text of the characters that matched
	Context string // the span's note, shortened, prefixed "note: "; "" if it has none
}

// rowsPerWorker is the least work worth a goroutine.
const rowsPerWorker = 8192

// Search returns the spans that match query, best first; an empty query returns the
// most recently created or changed spans. See the package documentation for how
// spans are ranked.
func (e *Engine) Search(query string, opts Options) []Result {
	q := prepareQuery(query)
	return e.search(&q, opts, 0)
}

// search is Search for a prepared query. Rows scoring below floor are not wanted
// (Find knows it has enough better ones), which lets whole phases be skipped.
func (e *Engine) search(qp *query, opts Options, floor int) []Result {
	q := *qp
	limit := opts.Limit
	if limit <= 0 {
		limit = DefaultLimit
	}
	e.mu.RLock()
	defer e.mu.RUnlock()
	keep, ok := e.filter(opts)
	if !ok {
		return nil
	}
	workers := min(runtime.GOMAXPROCS(0), (len(e.rows)+rowsPerWorker-1)/rowsPerWorker)
	if workers < 1 {
		workers = 1
	}
	tops := make([]*topK, workers)
	typoRows := make([][]candidate, workers) // rows that may match with typos
	leftovers := make([][]int32, workers)    // rows with no word match, for the letter band
	chunk := (len(e.rows) + workers - 1) / workers
	for w := range workers {
		tops[w] = newTopK(limit, e.rows)
	}
	// Phase 1: the word band without typos, over every row.
	parallel(workers, func(w int) {
		from, to := w*chunk, min((w+1)*chunk, len(e.rows))
		typoRows[w], leftovers[w] = e.searchWords(&q, keep, from, to, tops[w])
	})
	// Phase 2: typos, only in rows that could still make the cut. The rows that
	// could score most go first; once the results are full of rows that score at
	// least what the next rows could at best, the rest are skipped.
	for _, bucket := range byBound(typoRows) {
		if bucket.bound < max(cutScore(tops, limit, e.rows), floor) {
			break
		}
		share := (len(bucket.rows) + workers - 1) / workers
		parallel(workers, func(w int) {
			from, to := min(w*share, len(bucket.rows)), min((w+1)*share, len(bucket.rows))
			leftovers[w] = e.searchTypos(&q, bucket.rows[from:to], tops[w], leftovers[w])
		})
	}
	// Phase 3: the letter band ranks below every word match, so it is only worth
	// computing when the word band left room under the limit.
	found := 0
	for _, t := range tops {
		found += len(t.hits)
	}
	if found < limit && q.pattern != "" && floor < wordTierBase {
		parallel(workers, func(w int) { e.searchLetters(&q, leftovers[w], tops[w]) })
	}
	var hits []hit
	for _, t := range tops {
		hits = append(hits, t.hits...)
	}
	slices.SortFunc(hits, func(a, b hit) int { return compareHits(e.rows, a, b) })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	results := make([]Result, len(hits))
	for i, h := range hits {
		results[i] = e.result(&q, h)
	}
	return results
}

// filter turns the options into a predicate over rows; ok is false when no row can
// pass (a label filter naming no known label).
func (e *Engine) filter(opts Options) (keep func(*row) bool, ok bool) {
	var labels map[*labelInfo]bool
	if len(opts.Labels) > 0 {
		labels = make(map[*labelInfo]bool)
		for _, want := range opts.Labels {
			for name, l := range e.labels {
				if strings.EqualFold(name, want) {
					labels[l] = true
				}
			}
		}
		if len(labels) == 0 {
			return nil, false
		}
	}
	if labels == nil && opts.DocID == 0 && opts.Annotator == "" && opts.Status == "" {
		return nil, true
	}
	return func(r *row) bool {
		return (labels == nil || labels[r.label]) &&
			(opts.DocID == 0 || r.span.DocID == opts.DocID) &&
			(opts.Annotator == "" || strings.EqualFold(r.span.Annotator, opts.Annotator)) &&
			(opts.Status == "" || r.doc.status == opts.Status)
	}, true
}

// parallel runs fn(0..n-1) at once, the last on the calling goroutine.
func parallel(n int, fn func(w int)) {
	var wg sync.WaitGroup
	for w := range n - 1 {
		wg.Add(1)
		go func() { defer wg.Done(); fn(w) }()
	}
	fn(n - 1)
	wg.Wait()
}

// candidate is a row that may match once typos are looked for, with the most it
// could score.
type candidate struct {
	row   int32
	bound int32
}

// searchWords scores rows[from:to] in the word band, typos left out, into top. It
// returns the rows that may match with typos, and the rows that passed the filter
// but matched no words (for the letter band).
func (e *Engine) searchWords(q *query, keep func(*row) bool, from, to int, top *topK) (typoRows []candidate, rest []int32) {
	rows := e.rows
	if q.pattern == "" {
		for i := from; i < to; i++ {
			if keep == nil || keep(&rows[i]) {
				top.add(hit{row: int32(i), recency: rows[i].recency})
			}
		}
		return nil, nil
	}
	var s scratch
	for i := from; i < to; i++ {
		r := &rows[i]
		if keep != nil && !keep(r) {
			continue
		}
		score, bound := q.scoreWords(r, &s, false)
		switch {
		case score > 0:
			top.add(hit{row: int32(i), score: int32(score), recency: r.recency})
		case bound > 0:
			typoRows = append(typoRows, candidate{row: int32(i), bound: int32(bound)})
		case q.patMask&^r.textMask == 0:
			rest = append(rest, int32(i))
		}
	}
	return typoRows, rest
}

// cutScore is the score a row needs to enter the results: the limit-th best score
// found so far over all workers, or 0 while there are fewer.
func cutScore(tops []*topK, limit int, rows []row) int {
	var all []hit
	for _, t := range tops {
		all = append(all, t.hits...)
	}
	if len(all) < limit {
		return 0
	}
	slices.SortFunc(all, func(a, b hit) int { return compareHits(rows, a, b) })
	return int(all[limit-1].score)
}

// boundBucket holds the typo candidates that could score at most bound.
type boundBucket struct {
	bound int
	rows  []int32
}

// byBound groups the workers' typo candidates by their bound, highest first.
func byBound(perWorker [][]candidate) []boundBucket {
	index := make(map[int32]int)
	var buckets []boundBucket
	for _, cands := range perWorker {
		for _, c := range cands {
			i, ok := index[c.bound]
			if !ok {
				i = len(buckets)
				index[c.bound] = i
				buckets = append(buckets, boundBucket{bound: int(c.bound)})
			}
			buckets[i].rows = append(buckets[i].rows, c.row)
		}
	}
	slices.SortFunc(buckets, func(a, b boundBucket) int { return b.bound - a.bound })
	return buckets
}

// searchTypos scores typo candidates with typos, and returns rest extended by those
// that matched no words after all.
func (e *Engine) searchTypos(q *query, candidates []int32, top *topK, rest []int32) []int32 {
	var s scratch
	for _, i := range candidates {
		r := &e.rows[i]
		if score, _ := q.scoreWords(r, &s, true); score > 0 {
			top.add(hit{row: i, score: int32(score), recency: r.recency})
		} else if q.patMask&^r.textMask == 0 {
			rest = append(rest, i)
		}
	}
	return rest
}

// searchLetters runs sahilm/fuzzy over the candidate rows whose text holds the whole
// query as a subsequence, and adds them to top in the letter band.
func (e *Engine) searchLetters(q *query, candidates []int32, top *topK) {
	rows := e.rows
	letterwise := candidates[:0] // filter in place: the slice is this worker's own
	for _, i := range candidates {
		if isSubsequenceOf(q.pattern, rows[i].folded) {
			letterwise = append(letterwise, i)
		}
	}
	if len(letterwise) == 0 {
		return
	}
	patternRunes := utf8.RuneCountInString(q.pattern)
	for _, m := range fuzzy.FindFromNoSort(q.pattern, rowSource{rows: rows, index: letterwise}) {
		i := letterwise[m.Index]
		top.add(hit{row: i, score: int32(letterScore(m, patternRunes)), recency: rows[i].recency})
	}
}

// rowSource is the fuzzy.Source sahilm/fuzzy reads: the folded span texts of the
// rows it names, without copying them into a []string.
type rowSource struct {
	rows  []row
	index []int32
}

func (s rowSource) String(i int) string { return s.rows[s.index[i]].folded }
func (s rowSource) Len() int            { return len(s.index) }

// letterScore maps a sahilm/fuzzy score into the letter-wise band 1..wordTierBase-1.
// sahilm subtracts one point per unmatched character, which would rank a long quote
// below a short label for the same match: that penalty is added back. What remains
// are its bonuses for matches at word starts and runs of adjacent letters, averaged
// per query character so that long queries do not swamp the band.
func letterScore(m fuzzy.Match, patternRunes int) int {
	raw := m.Score + (len(m.Str) - len(m.MatchedIndexes))
	perChar := (raw + 15) / max(1, patternRunes) // +15: undo the worst leading-gap penalty
	return min(max(1+perChar, 1), wordTierBase-1)
}

// hit is a scored row, before it becomes a Result.
type hit struct {
	row     int32
	score   int32
	recency int64
}

// compareHits orders hits best first: score, then the more recent, then the higher
// (newer) span ID, so equal inputs always give the same order.
func compareHits(rows []row, a, b hit) int {
	if a.score != b.score {
		return int(b.score - a.score)
	}
	if a.recency != b.recency {
		if a.recency > b.recency {
			return -1
		}
		return 1
	}
	ai, bi := rows[a.row].span.ID, rows[b.row].span.ID
	switch { // IDs grow as spans are made: the higher is the newer
	case ai > bi:
		return -1
	case ai < bi:
		return 1
	}
	return 0
}

// topK keeps the best k hits seen, as a heap whose root is the worst kept.
type topK struct {
	k    int
	rows []row
	hits []hit
}

func newTopK(k int, rows []row) *topK { return &topK{k: k, rows: rows} }

func (t *topK) worse(i, j int) bool { return compareHits(t.rows, t.hits[i], t.hits[j]) > 0 }

func (t *topK) add(h hit) {
	if len(t.hits) < t.k {
		t.hits = append(t.hits, h)
		for i := len(t.hits) - 1; i > 0; {
			parent := (i - 1) / 2
			if !t.worse(i, parent) {
				break
			}
			t.hits[i], t.hits[parent] = t.hits[parent], t.hits[i]
			i = parent
		}
		return
	}
	if compareHits(t.rows, h, t.hits[0]) >= 0 {
		return // not better than the worst kept
	}
	t.hits[0] = h
	for i := 0; ; {
		worst, l, r := i, 2*i+1, 2*i+2
		if l < len(t.hits) && t.worse(l, worst) {
			worst = l
		}
		if r < len(t.hits) && t.worse(r, worst) {
			worst = r
		}
		if worst == i {
			return
		}
		t.hits[i], t.hits[worst] = t.hits[worst], t.hits[i]
		i = worst
	}
}

// result builds the Result for a hit, working out which characters to highlight.
func (e *Engine) result(q *query, h hit) Result {
	r := &e.rows[h.row]
	res := Result{
		Record: annotate.SpanRecord{Span: r.span, DocTitle: r.doc.title, DocStatus: r.doc.status},
		Score:  int(h.score),
	}
	if r.span.Note != "" {
		res.Context = "note: " + excerpt(r.span.Note, contextRunes)
	}
	switch {
	case q.pattern == "":
	case h.score >= wordTierBase:
		var s scratch
		q.scoreWords(r, &s, true)
		res.Matched = wordHighlights(q, r.folded, s.matches)
	default:
		ms := fuzzy.FindFrom(q.pattern, rowSource{rows: e.rows, index: []int32{h.row}})
		if len(ms) == 1 {
			res.Matched = codePoints(r.folded, ms[0].MatchedIndexes)
		}
	}
	return res
}

// contextRunes is how much of a note a result carries.
const contextRunes = 80

// wordHighlights lists the code points of the text words chosen for each query word.
func wordHighlights(q *query, folded string, ms []tokenMatch) []int {
	var byteOffsets []int
	for i := range ms {
		m := &ms[i]
		if !m.inText() {
			continue
		}
		c := m.choices[m.chosen]
		word := folded[c.start:c.end]
		switch c.hl.kind {
		case hlRange:
			for off := c.hl.from; off < c.hl.to; {
				byteOffsets = append(byteOffsets, int(c.start)+off)
				_, size := utf8.DecodeRuneInString(word[off:])
				off += size
			}
		case hlSubsequence:
			off := 0
			for _, tr := range q.tokens[i].text {
				at := strings.IndexRune(word[off:], tr)
				if at < 0 {
					break
				}
				byteOffsets = append(byteOffsets, int(c.start)+off+at)
				off += at + utf8.RuneLen(tr)
			}
		}
	}
	slices.Sort(byteOffsets)
	return codePoints(folded, slices.Compact(byteOffsets))
}

// codePoints converts sorted byte offsets of rune starts in s into code-point
// indexes. The folded text has the same code points as the original, so the indexes
// hold for Record.Text too.
func codePoints(s string, byteOffsets []int) []int {
	if len(byteOffsets) == 0 {
		return nil
	}
	out := make([]int, 0, len(byteOffsets))
	w := annotate.NewWalker(s)
	for _, b := range byteOffsets {
		if w.SeekByte(b) {
			out = append(out, w.CodePoint())
		}
	}
	return out
}

// excerpt shortens s to at most n code points on one line.
func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	runes := []rune(s)
	return strings.TrimSpace(string(runes[:n-1])) + "…"
}
