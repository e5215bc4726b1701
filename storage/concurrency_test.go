package storage

import (
	"context"
	"fmt"
	"path/filepath"
	"sync"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestConcurrentEditsAllLand(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	docID := importOne(t, db, "0123456789012345678901234567890123456789")
	var wg sync.WaitGroup
	errs := make(chan error, 40)
	for i := 0; i < 40; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := db.CreateSpan(ctx, annotate.Span{DocID: docID, Start: i, End: i + 1, Label: "CLAIM"})
			errs <- err
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Error(err)
		}
	}
	spans, _ := db.Spans(ctx, docID)
	changes, _ := db.History(ctx, docID)
	if len(spans) != 40 || len(changes) != 40 {
		t.Errorf("%d spans and %d history entries, want 40 each", len(spans), len(changes))
	}
}

// openTwice opens one seeded database file twice, as the window and a command run
// beside it do; both handles are closed when the test ends.
func openTwice(t *testing.T) (first, second *DB) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shared.db")
	first, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { first.Close() })
	if err := first.Seed(context.Background(), testLabels(), nil); err != nil {
		t.Fatal(err)
	}
	second, err = Open(path)
	if err != nil {
		t.Fatalf("second Open while the first is open: %v", err)
	}
	t.Cleanup(func() { second.Close() })
	return first, second
}

func TestTwoProgramsShareOneFile(t *testing.T) {
	ctx := context.Background()
	gui, cli := openTwice(t) // a command run while the window is open
	if cli.Created() {
		t.Error("the second handle thinks it created the database")
	}
	res, err := cli.Import(ctx, records([]annotate.ImportRecord{textRecord("a.txt", "Imported by the command line.")}), annotate.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	span, err := gui.CreateSpan(ctx, annotate.Span{DocID: res.DocIDs[0], Start: 0, End: 8, Label: "CLAIM"})
	if err != nil {
		t.Fatalf("the window cannot annotate what the command imported: %v", err)
	}
	if span.Text != "Imported" {
		t.Errorf("span text = %q", span.Text)
	}
}

func TestListsAreEmptyNotNil(t *testing.T) {
	ctx := context.Background()
	db := openTemp(t)
	labels, _ := db.Labels(ctx)
	docs, _ := db.Documents(ctx, annotate.DocumentFilter{})
	spans, _ := db.Spans(ctx, 1)
	changes, _ := db.History(ctx, 1)
	if labels == nil || docs == nil || spans == nil || changes == nil {
		t.Errorf("a list of nothing is nil: labels %v, docs %v, spans %v, history %v", labels == nil, docs == nil, spans == nil, changes == nil)
	}
}

// TestConcurrentAttributeEditsKeepEachOther: setting one attribute of a span, and
// clearing one, must not write back an older copy of the others. Two handles on one
// file (the window and a command) each set different attributes of the same spans
// at the same time; every value set must be there at the end.
func TestConcurrentAttributeEditsKeepEachOther(t *testing.T) {
	ctx := context.Background()
	first, second := openTwice(t)
	const attrsPerHandle = 4
	var names []string
	for i := range 2 * attrsPerHandle {
		name := fmt.Sprintf("note%d", i)
		names = append(names, name)
		if _, err := first.DeclareAttribute(ctx, "CLAIM", annotate.AttrDecl{Name: name, Type: annotate.AttrText}); err != nil {
			t.Fatal(err)
		}
	}
	docID := importOne(t, first, "Twelve spans are edited by two programs at once, attribute by attribute.")
	var spans []annotate.Span
	for i := range 12 {
		span, err := first.CreateSpan(ctx, annotate.Span{DocID: docID, Start: i, End: i + 1, Label: "CLAIM"})
		if err != nil {
			t.Fatal(err)
		}
		// A value each handle clears while the other sets its own.
		if _, err := first.SetSpanAttr(ctx, span.ID, names[0], annotate.TextValue("to clear"), ""); err != nil {
			t.Fatal(err)
		}
		spans = append(spans, span)
	}
	var wg sync.WaitGroup
	errs := make(chan error, 2*len(spans)*(attrsPerHandle+1))
	for h, db := range []*DB{first, second} {
		wg.Go(func() {
			for _, span := range spans {
				for _, name := range names[h*attrsPerHandle : (h+1)*attrsPerHandle] {
					if name == names[0] {
						_, err := db.ClearSpanAttr(ctx, span.ID, name, "")
						errs <- err
						continue
					}
					_, err := db.SetSpanAttr(ctx, span.ID, name, annotate.TextValue("set by "+name), "")
					errs <- err
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, span := range spans {
		got, err := first.Span(ctx, span.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, left := got.Attrs[names[0]]; left || len(got.Attrs) != len(names)-1 {
			t.Errorf("span %d ended with %v; want every attribute but %s set", span.ID, got.Attrs, names[0])
		}
	}
}
