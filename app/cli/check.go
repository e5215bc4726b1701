package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/storage"
)

// errCheckFailed makes check exit 1 once it has printed its report.
var errCheckFailed = errors.New("the check found problems (listed above)")

// runCheck examines the database without writing to it and reports in words:
//
//	check
//
// It works on a damaged database too, which the other commands refuse.
func runCheck(e *env, args []string) error {
	fs := flag.NewFlagSet("check", flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	if err := fs.Parse(args); err != nil {
		return usagef("check: %v", err)
	}
	if fs.NArg() > 0 {
		return usagef("check: unexpected argument %q", fs.Arg(0))
	}
	report, err := storage.Check(e.ctx, e.dbPath)
	if err != nil {
		return err
	}
	WriteCheckReport(e.stdout, report)
	backups, _ := storage.ListBackups(e.dbPath)
	if len(backups) == 0 {
		fmt.Fprintf(e.stdout, "No backups yet in %s.\n", annotate.QuotePath(storage.BackupDir(e.dbPath)))
	} else {
		fmt.Fprintf(e.stdout, "%s in %s; the newest is %s.\n", plural(len(backups), "backup"),
			annotate.QuotePath(storage.BackupDir(e.dbPath)), annotate.QuotePath(backups[0].Path))
	}
	if !report.OK() {
		if len(backups) > 0 {
			fmt.Fprintf(e.stdout, "To go back to a backup: newsmark restore %s\n", annotate.QuotePath(backups[0].Path))
		}
		return errCheckFailed
	}
	return nil
}

// WriteCheckReport writes a check's findings as sentences; the app's
// Help ▸ Check database shows the same text.
func WriteCheckReport(w io.Writer, r storage.CheckReport) {
	fmt.Fprintf(w, "Database %s: %s, %s, %s, %s.\n", annotate.QuotePath(r.Path),
		plural(r.Documents, "document"), plural(r.Spans, "annotation"), plural(r.Labels, "label"), plural(r.HistoryEntries, "history entry"))
	if len(r.Integrity) == 0 {
		fmt.Fprintln(w, "File structure: sound (SQLite integrity_check: ok).")
	} else {
		fmt.Fprintf(w, "File structure: DAMAGED, SQLite integrity_check found %s:\n", plural(len(r.Integrity), "problem"))
		for i, p := range r.Integrity {
			if i == maxListed {
				fmt.Fprintf(w, "  … and %d more\n", len(r.Integrity)-maxListed)
				break
			}
			fmt.Fprintf(w, "  %s\n", annotate.Clip(p))
		}
	}
	if len(r.Problems) == 0 {
		fmt.Fprintln(w, "Annotations: every span lies inside its document's text and matches it, every label and document referred to exists, and the history agrees with the annotations.")
		return
	}
	fmt.Fprintf(w, "Annotations: %s:\n", plural(len(r.Problems), "problem"))
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  %s\n", strings.TrimSpace(p))
	}
}
