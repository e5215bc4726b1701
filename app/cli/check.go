package cli

import (
	"errors"
	"flag"
	"fmt"

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
	fmt.Fprint(e.stdout, report.Text())
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
