package dataset

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func TestJSONLImportMapsKnownMetaKeysToFields(t *testing.T) {
	lines := `{"text": "a", "meta": {"title": "T", "outlet": "Courier", "author": "By Ana Pavić and Tom Hale", "date": "5 March 2024", "url": "https://c.example/a", "lang": "en", "desk": "World"}}
{"text": "b", "meta": {"source": "Reuters", "authors": ["Jane Doe", {"name": "John Roe"}], "published": "2024-03-05T10:00:00Z", "language": "de"}}
{"text": "c", "meta": {"source": "exports/in.jsonl:4", "publisher": {"@type": "Organization", "name": "Le Monde"}, "byline": "Par Marie Curie"}}
{"text": "d", "meta": {"date": "03/05/2024", "url": "/relative", "lang": "not a tag", "doc_id": "9"}}
`
	path := writeFile(t, filepath.Join(t.TempDir(), "in.jsonl"), lines)
	recs, errs := readAll(t, []string{path}, ReadOptions{})
	if len(errs) > 0 || len(recs) != 4 {
		t.Fatalf("records %d, errors %v", len(recs), errs)
	}
	a, b, c, d := recs[0].Document, recs[1].Document, recs[2].Document, recs[3].Document
	if a.Title != "T" || a.Outlet != "Courier" || !slices.Equal(a.Authors, []string{"Ana Pavić", "Tom Hale"}) ||
		a.Published != "2024-03-05" || a.URL != "https://c.example/a" || a.Language != "en" || len(a.Meta) != 1 || a.Meta["desk"] != "World" {
		t.Errorf("first record: %+v", a)
	}
	if b.Outlet != "Reuters" || b.Source != path+":2" || !slices.Equal(b.Authors, []string{"Jane Doe", "John Roe"}) ||
		b.Published != "2024-03-05T10:00:00Z" || b.Language != "de" || b.Meta != nil {
		t.Errorf("second record (source as outlet): %+v", b)
	}
	if c.Source != "exports/in.jsonl:4" || c.Outlet != "Le Monde" || !slices.Equal(c.Authors, []string{"Marie Curie"}) {
		t.Errorf("third record (source as origin): %+v", c)
	}
	// Values that do not fit a field stay in meta, unchanged.
	if d.Published != "" || d.URL != "" || d.Language != "" || d.Meta["date"] != "03/05/2024" || d.Meta["url"] != "/relative" ||
		d.Meta["lang"] != "not a tag" || d.Meta["doc_id"] != nil {
		t.Errorf("fourth record (unfitting values): %+v", d)
	}
}

func TestEveryExportCarriesTheMetadataBack(t *testing.T) {
	for _, format := range []Format{FormatSpacy, FormatDoccano, FormatLabelStudio, FormatBrat} {
		t.Run(string(format), func(t *testing.T) {
			docs := fixtureDocs(t)
			recs := exportAndReread(t, docs, format)
			got, want := recs[0].Document, docs[0].Document
			if got.Outlet != want.Outlet || !slices.Equal(got.Authors, want.Authors) || got.Published != want.Published ||
				got.Language != want.Language || got.Source != want.Source || got.Title != want.Title {
				t.Errorf("re-imported %+v\nwant the metadata of %+v", got, want)
			}
			if n, _ := got.Meta["n"].(json.Number); n.String() != "3" {
				t.Errorf("free key n = %v", got.Meta["n"])
			}
		})
	}
}

// exportAndReread exports docs in format and reads the result back.
func exportAndReread(t *testing.T, docs []annotate.AnnotatedDocument, format Format) []annotate.ImportRecord {
	t.Helper()
	out := filepath.Join(t.TempDir(), "out"+format.Ext())
	if _, err := Export(t.Context(), docsSeq(docs), out, nil, ExportOptions{Format: format}); err != nil {
		t.Fatal(err)
	}
	recs, errs := readAll(t, []string{out}, ReadOptions{Format: format})
	if len(errs) > 0 || len(recs) != len(docs) {
		t.Fatalf("re-read %d records, errors %v", len(recs), errs)
	}
	return recs
}
