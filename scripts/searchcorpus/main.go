// Command searchcorpus writes the generated news corpus that scripts/bench-search.sh
// searches: a doccano JSONL file of articles with their spans (code-point offsets),
// and a text file holding the same span texts one per line, for fzf.
//
// Usage: go run ./scripts/searchcorpus SPANS OUT.jsonl OUT.txt
package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/newsmark/newsmark/annotate/search/searchtest"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "searchcorpus:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) != 3 {
		return fmt.Errorf("usage: searchcorpus SPANS OUT.jsonl OUT.txt")
	}
	spans, err := strconv.Atoi(args[0])
	if err != nil || spans <= 0 {
		return fmt.Errorf("SPANS must be a positive number, not %q", args[0])
	}
	docs := searchtest.Documents(spans, 20, 1)
	if err := writeFile(args[1], func(w *bufio.Writer) error {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for i, d := range docs {
			labels := make([][3]any, len(d.Spans))
			for j, s := range d.Spans {
				labels[j] = [3]any{s.Start, s.End, s.Label}
			}
			line := map[string]any{"id": i + 1, "text": d.Text, "label": labels, "meta": map[string]any{"title": d.Title}}
			if err := enc.Encode(line); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		return err
	}
	return writeFile(args[2], func(w *bufio.Writer) error {
		for _, d := range docs {
			for _, s := range d.Spans {
				if _, err := w.WriteString(strings.Join(strings.Fields(s.Text), " ") + "\n"); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func writeFile(path string, fill func(*bufio.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("create %s: %w", path, err)
	}
	w := bufio.NewWriter(f)
	if err := fill(w); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}
