// Package cli is Newsmark's command-line face: it parses the global flags, opens the
// database and runs a subcommand, or hands over to the GUI. It imports no Fyne code,
// so the commands run headless in pipelines and tests.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/suggest"
	"github.com/newsmark/newsmark/assets"
	"github.com/newsmark/newsmark/storage"
)

// Version is the version printed by `newsmark version` and Help ▸ About. It must
// match FyneApp.toml (a test checks); scripts/package.sh stamps it from there with
// -ldflags "-X github.com/newsmark/newsmark/app/cli.Version=...".
var Version = "0.1.0"

// Exit statuses.
const (
	exitOK      = 0
	exitFailure = 1
	exitUsage   = 2
)

// GUIOptions is what the command line hands to the GUI.
type GUIOptions struct {
	Files     []string // imported and opened
	OpenDocID int64    // the sample article on a first start, else 0
	Annotator string   // name written on new annotations; "" = the saved preference or the OS user
	// Patterns are the user's suggestion patterns (suggest-patterns.txt beside
	// the database), nil for none; PatternsErr says why that file is not used.
	Patterns    *suggest.Patterns
	PatternsErr error
}

// Host is what Run needs from the process around it; main.go fills it in and tests
// give their own.
type Host struct {
	Stdout io.Writer
	Stderr io.Writer
	Getenv func(string) string
	// DefaultDBPath is where the database lives without --db or NEWSMARK_DB.
	DefaultDBPath func() (string, error)
	// LaunchGUI starts the desktop app on an open store and blocks until it quits.
	// Nil in headless builds and tests: running without a subcommand is then an error.
	LaunchGUI func(store annotate.Store, opts GUIOptions) error
	// ShowStartupError shows, in a window, why the GUI could not start (its
	// database is locked, corrupt or from a newer version) and blocks until the
	// user closes it: someone who started the app from a desktop icon never sees
	// stderr. The error is printed to stderr as well. Nil: stderr only.
	ShowStartupError func(err error)
}

// env is what every subcommand gets.
type env struct {
	ctx    context.Context
	stdout io.Writer
	stderr io.Writer
	// store opens the database (creating and seeding it if new) on first call and
	// returns the same store afterwards; Run closes it.
	store func() (annotate.Store, error)
	// database is store for the commands that need storage's own methods
	// (backup); dbPath is the database's path, for those that must not open it
	// (check, restore) and for suggest, which reads suggest-patterns.txt beside it.
	database func() (*storage.DB, error)
	dbPath   string
}

type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

// usagef returns an error that makes Run print it with the usage and exit 2.
func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

const usageText = `Usage:
  newsmark [--db PATH] [--annotator NAME] [FILE...]
                                          open the workbench; FILEs are imported and opened
  newsmark [--db PATH] import [--format F] [--offsets U] [--annotator NAME] [--skip-invalid] PATH...
                              [--clean] [--split-articles]   (.txt .md .html .htm .docx .jsonl .json .conll .ann)
  newsmark [--db PATH] export --format F --out PATH [--offsets U] [--label L]... [--annotator A]
                              [--status done|all] [--tokens] [--split train=0.8,dev=0.1,test=0.1 --seed N]
                              [--replace-labels]
  newsmark [--db PATH] search [--label L]... [--annotator A] [--doc ID] [--status S] [--limit N] [--json] QUERY
  newsmark [--db PATH] stats [--json]
  newsmark [--db PATH] chart progress|labels|sources|casualties [--label L]... [--annotator A]
                             [--status S] [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                             [--by annotator|status] [--top N]
                             [--theme light|dark] [--width CM --height CM --dpi N]
                             --out FILE.png|.svg|.pdf [--csv FILE]
  newsmark [--db PATH] labels [--json]
  newsmark [--db PATH] labels add NAME [--color #RRGGBB] [--key K] [--description TEXT]
  newsmark [--db PATH] suggest [--doc ID] [--label L]... [--patterns FILE] --out PATH|- [--apply]
                                          propose QUOTE, CLAIM, DEMAND and CASUALTY spans with sources
                                          (spaCy JSONL; changes nothing in the database unless --apply,
                                          which stores them as pending suggestions for the workbench)
  newsmark eval --gold FILE.jsonl [--patterns FILE] [--json]
                                          score the suggestions against a gold file (imports nothing)
  newsmark [--db PATH] agreement [--annotators A,B] [--label L]... [--doc ID]... [--curator NAME] [--json]
  newsmark [--db PATH] curate --auto agreed [--min N] [--doc ID]... [--curator NAME]
  newsmark [--db PATH] annotators [--curator NAME] [--json]
  newsmark [--db PATH] labels attr add LABEL NAME --type text|number|choice|bool|source [--options a,b]
  newsmark [--db PATH] labels attr remove LABEL NAME
  newsmark [--db PATH] sources [--json]     the sources ledger: statements per source and label
  newsmark [--db PATH] sources add NAME [--kind person|organisation|group] [--alias A]...
  newsmark [--db PATH] sources merge NAME INTO_NAME
  newsmark [--db PATH] casualties [--json|--csv]
  newsmark [--db PATH] backup [--out PATH]   a checked backup (default: the backups folder beside the database)
  newsmark [--db PATH] restore PATH          replace the database with a backup (the current one is kept)
  newsmark [--db PATH] check                 integrity_check and Newsmark's own rules, in words
  newsmark version                        (or --version) version, commit, Go version

Global flags come before the subcommand. NEWSMARK_DB works like --db.
Without --db the database is %s
(created on first start with the default labels and a sample article).
A database named with --db or NEWSMARK_DB starts with the default labels only.
`

