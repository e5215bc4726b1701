package app

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"runtime"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/app/cli"
	"github.com/newsmark/newsmark/assets"
)

// aboutInfo is what Help ▸ About shows and what its Copy button puts on the
// clipboard for a bug report.
type aboutInfo struct {
	version, commit string
	dbPath          string // "" when the store does not say where it lives
	dbSize          string // the file and its write-ahead log, or why it is unknown
	goVersion       string // runtime.Version()
	fyneVersion     string // the fyne.io/fyne/v2 module the binary was built with
	platform        string // GOOS/GOARCH
}

// gatherAbout reads the build and the database file as they are now.
func gatherAbout(store any) aboutInfo {
	info := aboutInfo{
		version:     cli.Version,
		commit:      cli.BuildCommit(),
		goVersion:   runtime.Version(),
		fyneVersion: cli.FyneVersion(),
		platform:    runtime.GOOS + "/" + runtime.GOARCH,
		dbSize:      "unknown",
	}
	// storage.DB knows its file; annotate.Store does not promise one (fakes in
	// tests have none), so ask without widening the interface.
	if p, ok := store.(interface{ Path() string }); ok {
		info.dbPath = p.Path()
		info.dbSize = databaseSize(info.dbPath)
	}
	return info
}

// databaseSize is the size of the SQLite file plus its write-ahead log, which in
// WAL mode holds the latest edits until a checkpoint copies them into the file.
func databaseSize(path string) string {
	main, err := os.Stat(path)
	if err != nil {
		return fmt.Sprintf("unknown (%v)", err)
	}
	wal, err := os.Stat(path + "-wal")
	if errors.Is(err, fs.ErrNotExist) || err == nil && wal.Size() == 0 {
		return formatBytes(main.Size())
	}
	if err != nil {
		return fmt.Sprintf("%s (write-ahead log unknown: %v)", formatBytes(main.Size()), err)
	}
	return fmt.Sprintf("%s (%s file + %s write-ahead log)",
		formatBytes(main.Size()+wal.Size()), formatBytes(main.Size()), formatBytes(wal.Size()))
}

// formatBytes writes a size the way file managers do (powers of 1024, one decimal).
func formatBytes(n int64) string {
	if n < 1024 {
		return fmt.Sprintf("%d bytes", n)
	}
	value, unit := float64(n)/1024, "KB"
	for _, next := range []string{"MB", "GB", "TB"} {
		if value < 1024 {
			break
		}
		value, unit = value/1024, next
	}
	return fmt.Sprintf("%.1f %s", value, unit)
}

// rows are the label–value pairs shown in the dialog, in the order of the report.
func (a aboutInfo) rows() [][2]string {
	dbPath := a.dbPath
	if dbPath == "" {
		dbPath = "unknown"
	}
	return [][2]string{
		{"Version", a.version},
		{"Commit", a.commit},
		{"Database", dbPath},
		{"Database size", a.dbSize},
		{"Go", a.goVersion},
		{"Fyne", a.fyneVersion},
		{"System", a.platform},
	}
}

// report is the plain text the Copy button puts on the clipboard: one "name: value"
// line each, ready to paste into a bug report.
func (a aboutInfo) report() string {
	var b strings.Builder
	b.WriteString("Newsmark\n")
	for _, row := range a.rows() {
		fmt.Fprintf(&b, "%s: %s\n", row[0], row[1])
	}
	return b.String()
}

// showAbout shows Help ▸ About: the version and commit, where the database is and
// how big, and the Go and Fyne versions, with a button copying them for a bug report.
func showAbout(app fyne.App, win fyne.Window, store any, show func(dialog.Dialog)) {
	info := gatherAbout(store)

	icon := canvas.NewImageFromResource(fyne.NewStaticResource("newsmark.png", assets.IconPNG()))
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(56))
	title := widget.NewRichText(&widget.TextSegment{Text: "Newsmark", Style: widget.RichTextStyleHeading})
	tagline := widget.NewLabel("Annotate news articles and export training data")
	tagline.Importance = widget.LowImportance
	heading := container.NewBorder(nil, nil, container.NewCenter(icon), nil,
		container.NewVBox(layout.NewSpacer(), title, tagline, layout.NewSpacer()))

	grid := container.New(layout.NewFormLayout())
	for _, row := range info.rows() {
		value := widget.NewLabel(row[1])
		value.Selectable = true
		// A database deep in a home folder is long: wrap it rather than widen
		// the dialog past the window.
		value.Wrapping = fyne.TextWrapWord
		grid.Add(widget.NewLabelWithStyle(row[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true}))
		grid.Add(value)
	}
	// In a small window the rows scroll, keeping the buttons on screen.
	rows := container.NewVScroll(grid)
	rows.SetMinSize(fyne.NewSize(grid.MinSize().Width, min(grid.MinSize().Height, win.Canvas().Size().Height*0.4)))

	d := dialog.NewCustomWithoutButtons("About Newsmark", container.NewVBox(heading, widget.NewSeparator(), rows), win)
	var copyButton *widget.Button
	copyButton = widget.NewButtonWithIcon("Copy for a bug report", theme.ContentCopyIcon(), func() {
		app.Clipboard().SetContent(info.report())
		copyButton.SetText("Copied")
		copyButton.SetIcon(theme.ConfirmIcon())
	})
	closeButton := widget.NewButton("Close", d.Hide)
	closeButton.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{copyButton, closeButton})
	d.Resize(fyne.NewSize(min(620, win.Canvas().Size().Width*0.9), d.MinSize().Height))
	show(d)
}
