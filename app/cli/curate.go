package cli

import (
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
	filter := annotate.LayerFilter{Exclude: []string{*curator}, DocIDs: docIDs, MinAnnotators: max(2, *minAgree)}
	var accept []annotate.Span
	documents := 0
	for doc, err := range store.Layers(e.ctx, filter) {
		if err != nil {
			return err
		}
		layers := make([][]annotate.Span, 0, len(doc.Annotators))
		for _, name := range doc.Annotators {
			layers = append(layers, doc.Layer(name))
		}
		agreed := agreement.Agreed(layers, *minAgree)
		if len(agreed) > 0 {
			documents++
		}
		for _, s := range agreed {
			s.DocID, s.Annotator = doc.ID, *curator
			accept = append(accept, s)
		}
	}
	added, err := store.AddSpans(e.ctx, accept, defaultAnnotator(""))
	if err != nil {
		return fmt.Errorf("curate: %w", err)
	}
	rule := "every annotator of the document"
	if *minAgree > 0 {
		rule = fmt.Sprintf("at least %d annotators", *minAgree)
	}
	fmt.Fprintf(e.stdout, "curated: %s agreed by %s in %s; %s added to %q, %d already there\n",
		plural(len(accept), "span"), rule, plural(documents, "document"), plural(added, "span"), *curator, len(accept)-added)
	return nil
}