type command func(e *env, args []string) error

func commands() map[string]command {
	return map[string]command{
		"import": runImport,
		"export": runExport,
		"search": runSearch,
		"stats":  runStats,
		"chart":  runChart,
		"labels": runLabels,
		// suggestions (issue 12)
		"suggest": runSuggest,
		"eval":    runEval,

		// several annotators (issue 13)
		"agreement":  runAgreement,
		"curate":     runCurate,
		"annotators": runAnnotators,

		// attributes, sources and casualty figures (issue 11)
		"sources":    runSources,
		"casualties": runCasualties,
		// Backups and checks (issue 10).
		"backup":  runBackup,
		"restore": runRestore,
		"check":   runCheck,
	}
}

// Run runs Newsmark with the given arguments (without the program name) and returns
// the exit status.
func Run(args []string, host Host) int {
	if host.Getenv == nil {
		host.Getenv = os.Getenv
	}
	global := flag.NewFlagSet("newsmark", flag.ContinueOnError)
	global.SetOutput(io.Discard)
	dbFlag := global.String("db", "", "database file")
	annotatorFlag := global.String("annotator", "", "name written on annotations made in the workbench")
	showHelp := global.Bool("help", false, "show usage")
	showVersion := global.Bool("version", false, "show the version")
	global.BoolVar(showHelp, "h", false, "show usage")
	if err := global.Parse(args); err != nil {
		return usage(host, err.Error())
	}
	if *showHelp {
		fmt.Fprintf(host.Stdout, usageText, defaultPathForHelp(host))
		return exitOK
	}
	rest := global.Args()

	if *showVersion || len(rest) > 0 && rest[0] == "version" {
		writeVersion(host.Stdout)
		return exitOK
	}
	if len(rest) > 0 && rest[0] == "help" {
		fmt.Fprintf(host.Stdout, usageText, defaultPathForHelp(host))
		return exitOK
	}

	dbPath, seedSample, err := resolveDBPath(*dbFlag, host)
	if err != nil {
		fmt.Fprintf(host.Stderr, "newsmark: %v\n", err)
		return exitFailure
	}
	opener := &storeOpener{path: dbPath, seedSample: seedSample}
	defer opener.close(host.Stderr)

	ctx := context.Background()
	e := &env{ctx: ctx, stdout: host.Stdout, stderr: host.Stderr, store: opener.open, database: opener.openDB, dbPath: dbPath}

	if len(rest) > 0 {
		if cmd, ok := commands()[rest[0]]; ok {
			return report(host, cmd(e, rest[1:]))
		}
		if looksLikeCommand(rest[0]) {
			return usage(host, fmt.Sprintf("unknown command %q", rest[0]))
		}
	}
	return report(host, runGUI(e, opener, host, rest, *annotatorFlag))
}

// looksLikeCommand tells a mistyped subcommand from a file to open: a word that
// names no existing file and has no path separator or extension.
func looksLikeCommand(arg string) bool {
	if _, err := os.Stat(arg); err == nil {
		return false
	}
	return !strings.ContainsAny(arg, `/\.`)
}

func runGUI(e *env, opener *storeOpener, host Host, files []string, annotator string) error {
	if host.LaunchGUI == nil {
		return errors.New("this build has no GUI; use a subcommand (newsmark --help)")
	}
	fail := func(err error) error {
		if host.ShowStartupError != nil {
			host.ShowStartupError(err)
		}
		return err
	}
	release, err := lockForGUI(opener.path)
	if err != nil {
		return fail(err)
	}
	// The lock goes after the database is closed: see takeDatabaseLock.
	opener.afterClose = append(opener.afterClose, release)
	db, err := e.database()
	if err != nil {
		return fail(err)
	}
	stopBackup := startDailyBackup(e.ctx, db, e.stderr)
	defer stopBackup()
	var store annotate.Store = db
	patterns, patternsErr := loadPatterns(opener.path, "")
	return host.LaunchGUI(store, GUIOptions{Files: files, OpenDocID: opener.sampleID, Annotator: annotator,
		Patterns: patterns, PatternsErr: patternsErr})
}

