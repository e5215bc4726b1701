package agreement

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// PairOptions choose what ComparePairs compares.
type PairOptions struct {
	// Annotators to compare, every pair of them; empty for everyone who shares
	// a document with somebody, the curated layer left out.
	Annotators []string
	Labels     []string // only these labels; empty for all
	DocIDs     []int64  // only these documents; empty for all
	Curator    string   // the curated layer's annotator
}

// PairResult is the comparison of two annotators, A before B in name order.
type PairResult struct {
	A, B   string
	Result Result
}

// Comparison is every compared pair, with the titles of the documents involved.
type Comparison struct {
	Pairs  []PairResult
	Titles map[int64]string
}

// ComparePairs reads the layers from store and compares every pair of
// annotators over the documents both annotated: where both have at least one
// span, of any label (so a label filter does not hide that B read a document and
// marked nothing of that label).
func ComparePairs(ctx context.Context, store annotate.Store, opts PairOptions) (Comparison, error) {
	names := opts.Annotators
	filter := annotate.LayerFilter{Annotators: names, DocIDs: opts.DocIDs, MinAnnotators: 2, Sources: true}
	if len(names) == 0 {
		filter.Exclude = []string{opts.Curator}
	}
	shared := map[[2]string][]Document{}
	titles := map[int64]string{}
	for doc, err := range store.Layers(ctx, filter) {
		if err != nil {
			return Comparison{}, err
		}
		titles[doc.ID] = doc.Title
		layers := splitLayers(doc)
		for i, a := range doc.Annotators {
			for _, b := range doc.Annotators[i+1:] {
				key := [2]string{a, b}
				shared[key] = append(shared[key], Document{ID: doc.ID, Length: doc.Length, A: layers[a], B: layers[b]})
			}
		}
	}
	if len(names) == 0 {
		for key := range shared {
			names = append(names, key[0], key[1])
		}
	}
	if err := checkAnnotators(ctx, store, names, shared, opts.Curator); err != nil {
		return Comparison{}, err
	}
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)
	var pairs []PairResult
	for i, a := range names {
		for _, b := range names[i+1:] {
			pairs = append(pairs, PairResult{A: a, B: b, Result: Compare(shared[[2]string{a, b}], Options{Labels: opts.Labels, Source: AttrSource})})
		}
	}
	return Comparison{Pairs: pairs, Titles: titles}, nil
}

// AttrSource is a span's source as Layers gives it (LayerFilter.Sources): its
// attrs.source, which storage fills from the source attribute or else the
// linked SOURCE mention's words.
func AttrSource(s annotate.Span) string { return s.Attrs["source"].Text }

// splitLayers parts a document's spans by annotator, in one allocation.
func splitLayers(doc annotate.DocumentLayers) map[string][]annotate.Span {
	layers := make(map[string][]annotate.Span, len(doc.Annotators))
	all := make([]annotate.Span, 0, len(doc.Spans))
	for _, name := range doc.Annotators {
		start := len(all)
		for _, s := range doc.Spans {
			if s.Annotator == name {
				all = append(all, s)
			}
		}
		layers[name] = all[start:len(all):len(all)]
	}
	return layers
}

// checkAnnotators explains why there is nothing to compare: fewer than two
// annotators, or a named one without spans. Progress is read only then.
func checkAnnotators(ctx context.Context, store annotate.Store, names []string, shared map[[2]string][]Document, curator string) error {
	inShared := map[string]bool{}
	for key := range shared {
		inShared[key[0]], inShared[key[1]] = true, true
	}
	missing := slices.ContainsFunc(names, func(n string) bool { return !inShared[n] })
	if len(names) >= 2 && !missing {
		return nil
	}
	progress, err := store.AnnotatorProgress(ctx, curator)
	if err != nil {
		return err
	}
	var everyone []string
	for _, a := range progress.Annotators {
		everyone = append(everyone, a.Name)
	}
	for _, name := range names {
		if !slices.Contains(everyone, name) {
			return annotate.Errorf(annotate.ENOTFOUND, "no spans by annotator %q (see `newsmark annotators`)", name)
		}
	}
	if len(names) >= 2 {
		return nil // named annotators who share no document: their pairs show 0 documents
	}
	var annotators []string
	for _, name := range everyone {
		if name != curator {
			annotators = append(annotators, name)
		}
	}
	if len(annotators) < 2 {
		return annotate.Errorf(annotate.EINVALID,
			"agreement needs two annotators; the database has spans by %s (bring in a colleague's work with `newsmark import --annotator NAME FILE`)", listOrNone(annotators))
	}
	return annotate.Errorf(annotate.EINVALID,
		"agreement needs documents that two annotators both annotated; %s have none in common (see `newsmark annotators` for who still needs a second annotator)",
		strings.Join(annotators, ", "))
}

func listOrNone(names []string) string {
	if len(names) == 0 {
		return "nobody"
	}
	return fmt.Sprintf("%q only", names)
}
