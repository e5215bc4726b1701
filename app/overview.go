package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/atomicfile"
	"github.com/newsmark/newsmark/annotate/overview"
	"github.com/newsmark/newsmark/app/chart"
	"github.com/newsmark/newsmark/app/docview"
)

// overviewProgressDelay is how long the overview's numbers may take before a
// progress bar (with Cancel) appears: shorter loads would only flash it.
const overviewProgressDelay = 300 * time.Millisecond

// overviewSource is what the Overview window reads.
type overviewSource interface {
	OverviewFacts(ctx context.Context) (annotate.OverviewFacts, error)
	Labels(ctx context.Context) ([]annotate.Label, error)
}

// Choices of the filter selects that mean "no filter".
const (
	allLabels     = "All labels"
	allAnnotators = "All annotators"
	allStatuses   = "All documents"
)

// overviewWindow is the Overview: progress and label charts of the whole project,
// filterable, each exportable as PNG, SVG or PDF with its numbers as CSV.
type overviewWindow struct {
	win      fyne.Window
	settings fyne.Settings
	store    overviewSource
	do       func(func())

	facts  annotate.OverviewFacts
	labels []annotate.Label

	label, annotator, status *widget.Select
	from, to                 *widget.Entry
	stackBy                  *widget.RadioGroup
	tabs                     *container.AppTabs
	views                    map[string]*chartView
	figures                  map[string]chart.Figure
	figureList               *widget.List // the casualty figures beside their chart, with their text
	message                  *widget.Label
	loading                  *fyne.Container
	cancelLoad               context.CancelFunc
}

// showOverview opens the Overview in a window of its own, so it can stay open
// beside the workbench while the numbers change.
func showOverview(a fyne.App, store overviewSource) *overviewWindow {
	o := newOverviewWindow(a, store, fyne.Do)
	o.win.Show()
	o.reload()
	return o
}

func newOverviewWindow(a fyne.App, store overviewSource, do func(func())) *overviewWindow {
	o := &overviewWindow{
		win: a.NewWindow("Newsmark — Overview"), settings: a.Settings(), store: store, do: do,
		views: map[string]*chartView{}, figures: map[string]chart.Figure{},
	}
	o.win.SetContent(o.build())
	o.win.Resize(fyne.NewSize(1000, 720))
	o.win.SetOnClosed(func() {
		if o.cancelLoad != nil {
			o.cancelLoad()
		}
	})
	return o
}

