package cli

import (
	"flag"
	"fmt"
	"io"
	"os/user"
	"strings"
	"sync"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
)

func runImport(e *env, args []string) error {
	fs := flag.NewFlagSet("import", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	formatName := fs.String("format", "auto", "input format: auto, text, html, docx, jsonl, spacy, doccano, hf, conll, brat, label-studio")
	offsets := fs.String("offsets", "codepoint", "offset unit of the input: codepoint, utf16 or byte")
	annotator := fs.String("annotator", "", "whose annotations these are: spans naming none get this name, spans naming someone else are skipped, and the file must match documents already stored (default: keep the file's names, else the user name)")
	curator := fs.String("curator", annotate.DefaultCurator, "the curated layer's name, which --annotator may not take")
	skipInvalid := fs.Bool("skip-invalid", false, "import the good files and records and list the bad ones")
	refuseUnknown := fs.Bool("refuse-unknown-labels", false, "treat a span with a label the database lacks as an error instead of creating the label")
	clean := fs.Bool("clean", false, "remove leading and trailing boilerplate lines (menus, copyright, comment widgets) from text files and list them")
	splitArticles := fs.Bool("split-articles", false, "make a Word file holding several articles one document per article")
	paths, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("import: %v", err)
	}
	if len(paths) == 0 {
		return usagef("import: name at least one file or folder")
	}
	format, err := dataset.ParseFormat(*formatName)
	if err != nil {
		return usagef("import: %v", err)
	}
	unit, err := annotate.ParseUnit(*offsets)
	if err != nil {
		return usagef("import: %v", err)
	}
	colleague := *annotator != ""
	if colleague {
		if err := annotate.CheckAnnotatorName(*annotator, *curator); err != nil {
			return usagef("import: --annotator: %v", err)
		}
	}
	// Reading starts before the database is opened (or created), so the two
	// overlap; stop ends it early if opening fails.
	var skipped skippedEntries
	cleaned := &dataset.CleanLog{}
	records, stop := dataset.ReadAhead(paths, dataset.ReadOptions{Format: format, Unit: unit, Skipped: skipped.add,
		SplitArticles: *splitArticles, Clean: *clean, OnClean: cleaned.Add})
	defer stop()
	store, err := e.store()
	if err != nil {
		return err
	}
	result, err := store.Import(e.ctx, records, annotate.ImportOptions{
		Annotator:           defaultAnnotator(*annotator),
		SkipInvalid:         *skipInvalid,
		RefuseUnknownLabels: *refuseUnknown,
		OnlyAnnotator:       colleague,
		RequireMatch:        colleague,
		ParseCasualty:       casualtyParser(),
	})
	if err != nil {
		return err
	}
	if colleague {
		fmt.Fprintf(e.stdout, "%s's annotations: %d of %s matched documents already stored (by text)\n",
			*annotator, result.Duplicates, plural(result.Documents+result.Duplicates, "document"))
	}
	if *clean {
		printCleanReports(e.stdout, cleaned.Reports())
	}
	fmt.Fprintln(e.stdout, importSummary(result))
	skipped.report(e.stderr)
	if len(result.Invalid) > 0 {
		fmt.Fprintf(e.stderr, "skipped %d invalid record(s):\n", len(result.Invalid))
		for _, problem := range result.Invalid {
			fmt.Fprintf(e.stderr, "  %v\n", problem)
		}
	}
	return nil
}

func importSummary(result annotate.ImportResult) string {
	parts := []string{plural(result.Documents, "document") + " added"}
	if result.Duplicates > 0 {
		parts = append(parts, plural(result.Duplicates, "document")+" already present")
	}
	parts = append(parts, plural(result.Spans, "span")+" added")
	if result.SpansExisting > 0 {
		parts = append(parts, plural(result.SpansExisting, "span")+" already present")
	}
	if result.SpansOtherAnnotators > 0 {
		parts = append(parts, fmt.Sprintf("%s by %s skipped", plural(result.SpansOtherAnnotators, "span"), strings.Join(result.OtherAnnotators, ", ")))
	}
	if len(result.LabelsCreated) > 0 {
		parts = append(parts, "new labels: "+strings.Join(result.LabelsCreated, ", "))
	}
	if len(result.AttrsDeclared) > 0 {
		parts = append(parts, "new attributes: "+strings.Join(result.AttrsDeclared, ", "))
	}
	if len(result.SourcesAdded) > 0 {
		parts = append(parts, plural(len(result.SourcesAdded), "new source"))
	}
	if len(result.Invalid) > 0 {
		parts = append(parts, plural(len(result.Invalid), "invalid record")+" skipped")
	}
	return "imported: " + strings.Join(parts, "; ")
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// defaultAnnotator is the name written on spans whose source names no annotator.
func defaultAnnotator(given string) string {
	if given != "" {
		return given
	}
	if u, err := user.Current(); err == nil && u.Username != "" {
		return u.Username
	}
	return "unknown"
}

// skippedEntries collects what Read left unread inside folders because it was not
// a regular file (named pipes, devices, sockets, broken links). Read calls add
// from its own goroutine.
type skippedEntries struct {
	mu    sync.Mutex
	lines []string
}

func (s *skippedEntries) add(path, what string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.lines = append(s.lines, fmt.Sprintf("%s (%s)", annotate.QuotePath(path), what))
}

// report prints, after the summary, what was skipped and why.
func (s *skippedEntries) report(w io.Writer) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.lines) == 0 {
		return
	}
	fmt.Fprintf(w, "skipped %s that %s not a regular file:\n", entries(len(s.lines)), isAre(len(s.lines)))
	for i, line := range s.lines {
		if i == maxListed {
			fmt.Fprintf(w, "  … and %d more\n", len(s.lines)-maxListed)
			break
		}
		fmt.Fprintf(w, "  %s\n", line)
	}
}

// maxListed is how many skipped entries are named one by one.
const maxListed = 20

func entries(n int) string {
	if n == 1 {
		return "1 folder entry"
	}
	return fmt.Sprintf("%d folder entries", n)
}

func isAre(n int) string {
	if n == 1 {
		return "is"
	}
	return "are"
}