func report(host Host, err error) int {
	if err == nil {
		return exitOK
	}
	var ue *usageError
	if errors.As(err, &ue) {
		return usage(host, ue.msg)
	}
	fmt.Fprintf(host.Stderr, "newsmark: %v\n", err)
	return exitFailure
}

func usage(host Host, problem string) int {
	fmt.Fprintf(host.Stderr, "newsmark: %s\n\n", problem)
	fmt.Fprintf(host.Stderr, usageText, defaultPathForHelp(host))
	return exitUsage
}

func defaultPathForHelp(host Host) string {
	if host.DefaultDBPath == nil {
		return "in the user's data folder"
	}
	path, err := host.DefaultDBPath()
	if err != nil {
		return "in the user's data folder"
	}
	return path
}

// resolveDBPath picks the database: --db, then NEWSMARK_DB, then the default in the
// user's data folder. Only the default one gets the sample article, so pipelines
// and exports on a named database never carry it.
func resolveDBPath(flagValue string, host Host) (path string, seedSample bool, err error) {
	if flagValue != "" {
		return flagValue, false, nil
	}
	if fromEnv := host.Getenv("NEWSMARK_DB"); fromEnv != "" {
		return fromEnv, false, nil
	}
	if host.DefaultDBPath == nil {
		return "", false, errors.New("no database given: use --db PATH or set NEWSMARK_DB")
	}
	path, err = host.DefaultDBPath()
	if err != nil {
		return "", false, fmt.Errorf("find the default database location: %w", err)
	}
	return path, true, nil
}

// DefaultDBPath is the database in the user's data folder:
// os.UserConfigDir()/newsmark/newsmark.db, shared by the GUI and the command line.
func DefaultDBPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", err
	}
	return filepath.Join(dir, "newsmark", "newsmark.db"), nil
}

// storeOpener opens the database on first use and seeds a new one.
type storeOpener struct {
	path       string
	seedSample bool
	db         *storage.DB
	sampleID   int64 // set when this start created the sample article
	// afterClose runs once the database is closed (or was never opened).
	afterClose []func()
}

func (o *storeOpener) open() (annotate.Store, error) {
	db, err := o.openDB()
	if err != nil {
		return nil, err
	}
	return db, nil
}

func (o *storeOpener) openDB() (*storage.DB, error) {
	if o.db != nil {
		return o.db, nil
	}
	db, err := storage.Open(o.path)
	if err != nil {
		return nil, err
	}
	needsSeed, err := o.needsSeed(db)
	if err != nil {
		db.Close()
		return nil, err
	}
	if needsSeed {
		if err := o.seed(db); err != nil {
			db.Close()
			return nil, err
		}
	}
	o.db = db
	return db, nil
}

// needsSeed is true for a database this start created, and for one left with
// neither labels nor documents, which is what a first start that died between
// creating the file and seeding it leaves behind.
func (o *storeOpener) needsSeed(db *storage.DB) (bool, error) {
	if db.Created() {
		return true, nil
	}
	ctx := context.Background()
	labels, err := db.Labels(ctx)
	if err != nil {
		return false, fmt.Errorf("read labels of %s: %w", o.path, err)
	}
	if len(labels) > 0 {
		return false, nil
	}
	docs, err := db.Documents(ctx, annotate.DocumentFilter{})
	if err != nil {
		return false, fmt.Errorf("read documents of %s: %w", o.path, err)
	}
	return len(docs) == 0, nil
}

func (o *storeOpener) seed(db *storage.DB) error {
	ctx := context.Background()
	labels, err := assets.DefaultLabels()
	if err != nil {
		return err
	}
	var sample *annotate.Document
	if o.seedSample {
		doc := assets.SampleDocument()
		sample = &doc
	}
	if err := db.Seed(ctx, labels, sample); err != nil {
		return fmt.Errorf("set up new database %s: %w", o.path, err)
	}
	if sample != nil {
		docs, err := db.Documents(ctx, annotate.DocumentFilter{})
		if err != nil {
			return fmt.Errorf("set up new database %s: %w", o.path, err)
		}
		for _, doc := range docs {
			if doc.Sample {
				o.sampleID = doc.ID
			}
		}
	}
	return nil
}

func (o *storeOpener) close(stderr io.Writer) {
	defer func() {
		for _, fn := range o.afterClose {
			fn()
		}
	}()
	if o.db == nil {
		return
	}
	if err := o.db.Close(); err != nil {
		fmt.Fprintf(stderr, "newsmark: close %s: %v\n", annotate.QuotePath(o.path), err)
	}
}
