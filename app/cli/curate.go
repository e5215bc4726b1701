package cli

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/agreement"
)

// runCurate is `newsmark curate --auto agreed [--min N] [--doc ID]... [--curator NAME]`:
// it copies into the curated layer every span (start, end and label) that the
// annotators of a document agree on: all of them by default, at least N with
// --min. Documents with fewer than two annotators (the curated layer not
// counted) are left alone. Running it again adds nothing.
func runCurate(e *env, args []string) error {
	fs := flag.NewFlagSet("curate", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	auto := fs.String("auto", "", "what to accept without review: agreed")
	minAgree := fs.Int("min", 0, "a span is agreed when at least N annotators have it (default: every annotator of the document)")
	var docArgs stringList
	fs.Var(&docArgs, "doc", "only this document id (repeatable)")
	curator := fs.String("curator", annotate.DefaultCurator, "the annotator name of the curated layer")
	if err := fs.Parse(args); err != nil {
		return usagef("curate: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("curate: unexpected argument %q", fs.Arg(0))
	}
	if *auto != "agreed" {
		if *auto == "" {
			return usagef("curate: say --auto agreed (span by span curation is in the workbench)")
		}
		return usagef("curate: --auto %q is not known; the one choice is agreed", *auto)
	}
	if *minAgree != 0 && *minAgree < 2 {
		return usagef("curate: --min must be at least 2 (agreement takes two annotators), not %d", *minAgree)
	}
	if strings.TrimSpace(*curator) == "" {
		return usagef("curate: --curator must name the curated layer")
	}
	docIDs, err := parseDocIDs(docArgs)
	if err != nil {
		return usagef("curate: %v", err)
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	labels, err := store.Labels(e.ctx)
	if err != nil {
		return fmt.Errorf("curate: %w", err)
	}
	filter := annotate.LayerFilter{Exclude: []string{*curator}, DocIDs: docIDs, MinAnnotators: max(2, *minAgree)}
	var accept []annotate.Span
	var links []annotate.RangeLink
	documents, differing, agreedCount := 0, 0, 0
	for doc, err := range store.Layers(e.ctx, filter) {
		if err != nil {
			return err
		}
		layers := make([][]annotate.Span, 0, len(doc.Annotators))
		for _, name := range doc.Annotators {
			layers = append(layers, doc.Layer(name))
		}
		agreed := agreement.Agreed(layers, *minAgree)
		if len(agreed) == 0 {
			continue
		}
		documents++
		agreedCount += len(agreed)
		copies, err := curatedCopies(e.ctx, store, doc.ID, agreed, *curator, labels)
		if err != nil {
			return fmt.Errorf("curate: document %d: %w", doc.ID, err)
		}
		accept = append(accept, copies.spans...)
		links = append(links, copies.links...)
		differing += copies.differing
	}
	added, linked, err := store.AddLinkedSpans(e.ctx, accept, links, defaultAnnotator(""))
	if err != nil {
		return fmt.Errorf("curate: %w", err)
	}
	rule := "every annotator of the document"
	if *minAgree > 0 {
		rule = fmt.Sprintf("at least %d annotators", *minAgree)
	}
	fmt.Fprintf(e.stdout, "curated: %s agreed by %s in %s; %s added to %q, %d already there or rejected; %s copied",
		plural(agreedCount, "span"), rule, plural(documents, "document"), plural(added, "span"), *curator, agreedCount-added, plural(linked, "link"))
	if differing > 0 {
		fmt.Fprintf(e.stdout, "; %s left empty where the annotators gave different values", plural(differing, "attribute"))
	}
	fmt.Fprintln(e.stdout)
	return nil
}

// curation is what curate copies into one document's curated layer.
type curation struct {
	spans     []annotate.Span
	links     []annotate.RangeLink
	differing int // attributes left out because the copies disagree
}

// curatedCopies builds the curated copies of a document's agreed spans as the
// workbench's "accept all agreed" does: the first copy's note, the attribute
// values every copy holds alike, and the links every copy has to another agreed
// (or already curated) span. Spans the curator rejected are left out, and
// spans already curated are given as they are (AddLinkedSpans skips them)
// so that links to them can be named.
func curatedCopies(ctx context.Context, store annotate.Store, docID int64, agreed []annotate.Span, curator string, labels []annotate.Label) (curation, error) {
	spans, err := store.Spans(ctx, docID)
	if err != nil {
		return curation{}, err
	}
	rejected, err := store.RejectedCandidates(ctx, docID, curator)
	if err != nil {
		return curation{}, err
	}
	byID := map[int64]annotate.Span{}
	byKey := map[agreement.Key][]annotate.Span{}
	curated := map[agreement.Key]bool{}
	for _, s := range spans {
		byID[s.ID] = s
		k := agreement.KeyOf(s)
		if s.Annotator == curator {
			curated[k] = true
			continue
		}
		byKey[k] = append(byKey[k], s)
	}
	skip := map[agreement.Key]bool{}
	for _, r := range rejected {
		skip[agreement.KeyOf(r)] = true
	}
	spanByID := func(id int64) (annotate.Span, bool) { s, ok := byID[id]; return s, ok }
	var out curation
	fresh := map[agreement.Key][]annotate.Span{} // the new curated spans' copies
	for _, a := range agreed {
		k := agreement.KeyOf(a)
		if curated[k] || skip[k] {
			continue
		}
		copies := byKey[k]
		attrs, differing := agreement.MergeAttrs(copies)
		for _, l := range labels {
			if l.Name == a.Label {
				attrs = l.FitAttrs(attrs)
			}
		}
		out.differing += len(differing)
		out.spans = append(out.spans, annotate.Span{DocID: docID, Start: a.Start, End: a.End, Label: a.Label,
			Annotator: curator, Note: copies[0].Note, Attrs: attrs})
		fresh[k] = copies
	}
	for _, s := range out.spans {
		k := agreement.KeyOf(s)
		for _, r := range agreement.AgreedRelations(fresh[k], spanByID) {
			_, otherFresh := fresh[r.Other]
			other := annotate.Span{Start: r.Other.Start, End: r.Other.End, Label: r.Other.Label}
			switch {
			case r.Head && (otherFresh || curated[r.Other]):
				out.links = append(out.links, annotate.RangeLink{DocID: docID, Annotator: curator, Label: r.Label, Head: s, Child: other})
			case !r.Head && curated[r.Other]:
				// A mention whose statement was curated before: the statement's
				// side is not new, so the link is made from here.
				out.links = append(out.links, annotate.RangeLink{DocID: docID, Annotator: curator, Label: r.Label, Head: other, Child: s})
			}
		}
	}
	return out, nil
}
