package cli

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"

	"github.com/newsmark/newsmark/annotate/suggest"
)

// runEval is `newsmark eval --gold FILE.jsonl [--patterns FILE] [--json]`: it runs
// the suggester on the gold file's texts and prints per-label precision, recall
// and F1 (exact and overlap), their micro average and the source accuracy. It
// imports nothing and does not open the database.
func runEval(e *env, args []string) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	goldPath := fs.String("gold", "", "gold file: spaCy JSONL in the canonical shape (attrs.source, SOURCE spans)")
	patternsPath := fs.String("patterns", "", "a pattern file to use besides the built-in rules")
	asJSON := fs.Bool("json", false, "print JSON")
	rest, err := parseInterleaved(fs, args)
	if err != nil {
		return usagef("eval: %v", err)
	}
	if len(rest) > 0 {
		return usagef("eval: unexpected argument %q (name the gold file with --gold)", rest[0])
	}
	if *goldPath == "" {
		return usagef("eval: --gold is required")
	}
	patterns, err := loadPatterns("", *patternsPath)
	if err != nil {
		return err
	}
	f, err := os.Open(*goldPath)
	if err != nil {
		return fmt.Errorf("eval: %w", err)
	}
	defer f.Close()
	docs, err := suggest.ReadGold(f, *goldPath)
	if err != nil {
		return err
	}
	report := suggest.Evaluate(suggest.New(patterns), docs)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(report)
	}
	return report.WriteText(e.stdout)
}
