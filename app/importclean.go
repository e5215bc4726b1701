package app

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate/dataset"
)

// cleanReportText lists every removed line under its file: stored text never
// changes without the user seeing how.
func cleanReportText(reports []dataset.CleanReport) string {
	var b strings.Builder
	lines := 0
	for _, r := range reports {
		if r.Unchanged {
			fmt.Fprintf(&b, "%s: every line looks like boilerplate; kept whole\n", r.Path)
			continue
		}
		fmt.Fprintf(&b, "%s: removed %s\n", r.Path, plural(len(r.Removed), "line"))
		for _, line := range r.Removed {
			fmt.Fprintf(&b, "    line %d (%s): %s\n", line.Line, line.Reason, line.Text)
			lines++
		}
	}
	if lines == 0 && b.Len() == 0 {
		return "No boilerplate lines were found."
	}
	return fmt.Sprintf("Removed %s from %s.\n\n", plural(lines, "line"), plural(len(reports), "file")) + b.String()
}

// showCleanReport shows what cleaning removed, in a scrolling, selectable text.
func showCleanReport(win fyne.Window, reports []dataset.CleanReport) {
	text := widget.NewMultiLineEntry()
	text.SetText(cleanReportText(reports))
	text.Wrapping = fyne.TextWrapOff
	scroll := container.NewScroll(text)
	scroll.SetMinSize(fyne.NewSize(560, 280))
	d := dialog.NewCustom("Boilerplate removed", "Close", scroll, win)
	d.Show()
}
