package suggest

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// GoldDoc is one record of a gold file in the canonical JSONL shape: its text,
// spans (with attrs) and SOURCE_OF relations.
type GoldDoc struct {
	Text  string
	Title string
	Spans []GoldSpan
}

// GoldSpan is a gold span; Source is its attrs.source, Attrs all its attributes.
type GoldSpan struct {
	Start, End int
	Label      string
	Source     string
	Attrs      map[string]any
}

type goldRecord struct {
	Text  string `json:"text"`
	Spans []struct {
		Start int            `json:"start"`
		End   int            `json:"end"`
		Label string         `json:"label"`
		Text  *string        `json:"text"`
		Attrs map[string]any `json:"attrs"`
	} `json:"spans"`
	Meta map[string]any `json:"meta"`
}

// ReadGold reads a gold file in the canonical JSONL shape (offsets in code
// points). A bad line is an error naming the file and line.
func ReadGold(r io.Reader, name string) ([]GoldDoc, error) {
	var docs []GoldDoc
	scanner := bufio.NewScanner(r)
	scanner.Buffer(make([]byte, 0, 1<<20), annotate.MaxDocumentBytes*2)
	for line := 1; scanner.Scan(); line++ {
		raw := strings.TrimSpace(scanner.Text())
		if raw == "" {
			continue
		}
		var rec goldRecord
		if err := json.Unmarshal([]byte(raw), &rec); err != nil {
			return nil, annotate.Errorf(annotate.EINVALID, "%s line %d: %v", name, line, err)
		}
		offsets := annotate.NewOffsets(rec.Text)
		doc := GoldDoc{Text: rec.Text}
		if title, ok := rec.Meta["title"].(string); ok {
			doc.Title = title
		}
		for _, s := range rec.Spans {
			span := GoldSpan{Start: s.Start, End: s.End, Label: s.Label, Attrs: s.Attrs}
			if span.Start < 0 || span.End > offsets.Len() || span.Start >= span.End {
				return nil, annotate.Errorf(annotate.EINVALID, "%s line %d: span %d-%d is outside the text (length %d code points) or empty", name, line, s.Start, s.End, offsets.Len())
			}
			if s.Text != nil && offsets.Slice(s.Start, s.End) != *s.Text {
				return nil, annotate.Errorf(annotate.EINVALID, "%s line %d: span %d-%d covers %q, not %q (are the offsets code points?)", name, line, s.Start, s.End, offsets.Slice(s.Start, s.End), *s.Text)
			}
			if src, ok := s.Attrs["source"].(string); ok {
				span.Source = src
			}
			doc.Spans = append(doc.Spans, span)
		}
		docs = append(docs, doc)
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	return docs, nil
}

// Score is precision, recall and F1 from counts.
type Score struct {
	Gold      int     `json:"gold"`
	Predicted int     `json:"predicted"`
	Correct   int     `json:"correct"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func newScore(gold, predicted, correct int) Score {
	s := Score{Gold: gold, Predicted: predicted, Correct: correct}
	if predicted > 0 {
		s.Precision = float64(correct) / float64(predicted)
	}
	if gold > 0 {
		s.Recall = float64(correct) / float64(gold)
	}
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// LabelReport is one label's scores.
type LabelReport struct {
	Label   string `json:"label"`
	Exact   Score  `json:"exact"`
	Overlap Score  `json:"overlap"`
}

// Report is what Evaluate measures.
type Report struct {
	Documents int           `json:"documents"`
	Labels    []LabelReport `json:"labels"`
	// Micro is over the four labels.
	MicroExact   Score `json:"micro_exact"`
	MicroOverlap Score `json:"micro_overlap"`
	// SourceAccuracy is over gold QUOTE, CLAIM and DEMAND spans with a source that
	// a suggestion of the same label overlaps: the share whose proposed source
	// names the same source (compared in lower case, without a leading article).
	SourceAccuracy float64 `json:"source_accuracy"`
	SourceMatched  int     `json:"source_matched"`
	SourceCorrect  int     `json:"source_correct"`
	// CasualtyFields is, per attribute, the share of exactly matched CASUALTY spans
	// whose parsed value equals the gold one.
	CasualtyFields map[string]float64 `json:"casualty_fields,omitempty"`
	// Misses lists every gold span not matched exactly and every suggestion not in
	// the gold set (for tuning; not printed by default).
	Misses []string `json:"-"`
}

// casualtyFields are the CASUALTY attributes Evaluate scores on exact matches,
// in the order the report prints them.
var casualtyFields = []string{"count", "min", "max", "kind", "qualifier", "group"}

// Evaluate runs the suggester on the gold documents' texts and scores its
// suggestions against their spans.
func Evaluate(s *Suggester, docs []GoldDoc) Report {
	report := Report{Documents: len(docs)}
	exact := map[string]*[3]int{}
	overlap := map[string]*[3]int{}
	for _, l := range Labels {
		exact[l] = &[3]int{}
		overlap[l] = &[3]int{}
	}
	fieldTotal := 0
	fieldRight := map[string]int{}
	for _, doc := range docs {
		suggestions := s.Suggest(doc.Text)
		offsets := annotate.NewOffsets(doc.Text)
		for _, label := range Labels {
			var gold []GoldSpan
			var pred []Suggestion
			for _, g := range doc.Spans {
				if g.Label == label {
					gold = append(gold, g)
				}
			}
			for _, p := range suggestions {
				if p.Label == label {
					pred = append(pred, p)
				}
			}
			exact[label][0] += len(gold)
			exact[label][1] += len(pred)
			overlap[label][0] += len(gold)
			overlap[label][1] += len(pred)
			for _, p := range pred {
				found := false
				for _, g := range gold {
					if g.Start == p.Start && g.End == p.End {
						found = true
						exact[label][2]++
						if label == LabelCasualty {
							fieldTotal++
							for _, f := range casualtyFields {
								if fmt.Sprint(g.Attrs[f]) == fmt.Sprint(p.Attrs[f]) {
									fieldRight[f]++
								} else {
									report.Misses = append(report.Misses, fmt.Sprintf("%s %s %q: gold %v, parsed %v", label, f, p.Text, g.Attrs[f], p.Attrs[f]))
								}
							}
						}
						break
					}
				}
				if !found {
					report.Misses = append(report.Misses, fmt.Sprintf("%-8s extra  %q (%s)", label, p.Text, p.Rule))
				}
			}
			for _, g := range gold {
				hit := false
				for _, p := range pred {
					if g.Start == p.Start && g.End == p.End {
						hit = true
					}
				}
				if !hit {
					report.Misses = append(report.Misses, fmt.Sprintf("%-8s missed %q", label, offsets.Slice(g.Start, g.End)))
				}
			}
			pairs := matchOverlap(gold, pred)
			overlap[label][2] += len(pairs)
			if label == LabelCasualty {
				continue
			}
			for gi, pi := range pairs {
				g, p := gold[gi], pred[pi]
				if g.Source == "" {
					continue
				}
				report.SourceMatched++
				if normalizeSource(g.Source) == normalizeSource(p.Source) {
					report.SourceCorrect++
				} else {
					report.Misses = append(report.Misses, fmt.Sprintf("%-8s source %q: gold %q, proposed %q", label, p.Text, g.Source, p.Source))
				}
			}
		}
	}
	var me, mo [3]int
	for _, l := range Labels {
		e, o := exact[l], overlap[l]
		report.Labels = append(report.Labels, LabelReport{Label: l, Exact: newScore(e[0], e[1], e[2]), Overlap: newScore(o[0], o[1], o[2])})
		for k := range 3 {
			me[k] += e[k]
			mo[k] += o[k]
		}
	}
	report.MicroExact = newScore(me[0], me[1], me[2])
	report.MicroOverlap = newScore(mo[0], mo[1], mo[2])
	if report.SourceMatched > 0 {
		report.SourceAccuracy = float64(report.SourceCorrect) / float64(report.SourceMatched)
	}
	if fieldTotal > 0 {
		report.CasualtyFields = map[string]float64{}
		for _, f := range casualtyFields {
			report.CasualtyFields[f] = float64(fieldRight[f]) / float64(fieldTotal)
		}
	}
	return report
}

// matchOverlap pairs gold and predicted spans one to one, largest overlap first;
// it returns gold index → predicted index.
func matchOverlap(gold []GoldSpan, pred []Suggestion) map[int]int {
	type pair struct{ g, p, overlap int }
	var pairs []pair
	for gi, g := range gold {
		for pi, p := range pred {
			o := min(g.End, p.End) - max(g.Start, p.Start)
			if o > 0 {
				pairs = append(pairs, pair{gi, pi, o})
			}
		}
	}
	sort.SliceStable(pairs, func(i, j int) bool { return pairs[i].overlap > pairs[j].overlap })
	matched := map[int]int{}
	usedPred := map[int]bool{}
	for _, p := range pairs {
		if _, ok := matched[p.g]; ok || usedPred[p.p] {
			continue
		}
		matched[p.g] = p.p
		usedPred[p.p] = true
	}
	return matched
}

func normalizeSource(name string) string {
	name = strings.ToLower(strings.Join(strings.Fields(name), " "))
	name = strings.ReplaceAll(name, "’", "'")
	for _, article := range []string{"the ", "a ", "an "} {
		name = strings.TrimPrefix(name, article)
	}
	return name
}

// WriteText prints the report as a table.
func (r Report) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%d documents\n\n%-10s %6s %6s | %-22s | %-22s\n", r.Documents, "label", "gold", "pred", "exact   P     R     F1", "overlap P     R     F1")
	row := func(name string, e, o Score) {
		fmt.Fprintf(&b, "%-10s %6d %6d |       %.2f  %.2f  %.2f |        %.2f  %.2f  %.2f\n", name, e.Gold, e.Predicted, e.Precision, e.Recall, e.F1, o.Precision, o.Recall, o.F1)
	}
	for _, l := range r.Labels {
		row(l.Label, l.Exact, l.Overlap)
	}
	row("micro", r.MicroExact, r.MicroOverlap)
	fmt.Fprintf(&b, "\nsource accuracy on matched statements: %.2f (%d of %d)\n", r.SourceAccuracy, r.SourceCorrect, r.SourceMatched)
	if r.CasualtyFields != nil {
		fmt.Fprintf(&b, "casualty attributes on exact matches:")
		for _, f := range casualtyFields {
			fmt.Fprintf(&b, " %s %.2f", f, r.CasualtyFields[f])
		}
		b.WriteString("\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
