package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"text/tabwriter"

	"github.com/newsmark/newsmark/annotate"
)

type labelJSON struct {
	Name        string `json:"name"`
	Color       string `json:"color"`
	Hotkey      string `json:"hotkey"`
	Description string `json:"description"`
	Spans       int    `json:"spans"`
	// Attributes its spans may carry (issue 11).
	Attributes []attrDeclJSON `json:"attributes"`
}

func runLabels(e *env, args []string) error {
	if len(args) > 0 && args[0] == "add" {
		return runLabelsAdd(e, args[1:])
	}
	if len(args) > 0 && args[0] == "attr" {
		return runLabelsAttr(e, args[1:])
	}
	fs := flag.NewFlagSet("labels", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return usagef("labels: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("labels: unknown subcommand %q (labels [--json] | labels add NAME ... | labels attr add LABEL NAME ...)", fs.Arg(0))
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	labels, err := store.Labels(e.ctx)
	if err != nil {
		return err
	}
	stats, err := store.Stats(e.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]labelJSON, 0, len(labels))
		for _, l := range labels {
			out = append(out, labelJSON{Name: l.Name, Color: l.Color, Hotkey: l.Hotkey, Description: l.Description, Spans: stats.Labels[l.Name],
				Attributes: attrDeclsJSON(l.Attrs)})
		}
		return json.NewEncoder(e.stdout).Encode(out)
	}
	table := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(table, "KEY\tNAME\tCOLOUR\tSPANS\tATTRIBUTES")
	for _, l := range labels {
		key := l.Hotkey
		if key == "" {
			key = "-"
		}
		fmt.Fprintf(table, "%s\t%s\t%s\t%d\t%s\n", key, l.Name, l.Color, stats.Labels[l.Name], describeAttrs(l.Attrs))
	}
	return table.Flush()
}

func runLabelsAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("labels add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	color := fs.String("color", "", "colour as #RRGGBB (default: the next colour-blind-safe colour)")
	key := fs.String("key", "", "hotkey, a digit 1-9")
	description := fs.String("description", "", "the annotation guideline for this label")
	names, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("labels add: %v", err)
	}
	if len(names) != 1 {
		return usagef("labels add: name exactly one label")
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	existing, err := store.Labels(e.ctx)
	if err != nil {
		return err
	}
	label := annotate.Label{
		Name:        annotate.NormalizeLabelName(names[0]),
		Color:       *color,
		Hotkey:      *key,
		Description: *description,
		Order:       len(existing),
	}
	if label.Color == "" {
		label.Color = annotate.FallbackColor(len(existing))
	}
	if err := label.Validate(); err != nil {
		return err
	}
	for _, other := range existing {
		if other.Name == label.Name {
			return annotate.Errorf(annotate.ECONFLICT, "label %s already exists", label.Name)
		}
		if label.Hotkey != "" && other.Hotkey == label.Hotkey {
			return annotate.Errorf(annotate.ECONFLICT, "hotkey %s is already used by label %s", label.Hotkey, other.Name)
		}
	}
	created, err := store.CreateLabel(e.ctx, label)
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added label %s (%s)\n", created.Name, created.Color)
	return nil
}