func (o *overviewWindow) build() fyne.CanvasObject {
	o.label = widget.NewSelect([]string{allLabels}, func(string) { o.redraw() })
	o.annotator = widget.NewSelect([]string{allAnnotators}, func(string) { o.redraw() })
	statuses := []string{allStatuses}
	for _, s := range overview.Statuses {
		statuses = append(statuses, s.Display())
	}
	o.status = widget.NewSelect(statuses, func(string) { o.redraw() })
	o.label.SetSelected(allLabels)
	o.annotator.SetSelected(allAnnotators)
	o.status.SetSelected(allStatuses)
	o.from, o.to = widget.NewEntry(), widget.NewEntry()
	o.from.SetPlaceHolder("from YYYY-MM-DD")
	o.to.SetPlaceHolder("to YYYY-MM-DD")
	o.from.OnChanged = func(string) { o.redraw() }
	o.to.OnChanged = func(string) { o.redraw() }
	o.stackBy = widget.NewRadioGroup([]string{"by annotator", "by status"}, func(string) { o.redraw() })
	o.stackBy.Horizontal = true
	o.stackBy.SetSelected("by annotator")

	o.tabs = container.NewAppTabs()
	for _, name := range overviewCharts {
		o.views[name] = newChartView()
	}
	o.tabs.Append(container.NewTabItem("Progress", o.views["progress"].raster))
	o.tabs.Append(container.NewTabItem("Labels", container.NewBorder(
		container.NewHBox(widget.NewLabel("Stack bars"), o.stackBy), nil, nil, nil, o.views["labels"].raster)))
	o.tabs.Append(container.NewTabItem("Sources", o.views["sources"].raster))
	o.figureList = widget.NewList(
		func() int { return max(0, len(o.figures["casualties"].Table)-1) },
		func() fyne.CanvasObject {
			// The document's title and the span's words may be Arabic or
			// Hebrew: textCells lay those out right to left.
			figure, words := newTextCell(), newTextCell()
			figure.Label.TextStyle = fyne.TextStyle{Bold: true} // the Line stays regular: the bundled RTL fonts have no bold
			for _, c := range []*textCell{figure, words} {
				c.Label.Truncation = fyne.TextTruncateEllipsis
			}
			words.Label.Importance = widget.LowImportance
			words.Line.ColorName = theme.ColorNamePlaceHolder
			return container.NewVBox(figure, words)
		},
		func(i widget.ListItemID, item fyne.CanvasObject) {
			lines := item.(*fyne.Container).Objects
			head, words := casualtyRowText(o.figures["casualties"].Table, i+1)
			lines[0].(*textCell).SetText(head)
			lines[1].(*textCell).SetText(words)
		},
	)
	figures := container.NewHSplit(o.views["casualties"].raster, o.figureList)
	figures.Offset = 0.68
	o.tabs.Append(container.NewTabItem("Casualties", figures))

	o.message = widget.NewLabel("")
	o.message.Importance = widget.LowImportance
	cancel := widget.NewButton("Cancel", func() {
		if o.cancelLoad != nil {
			o.cancelLoad()
		}
	})
	o.loading = container.NewBorder(nil, nil, nil, cancel, widget.NewProgressBarInfinite())
	o.loading.Hide()

	// Selects size to their longest option only once it is set; fixed widths keep
	// "All annotators" readable from the start.
	field := func(width float32, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(width, o.MinSize().Height), o)
	}
	filters := container.NewHBox(field(170, o.label), field(190, o.annotator), field(190, o.status), field(160, o.from), field(160, o.to))
	exports := container.NewHBox(
		widget.NewButtonWithIcon("PNG…", theme.DownloadIcon(), func() { o.onSave("png") }),
		widget.NewButtonWithIcon("SVG…", theme.DownloadIcon(), func() { o.onSave("svg") }),
		widget.NewButtonWithIcon("PDF…", theme.DownloadIcon(), func() { o.onSave("pdf") }),
		widget.NewButtonWithIcon("Numbers (CSV)…", theme.DownloadIcon(), func() { o.onSave("csv") }),
	)
	bottom := container.NewVBox(o.loading, container.NewBorder(nil, nil, nil, exports, o.message))
	o.tabs.OnSelected = func(*container.TabItem) { o.updateMessage() }
	return container.NewBorder(filters, bottom, nil, nil, o.tabs)
}

// reload reads the numbers off the UI goroutine; past overviewProgressDelay a
// progress bar with Cancel shows.
func (o *overviewWindow) reload() {
	if o.cancelLoad != nil {
		o.cancelLoad()
	}
	ctx, cancel := context.WithCancel(context.Background())
	o.cancelLoad = cancel
	showBar := time.AfterFunc(overviewProgressDelay, func() { o.do(o.loading.Show) })
	go func() {
		facts, err := o.store.OverviewFacts(ctx)
		var labels []annotate.Label
		if err == nil {
			labels, err = o.store.Labels(ctx)
		}
		showBar.Stop()
		o.do(func() {
			o.loading.Hide()
			if ctx.Err() != nil {
				if errors.Is(err, context.Canceled) || err == nil {
					o.message.SetText("Cancelled: the charts show the numbers read before.")
				}
				return
			}
			if err != nil {
				o.message.SetText("Could not read the numbers: " + err.Error())
				return
			}
			o.facts, o.labels = facts, labels
			o.fillChoices()
			o.redraw()
		})
	}()
}

// fillChoices offers the labels and annotators the project has.
func (o *overviewWindow) fillChoices() {
	labels := []string{allLabels}
	for _, l := range o.labels {
		labels = append(labels, l.Name)
	}
	o.label.SetOptions(labels)
	annotators := []string{allAnnotators}
	for _, c := range o.facts.AnnotatorDocuments {
		if name := chart.DisplayAnnotator(c.Annotator); !slices.Contains(annotators, name) {
			annotators = append(annotators, name)
		}
	}
	o.annotator.SetOptions(annotators)
}

