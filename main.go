// Command newsmark is a desktop workbench for annotating news articles and turning
// them into training data. main only wires: the command line decides what to run,
// and the GUI is built on Fyne's GL driver here and nowhere else.
package main

import (
	"os"

	fyneapp "fyne.io/fyne/v2/app"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/app"
	"github.com/newsmark/newsmark/app/cli"
)

// appID names the app to the OS and keys Fyne's preferences; it matches FyneApp.toml.
const appID = "io.newsmark.workbench"

func main() {
	os.Exit(cli.Run(os.Args[1:], cli.Host{
		Stdout:        os.Stdout,
		Stderr:        os.Stderr,
		Getenv:        os.Getenv,
		DefaultDBPath: cli.DefaultDBPath,
		LaunchGUI:     launchGUI,
		ShowStartupError: func(err error) {
			app.ShowStartupError(fyneapp.NewWithID(appID), err)
		},
	}))
}

func launchGUI(store annotate.Store, opts cli.GUIOptions) error {
	fyneApp := fyneapp.NewWithID(appID)
	workbench := app.NewWorkbench(fyneApp, store, app.Options{
		ImportPaths: opts.Files,
		OpenDocID:   opts.OpenDocID,
		Annotator:   opts.Annotator,
		Patterns:    opts.Patterns,
		PatternsErr: opts.PatternsErr,
	})
	workbench.ShowAndRun()
	return nil
}
