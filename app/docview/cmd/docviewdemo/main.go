// Command docviewdemo opens the document view on a large article so its memory
// and feel can be checked on a real driver:
//
//	go run ./app/docview/cmd/docviewdemo -size 1048576 -report 5s
//
// With -report it prints the process RSS after that long and quits (run it
// under Xvfb on a headless machine). -file shows a file instead of generated text.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"image/color"
	"os"
	"runtime"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/driver/desktop"

	"github.com/newsmark/newsmark/app/docview"
	"github.com/newsmark/newsmark/app/docview/internal/sampletext"
)

func main() {
	file := flag.String("file", "", "text file to show (default: generated article)")
	size := flag.Int("size", 1<<20, "bytes of generated article")
	report := flag.Duration("report", 0, "print RSS after this long and quit (0: stay open)")
	flag.Parse()

	text := sampletext.Article(*size, 1)
	if *file != "" {
		data, err := os.ReadFile(*file)
		if err != nil {
			fmt.Fprintln(os.Stderr, "docviewdemo:", err)
			os.Exit(1)
		}
		text = string(data)
	}

	a := fyneapp.NewWithID("org.newsmark.docviewdemo")
	w := a.NewWindow("docview demo")
	v := docview.New()
	start := time.Now()
	v.SetText(text)
	// Nested spans at the start, to see the stacked bands.
	hs := []docview.Highlight{
		{ID: -1, Start: 0, End: 120, Color: color.NRGBA{R: 0x30, G: 0x90, B: 0xe0, A: 0xff}},
		{ID: -2, Start: 30, End: 90, Color: color.NRGBA{R: 0x40, G: 0xc0, B: 0x40, A: 0xff}},
		{ID: -3, Start: 50, End: 70, Color: color.NRGBA{R: 0xe0, G: 0xa0, B: 0x20, A: 0xff}},
	}
	runes := len([]rune(text))
	for i := 997; i < runes-50; i += 997 {
		hs = append(hs, docview.Highlight{ID: int64(i + 1), Start: i + 10, End: i + 40, Color: color.NRGBA{R: 0xd0, G: 0x40, B: 0x40, A: 0xff}})
	}
	v.SetHighlights(hs)
	v.OnSelectionChanged = func(s, e int) { w.SetTitle(fmt.Sprintf("docview demo [%d,%d)", s, e)) }
	v.OnHighlightSelected = func(id int64) { w.SetTitle(fmt.Sprintf("docview demo highlight %d", id)) }
	v.OnTypedRune = func(r rune) { w.SetTitle(fmt.Sprintf("docview demo rune %q", r)) }
	v.OnDelete = func() { w.SetTitle("docview demo delete") }
	// A window shortcut, to check it still fires while the view has focus.
	w.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { w.SetTitle("docview demo window shortcut") })
	w.SetContent(v)
	w.Resize(fyne.NewSize(900, 700))
	w.Canvas().Focus(v)
	fmt.Printf("text: %d bytes, %d code points, %d highlights; set up in %v\n",
		len(text), runes, len(hs), time.Since(start).Round(time.Millisecond))
	if *report > 0 {
		go func() {
			time.Sleep(*report)
			var m runtime.MemStats
			runtime.ReadMemStats(&m)
			fmt.Printf("RSS %s, Go heap in use %.1f MB\n", rss(), float64(m.HeapInuse)/(1<<20))
			fyne.Do(a.Quit)
		}()
	}
	w.ShowAndRun()
}

// rss reads the resident set size from /proc (Linux only).
func rss() string {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return "unknown (" + err.Error() + ")"
	}
	defer f.Close()
	s := bufio.NewScanner(f)
	for s.Scan() {
		if strings.HasPrefix(s.Text(), "VmRSS:") {
			return strings.TrimSpace(strings.TrimPrefix(s.Text(), "VmRSS:"))
		}
	}
	return "unknown"
}
