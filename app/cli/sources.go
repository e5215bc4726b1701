package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"

	"github.com/newsmark/newsmark/annotate"
)

// sourceJSON is one entry of `sources --json`.
type sourceJSON struct {
	Name    string         `json:"name"`
	Kind    string         `json:"kind"`
	Aliases []string       `json:"aliases"`
	Counts  map[string]int `json:"counts"`
}

// runSources is the sources ledger, `sources merge NAME INTO_NAME` and
// `sources add NAME [--kind K] [--alias A]...`.
func runSources(e *env, args []string) error {
	if len(args) > 0 {
		switch args[0] {
		case "merge":
			return runSourcesMerge(e, args[1:])
		case "add":
			return runSourcesAdd(e, args[1:])
		}
	}
	fs := flag.NewFlagSet("sources", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	asJSON := fs.Bool("json", false, "print JSON")
	if err := fs.Parse(args); err != nil {
		return usagef("sources: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("sources: unknown subcommand %q (sources [--json] | sources merge NAME INTO_NAME | sources add NAME ...)", fs.Arg(0))
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	ledger, err := store.SourceLedger(e.ctx)
	if err != nil {
		return err
	}
	if *asJSON {
		out := make([]sourceJSON, 0, len(ledger))
		for _, entry := range ledger {
			aliases := entry.Source.Aliases
			if aliases == nil {
				aliases = []string{}
			}
			out = append(out, sourceJSON{Name: entry.Source.Name, Kind: string(entry.Source.Kind), Aliases: aliases, Counts: entry.Counts})
		}
		return json.NewEncoder(e.stdout).Encode(out)
	}
	// The statement labels first, then any other label that carries a source.
	columns := append([]string(nil), annotate.StatementLabels...)
	var others []string
	for _, entry := range ledger {
		for label := range entry.Counts {
			if !slices.Contains(columns, label) && !slices.Contains(others, label) {
				others = append(others, label)
			}
		}
	}
	sort.Strings(others)
	columns = append(columns, others...)
	table := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintf(table, "SOURCE\tKIND\t%s\tALIASES\n", strings.Join(columns, "\t"))
	for _, entry := range ledger {
		kind := string(entry.Source.Kind)
		if kind == "" {
			kind = "-"
		}
		counts := make([]string, len(columns))
		for i, label := range columns {
			counts[i] = fmt.Sprint(entry.Counts[label])
		}
		fmt.Fprintf(table, "%s\t%s\t%s\t%s\n", entry.Source.Name, kind, strings.Join(counts, "\t"), strings.Join(entry.Source.Aliases, "; "))
	}
	return table.Flush()
}

func runSourcesMerge(e *env, args []string) error {
	if len(args) != 2 {
		return usagef("sources merge: give two names, NAME INTO_NAME")
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	merged, err := store.MergeSources(e.ctx, args[0], args[1])
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "merged %q into %s (aliases: %s)\n", annotate.NormalizeSourceName(args[0]), merged.Name, strings.Join(merged.Aliases, "; "))
	return nil
}

// aliasFlags collects repeated --alias values.
type aliasFlags []string

func (a *aliasFlags) String() string     { return strings.Join(*a, ",") }
func (a *aliasFlags) Set(v string) error { *a = append(*a, v); return nil }

func runSourcesAdd(e *env, args []string) error {
	fs := flag.NewFlagSet("sources add", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	kindName := fs.String("kind", "", "person, organisation or group")
	var aliases aliasFlags
	fs.Var(&aliases, "alias", "another name of the source (repeatable)")
	names, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("sources add: %v", err)
	}
	if len(names) != 1 {
		return usagef("sources add: name exactly one source (quote a name with spaces)")
	}
	kind, err := annotate.ParseSourceKind(*kindName)
	if err != nil {
		return usagef("sources add: %v", err)
	}
	store, err := e.store()
	if err != nil {
		return err
	}
	created, err := store.CreateSource(e.ctx, annotate.Source{Name: names[0], Kind: kind, Aliases: aliases})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "added source %s\n", created.Name)
	return nil
}
