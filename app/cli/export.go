package cli

import (
	"flag"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// runExport writes the database's documents and spans in a dataset format:
//
//	export --format F --out PATH [--offsets U] [--label L]... [--annotator A]
//	       [--status done|all] [--tokens] [--split train=0.8,dev=0.1,test=0.1 --seed N]
//
// Only documents marked done are exported unless --status says otherwise: a
// training file should hold what someone reviewed. With --status all (or
// in_progress, new) a warning on stderr says how many exported documents are not
// done; in spacy output those carry no "answer" (see dataset.SpacyEncoder).
//
// The summary (documents by status, spans, spans changed or dropped by BIO
// formats) goes to stderr so that `--out -` keeps stdout for the data.
func runExport(e *env, args []string) error {
	fs := flag.NewFlagSet("export", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	formatName := fs.String("format", "", "output format: spacy, doccano, hf, conll, brat, label-studio, csv")
	out := fs.String("out", "", "output file, folder (brat, --split) or - for stdout")
	offsets := fs.String("offsets", "codepoint", "offset unit: codepoint, utf16 or byte")
	var labels stringList
	fs.Var(&labels, "label", "export only spans with this label (repeatable)")
	annotator := fs.String("annotator", "", "export only spans by this annotator")
	status := fs.String("status", "done", "documents to export: done (reviewed), all, in_progress or new")
	tokens := fs.Bool("tokens", false, "spacy: write tokens and token_start/token_end")
	split := fs.String("split", "", "split by document, e.g. train=0.8,dev=0.1,test=0.1 (--out is a folder)")
	seed := fs.Int64("seed", 1, "seed for --split")
	replaceLabels := fs.Bool("replace-labels", false, "hf: replace a labels.json beside the output that an hf export did not write")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("export: %v", err)
	}
	if len(rest) > 0 {
		return usagef("export: unexpected argument %q (the output goes in --out)", rest[0])
	}
	if *formatName == "" {
		return usagef("export: --format is required (spacy, doccano, hf, conll, brat, label-studio or csv)")
	}
	format, err := dataset.ParseFormat(*formatName)
	if err != nil {
		return usagef("export: %v", err)
	}
	if !exportable(format) {
		return usagef("export: cannot export to %s (want spacy, doccano, hf, conll, brat, label-studio or csv)", format)
	}
	if *out == "" {
		return usagef("export: --out is required (a file, a folder for brat or --split, or - for stdout)")
	}
	unit, err := annotate.ParseUnit(*offsets)
	if err != nil {
		return usagef("export: %v", err)
	}
	parts, err := dataset.ParseSplit(*split)
	if err != nil {
		return usagef("export: %v", err)
	}
	if *out == "-" && (len(parts) > 0 || format.IsFolder()) {
		return usagef("export: --out - works only for single-file formats without --split")
	}
	filter := annotate.ExportFilter{Annotator: *annotator}
	switch *status {
	case "all", "":
	default:
		s := annotate.Status(*status)
		if *status == "in-progress" {
			s = annotate.StatusInProgress
		}
		if !s.Valid() {
			return usagef("export: unknown --status %q (want all, done, in_progress or new)", *status)
		}
		filter.Status = s
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	known, err := store.Labels(e.ctx)
	if err != nil {
		return err
	}
	for _, name := range labels {
		name = annotate.NormalizeLabelName(name)
		if !hasLabel(known, name) {
			return fmt.Errorf("export: no label named %q (labels: %s)", annotate.Clip(name), labelNames(known))
		}
		filter.Labels = append(filter.Labels, name)
	}
	// Export streams, so the live heap stays small; letting it grow before each
	// collection (GOGC 400) saves the collector's share of a one-shot command
	// without giving up flat memory. Restored when the command returns.
	defer debug.SetGCPercent(debug.SetGCPercent(400))
	summary, err := dataset.Export(e.ctx, store.Export(e.ctx, filter), *out, e.stdout, dataset.ExportOptions{
		Format: format, Unit: unit, Tokens: *tokens, Labels: known, Split: parts, Seed: *seed,
		ReplaceLabels: *replaceLabels,
	})
	if err != nil {
		return fmt.Errorf("export %s to %s: %w", format, annotate.QuotePath(*out), err)
	}
	fmt.Fprintln(e.stderr, exportSummary(summary))
	if warning := notDoneWarning(summary, format); warning != "" {
		fmt.Fprintln(e.stderr, warning)
	}
	return nil
}

// notDoneWarning says how many exported documents nobody marked done, or "".
func notDoneWarning(s dataset.ExportSummary, format dataset.Format) string {
	notDone := s.Documents - s.ByStatus[annotate.StatusDone]
	if notDone == 0 {
		return ""
	}
	warning := fmt.Sprintf("warning: %s of %d not marked done (not reviewed)", plural(notDone, "document"), s.Documents)
	if format == dataset.FormatSpacy {
		warning += `; their lines carry no "answer", so Prodigy and spaCy do not take them as reviewed`
	}
	return warning
}

func exportable(format dataset.Format) bool {
	for _, f := range dataset.ExportFormats() {
		if f == format {
			return true
		}
	}
	return false
}

func hasLabel(labels []annotate.Label, name string) bool {
	for _, l := range labels {
		if l.Name == name {
			return true
		}
	}
	return false
}

func labelNames(labels []annotate.Label) string {
	names := make([]string, len(labels))
	for i, l := range labels {
		names[i] = l.Name
	}
	return strings.Join(names, ", ")
}

// exportSummary is the line printed after an export, e.g.
// "exported 12 documents, 140 spans to out.jsonl; BIO: 3 spans changed (CLAIM 2, QUOTE 1), 1 dropped (CASUALTY 1)".
func exportSummary(s dataset.ExportSummary) string {
	var b strings.Builder
	fmt.Fprintf(&b, "exported %s%s, %s", plural(s.Documents, "document"), dataset.ByStatus(s.ByStatus), plural(s.Spans, "span"))
	if len(s.Files) > 0 && s.Files[0] != "-" {
		fmt.Fprintf(&b, " to %s", strings.Join(s.Files, ", "))
	}
	if changed, dropped := s.ChangedTotal(), s.DroppedTotal(); changed+dropped > 0 {
		fmt.Fprintf(&b, "; BIO tags cannot hold every span: %s widened to whole tokens%s, %s dropped%s",
			plural(changed, "span"), dataset.PerLabel(s.Changed), plural(dropped, "span"), dataset.PerLabel(s.Dropped))
	}
	return b.String()
}
