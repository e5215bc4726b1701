package storage

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
)

func metadataRecord() annotate.ImportRecord {
	text := "“We stay,” she said — 14\u00a0civilians 😀 fled.\r\n"
	return annotate.ImportRecord{Origin: "page.html", Document: annotate.Document{
		Title: "Talks stall", Source: "page.html", Text: text,
		Outlet: "The Courier", Authors: []string{"Ana Pavić", "Tom Hale"}, Published: "2024-03-05T14:30:00+01:00",
		URL: "https://courier.example/talks", Language: "en", Meta: map[string]any{"section": "World"},
		Original: &annotate.Original{MediaType: "text/html", Content: []byte("<html>\x93raw\x94 bytes</html>")},
	}}
}

func TestImportStoresMetadataFieldsAndTheOriginal(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	res, err := db.Import(ctx, records([]annotate.ImportRecord{metadataRecord()}), annotate.ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	id := res.DocIDs[0]
	doc, err := db.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	want := metadataRecord().Document
	if doc.Outlet != want.Outlet || !slices.Equal(doc.Authors, want.Authors) || doc.Published != want.Published ||
		doc.URL != want.URL || doc.Language != want.Language || doc.Meta["section"] != "World" {
		t.Errorf("document read back: %+v", doc)
	}
	if doc.Original != nil {
		t.Error("Document loads the original; it should stay in its table until asked for")
	}
	original, err := db.DocumentOriginal(ctx, id)
	if err != nil || original.MediaType != "text/html" || string(original.Content) != string(want.Original.Content) {
		t.Errorf("original = %q %q, %v", original.MediaType, original.Content, err)
	}
	list, err := db.Documents(ctx, annotate.DocumentFilter{})
	if err != nil || len(list) != 1 || list[0].Outlet != "The Courier" || list[0].Published != want.Published || !slices.Equal(list[0].Authors, want.Authors) {
		t.Errorf("summary = %+v, %v", list, err)
	}
	for got, err := range db.Export(ctx, annotate.ExportFilter{}) {
		if err != nil || got.Document.Outlet != "The Courier" || got.Document.URL != want.URL {
			t.Errorf("exported document %+v, %v", got.Document, err)
		}
	}
	if err := db.DeleteDocument(ctx, id); err != nil {
		t.Fatal(err)
	}
	if n := rowCount(t, db, "document_originals"); n != 0 {
		t.Errorf("%d originals left after deleting their document", n)
	}
}

func TestImportRefusesBadMetadataAndStoresNothing(t *testing.T) {
	db := openSeeded(t)
	good := textRecord("a.txt", "first article")
	bad := metadataRecord()
	bad.Document.Published = "03/05/2024"
	_, err := db.Import(context.Background(), records([]annotate.ImportRecord{good, bad}), annotate.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), "page.html") || !strings.Contains(err.Error(), "03/05/2024") {
		t.Fatalf("error = %v, want one naming the file and the date", err)
	}
	if n := rowCount(t, db, "documents"); n != 0 {
		t.Errorf("%d documents stored after a failed import", n)
	}
}

func TestSetDocumentMetadataReplacesTheFieldsOnly(t *testing.T) {
	ctx := context.Background()
	db := openSeeded(t)
	id := importOne(t, db, "Some “text” — here.")
	meta := annotate.Metadata{Title: "  New title ", Outlet: "Kurier", Authors: []string{"Lena Müller"}, Published: "2024-03-05",
		URL: "https://kurier.example/x", Language: "de", Extra: map[string]any{"desk": "Politik"}}
	if err := db.SetDocumentMetadata(ctx, id, meta); err != nil {
		t.Fatal(err)
	}
	doc, err := db.Document(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if doc.Title != "New title" || doc.Outlet != "Kurier" || doc.Authors[0] != "Lena Müller" || doc.Published != "2024-03-05" ||
		doc.Language != "de" || doc.Meta["desk"] != "Politik" || doc.Text != "Some “text” — here." {
		t.Errorf("after SetDocumentMetadata: %+v", doc)
	}
	meta.Title = " "
	wantCode(t, db.SetDocumentMetadata(ctx, id, meta), annotate.EINVALID)
	meta.Title, meta.URL = "ok", "not a url"
	wantCode(t, db.SetDocumentMetadata(ctx, id, meta), annotate.EINVALID)
	wantCode(t, db.SetDocumentMetadata(ctx, id+100, annotate.Metadata{Title: "x"}), annotate.ENOTFOUND)
	if _, err := db.DocumentOriginal(ctx, id); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("original of a plain-text document: %v, want not found", err)
	}
}

// A database made before migration 0003 opens with its documents intact and
// without metadata.
func TestMetadataMigrationKeepsOlderDocuments(t *testing.T) {
	path := oldDatabase(t, 1,
		`INSERT INTO documents (title, text, length, hash, imported_at) VALUES ('Old', 'old text', 8, 'h', '2026-01-01T00:00:00.000000Z')`)
	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	list, err := db.Documents(context.Background(), annotate.DocumentFilter{})
	if err != nil || len(list) != 1 || list[0].Title != "Old" || list[0].Outlet != "" || list[0].Authors != nil {
		t.Errorf("documents after migrating: %+v, %v", list, err)
	}
}
