package app

import (
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestStartupErrorWindowShowsTheMessageAndCopiesIt(t *testing.T) {
	a := test.NewTempApp(t)
	cause := errors.New("open /data/newsmark.db: /data/newsmark.db is not a Newsmark database or is corrupt: file is not a database")
	win := NewStartupErrorWindow(a, cause)
	win.Show()

	var texts []string
	var copyButton, quit *widget.Button
	for _, o := range test.LaidOutObjects(win.Content()) {
		switch o := o.(type) {
		case *widget.Label:
			texts = append(texts, o.Text)
		case *widget.Button:
			switch o.Text {
			case "Copy message":
				copyButton = o
			case "Quit":
				quit = o
			}
		}
	}
	all := strings.Join(texts, "\n")
	for _, want := range []string{"could not open its database", cause.Error(), "newsmark --db PATH"} {
		if !strings.Contains(all, want) {
			t.Errorf("the window does not say %q; it says:\n%s", want, all)
		}
	}
	if copyButton == nil || quit == nil {
		t.Fatalf("buttons: copy %v, quit %v", copyButton, quit)
	}
	test.Tap(copyButton)
	if got := a.Clipboard().Content(); got != cause.Error() {
		t.Errorf("clipboard holds %q after Copy message", got)
	}

	closed := false
	win.SetOnClosed(func() { closed = true })
	win.Canvas().(interface{ OnTypedKey() func(*fyne.KeyEvent) }).OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Esc did not close the window")
	}
}