// filter reads the filter controls; a date that does not parse is reported and
// left out rather than emptying every chart.
func (o *overviewWindow) filter() (overview.Filter, string) {
	var f overview.Filter
	if o.label.Selected != allLabels && o.label.Selected != "" {
		f.Labels = []string{o.label.Selected}
	}
	if o.annotator.Selected != allAnnotators && o.annotator.Selected != "" {
		f.Annotator = o.annotator.Selected
		if f.Annotator == chart.DisplayAnnotator("") {
			f.Annotator = ""
		}
	}
	for _, s := range overview.Statuses {
		if o.status.Selected == s.Display() {
			f.Status = s
		}
	}
	problem := ""
	for _, bound := range []struct {
		entry *widget.Entry
		into  *time.Time
	}{{o.from, &f.From}, {o.to, &f.To}} {
		if bound.entry.Text == "" {
			continue
		}
		day, err := time.Parse(time.DateOnly, bound.entry.Text)
		if err != nil {
			problem = fmt.Sprintf("%q is not a date like 2026-11-29: left out.", bound.entry.Text)
			continue
		}
		*bound.into = day
	}
	return f, problem
}

// redraw recomputes every chart from the numbers in memory: filters need no query.
func (o *overviewWindow) redraw() {
	if o.views == nil || o.facts.Documents == nil {
		return
	}
	f, problem := o.filter()
	th := chart.Light(o.labels)
	if o.settings.ThemeVariant() == theme.VariantDark {
		th = chart.Dark(o.labels)
	}
	by := overview.ByAnnotator
	if o.stackBy.Selected == "by status" {
		by = overview.ByStatus
	}
	o.figures["progress"] = chart.Progress(overview.ComputeProgress(o.facts, f), th)
	o.figures["labels"] = chart.Labels(overview.ComputeLabelCounts(o.facts, o.labels, f, by), th)
	o.figures["sources"] = chart.Sources(overview.ComputeSourceCounts(o.facts, o.labels, f, chart.TopSources), th)
	o.figures["casualties"] = chart.Casualties(overview.ComputeCasualties(o.facts, f), th)
	o.figureList.Refresh()
	for name, view := range o.views {
		view.show(o.figures[name])
	}
	o.updateMessage()
	if problem != "" {
		o.message.SetText(problem)
	}
}

func (o *overviewWindow) currentFigure() chart.Figure {
	i := max(0, o.tabs.SelectedIndex())
	return o.figures[overviewCharts[min(i, len(overviewCharts)-1)]]
}

// overviewCharts are the figures of the Overview's tabs, in tab order.
var overviewCharts = []string{"progress", "labels", "sources", "casualties"}

// casualtyRowText is one figure of the casualties table as the list beside the
// chart shows it: date, kind, number and document, then the words of the span.
func casualtyRowText(table [][]string, row int) (figure, words string) {
	if row >= len(table) {
		return "", ""
	}
	r := table[row] // date, doc_id, title, kind, value, count, min, max, qualifier, group, annotator, text
	return fmt.Sprintf("%s · %s %s · %s", r[0], r[3], r[4], docview.Isolate(r[2])), "“" + r[11] + "”"
}

func (o *overviewWindow) updateMessage() {
	figure := o.currentFigure()
	if figure.Empty {
		o.message.SetText("No data yet for these filters.")
		return
	}
	o.message.SetText(fmt.Sprintf("%d series · export at 16 × 10 cm, PNG at 300 dpi", figure.Series))
}

// onSave asks where to write the current chart (or its numbers) and writes it whole.
func (o *overviewWindow) onSave(format string) {
	figure := o.currentFigure()
	if figure.Name == "" {
		return
	}
	pickSaveFile(o.win, "newsmark-"+figure.Name+"."+format, func(path string, err error) {
		if err != nil || path == "" {
			return
		}
		if err := o.save(figure, format, path); err != nil {
			dialog.ShowError(err, o.win)
			return
		}
		o.message.SetText("Saved " + filepath.Base(path))
	})
}

func (o *overviewWindow) save(figure chart.Figure, format, path string) error {
	if format == "csv" {
		return atomicfile.Write(path, figure.WriteCSV)
	}
	return atomicfile.Write(path, func(w io.Writer) error { return figure.WriteTo(w, format, chart.Publication) })
}
