package storage

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/assets"
)

// openDefaults opens a database seeded with the shipped label set.
func openDefaults(t *testing.T) *DB {
	t.Helper()
	db := openTemp(t)
	labels, err := assets.DefaultLabels()
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Seed(context.Background(), labels, nil); err != nil {
		t.Fatalf("Seed: %v", err)
	}
	return db
}

// statementText has a quote, its speaker and a casualty figure, among curly
// quotes, an em dash, NBSP and an emoji outside the BMP.
const statementText = "“We will not leave” — said Ilse\u00a0Marrow 🙂, the deputy mayor. At least 14 civilians were killed.\r\n"

func spanOf(t *testing.T, db *DB, docID int64, label, text string) annotate.Span {
	t.Helper()
	runes := []rune(statementText)
	want := []rune(text)
	for i := 0; i+len(want) <= len(runes); i++ {
		if string(runes[i:i+len(want)]) == text {
			span, err := db.CreateSpan(context.Background(), annotate.Span{DocID: docID, Start: i, End: i + len(want), Label: label, Annotator: "ann"})
			if err != nil {
				t.Fatalf("CreateSpan %s %q: %v", label, text, err)
			}
			return span
		}
	}
	t.Fatalf("%q not in the text", text)
	return annotate.Span{}
}

func TestSeededLabelsCarryTheirAttributes(t *testing.T) {
	db := openDefaults(t)
	labels, err := db.Labels(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	want, _ := assets.DefaultLabels()
	for i := range want {
		if labels[i].Name != want[i].Name || !reflect.DeepEqual(labels[i].Attrs, want[i].Attrs) {
			t.Errorf("label %s attrs = %+v, want %+v", labels[i].Name, labels[i].Attrs, want[i].Attrs)
		}
	}
}

func TestMigrationGivesAnOldDatabaseTheDefaultAttributes(t *testing.T) {
	path := oldDatabase(t, 1,
		`INSERT INTO labels (name, color, hotkey, sort_order) VALUES ('CLAIM', '#0072B2', '1', 0), ('QUOTE', '#E69F00', '2', 1),
			('CASUALTY', '#CC79A7', '4', 2), ('OTHER', '#999933', '5', 3)`,
		`INSERT INTO documents (title, text, length, hash, imported_at) VALUES ('t', 'hello world', 11, 'h', '2026-01-01T00:00:00.000000Z')`,
		`INSERT INTO spans (document_id, start_offset, end_offset, label_id, text, created_at, updated_at)
			VALUES (1, 0, 5, 2, 'hello', '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z')`,
		`INSERT INTO span_history (span_id, document_id, action, before, after, annotator, at)
			VALUES (1, 1, 'create', NULL, '{"id":1,"doc_id":1,"start":0,"end":5,"label":"QUOTE","text":"hello","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-01T00:00:00Z"}', 'old', '2026-01-01T00:00:00.000000Z')`,
	)

	db, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	labels, err := db.Labels(ctx)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]annotate.Label{}
	for _, l := range labels {
		got[l.Name] = l
	}
	if d, ok := got["QUOTE"].FindDecl("source"); !ok || d.Type != annotate.AttrSource {
		t.Errorf("QUOTE after migration: %+v", got["QUOTE"].Attrs)
	}
	defaults, _ := assets.DefaultLabels()
	for _, l := range defaults {
		if l.Name == "CASUALTY" && !reflect.DeepEqual(got["CASUALTY"].Attrs, l.Attrs) {
			t.Errorf("migrated CASUALTY attrs = %+v\nwant the shipped %+v", got["CASUALTY"].Attrs, l.Attrs)
		}
	}
	if len(got["OTHER"].Attrs) != 0 {
		t.Errorf("a label of the user's got attributes: %+v", got["OTHER"].Attrs)
	}
	if source, ok := got["SOURCE"]; !ok || source.Hotkey != "" || source.Order != 4 {
		t.Errorf("SOURCE = %+v, %v; want it added last without a hotkey (5 is taken)", source, ok)
	}
	changes, err := db.History(ctx, 1)
	if err != nil || len(changes) != 1 || changes[0].Annotator != "old" || changes[0].After.Text != "hello" {
		t.Fatalf("history after migration = %+v, %v", changes, err)
	}
	// The rebuilt history takes the new actions and keeps counting ids.
	span, err := db.SetSpanAttr(ctx, 1, "source", annotate.SourceValue("Old Speaker"), "new")
	if err != nil {
		t.Fatal(err)
	}
	changes, _ = db.History(ctx, 1)
	if len(changes) != 2 || changes[1].Action != annotate.ActionAttr || changes[1].ID != 2 || changes[1].After.Attrs["source"].Text != "Old Speaker" {
		t.Errorf("history = %+v, span = %+v", changes, span)
	}
}

func TestSpanAttributesAreCheckedAndUndoable(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	docID := importOne(t, db, statementText)
	casualty := spanOf(t, db, docID, "CASUALTY", "At least 14 civilians were killed")

	t.Run("values of the wrong type or unknown choices are refused and nothing changes", func(t *testing.T) {
		_, err := db.SetSpanAttr(ctx, casualty.ID, "count", annotate.TextValue("fourteen"), "ann")
		wantCode(t, err, annotate.EINVALID)
		_, err = db.SetSpanAttr(ctx, casualty.ID, "kind", annotate.TextValue("maimed"), "ann")
		if err == nil || !strings.Contains(err.Error(), `"maimed" is not one of its choices`) {
			t.Errorf("unknown choice: %v", err)
		}
		_, err = db.SetSpanAttr(ctx, casualty.ID, "colour", annotate.TextValue("red"), "ann")
		wantCode(t, err, annotate.EINVALID)
		if n := rowCount(t, db, "span_attributes"); n != 0 {
			t.Errorf("%d attribute rows after refusals, want 0", n)
		}
	})

	parsed := annotate.MarkParsed(annotate.Attrs{"count": annotate.NumberValue(14), "qualifier": annotate.TextValue("at least"),
		"kind": annotate.TextValue("killed"), "group": annotate.TextValue("civilians")})
	span, err := db.SetSpanAttrs(ctx, casualty.ID, parsed, "parser")
	if err != nil {
		t.Fatal(err)
	}
	if span.Attrs.Confirmed() || span.Attrs["count"].Number != 14 || span.Attrs["kind"].Type != annotate.AttrChoice {
		t.Errorf("parsed attrs = %+v", span.Attrs)
	}
	corrected, err := db.SetSpanAttr(ctx, casualty.ID, "kind", annotate.TextValue("Dead"), "ann")
	if err != nil {
		t.Fatal(err)
	}
	if corrected.Attrs["kind"].Text != "dead" || corrected.Attrs["kind"].Parsed || !corrected.Attrs["count"].Parsed {
		t.Errorf("after correcting kind: %+v", corrected.Attrs)
	}
	if again, err := db.SetSpanAttr(ctx, casualty.ID, "kind", annotate.TextValue("dead"), "ann"); err != nil || !reflect.DeepEqual(again.Attrs, corrected.Attrs) {
		t.Errorf("setting the same value: %+v, %v", again.Attrs, err)
	}

	changes, err := db.History(ctx, docID)
	if err != nil {
		t.Fatal(err)
	}
	last := changes[len(changes)-1]
	if last.Action != annotate.ActionAttr || len(changes) != 3 || last.Before.Attrs["kind"].Text != "killed" || last.After.Attrs["kind"].Text != "dead" {
		t.Fatalf("history = %+v; want create, attr, attr (a repeat records nothing)", changes)
	}
	// Undo is setting the values before.
	undone, err := db.SetSpanAttrs(ctx, casualty.ID, last.Before.Attrs, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(undone.Attrs, span.Attrs) {
		t.Errorf("undone attrs = %+v, want %+v", undone.Attrs, span.Attrs)
	}
	cleared, err := db.ClearSpanAttr(ctx, casualty.ID, "group", "ann")
	if err != nil || len(cleared.Attrs) != 3 {
		t.Errorf("after clearing group: %+v, %v", cleared.Attrs, err)
	}
}

func TestLinksDeleteAndRestoreWithTheirSpans(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	docID := importOne(t, db, statementText)
	quote := spanOf(t, db, docID, "QUOTE", "“We will not leave”")
	mention := spanOf(t, db, docID, "SOURCE", "Ilse\u00a0Marrow")
	if _, err := db.SetSpanAttr(ctx, quote.ID, "source", annotate.SourceValue("Ilse Marrow"), "ann"); err != nil {
		t.Fatal(err)
	}
	link, err := db.LinkSpans(ctx, annotate.Link{Head: quote.ID, Child: mention.ID, Label: annotate.RelationSource}, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if link.DocID != docID || link.ID == 0 {
		t.Errorf("link = %+v", link)
	}
	_, err = db.LinkSpans(ctx, annotate.Link{Head: quote.ID, Child: mention.ID, Label: annotate.RelationSource}, "ann")
	wantCode(t, err, annotate.ECONFLICT)
	_, err = db.LinkSpans(ctx, annotate.Link{Head: quote.ID, Child: 9999, Label: annotate.RelationSource}, "ann")
	wantCode(t, err, annotate.ENOTFOUND)
	other := importOne(t, db, "Another text entirely.")
	far, err := db.CreateSpan(ctx, annotate.Span{DocID: other, Start: 0, End: 7, Label: "SOURCE"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = db.LinkSpans(ctx, annotate.Link{Head: quote.ID, Child: far.ID, Label: annotate.RelationSource}, "ann")
	wantCode(t, err, annotate.EINVALID)

	withLinks, err := db.Span(ctx, quote.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(withLinks.Links) != 1 || withLinks.Links[0] != link || withLinks.Attrs["source"].Text != "Ilse Marrow" {
		t.Fatalf("quote = %+v", withLinks)
	}
	// Deleting the quote takes its attribute and link along; restoring brings both back.
	if err := db.DeleteSpan(ctx, quote.ID, "ann"); err != nil {
		t.Fatal(err)
	}
	if rowCount(t, db, "span_links") != 0 || rowCount(t, db, "span_attributes") != 0 {
		t.Fatal("links or attributes outlived their span")
	}
	restored, err := db.RestoreSpan(ctx, withLinks, "ann")
	if err != nil {
		t.Fatal(err)
	}
	if len(restored.Links) != 1 || restored.Links[0] != link || restored.Attrs["source"].Text != "Ilse Marrow" {
		t.Errorf("restored = %+v, want its link %+v and source back", restored, link)
	}
	// The delete's history row is enough to restore (what undo after a restart has).
	changes, _ := db.History(ctx, docID)
	var deleted *annotate.Span
	for _, c := range changes {
		if c.Action == annotate.ActionDelete {
			deleted = c.Before
		}
	}
	if deleted == nil || len(deleted.Links) != 1 || deleted.Attrs["source"].Text != "Ilse Marrow" {
		t.Fatalf("delete history = %+v", deleted)
	}

	if err := db.UnlinkSpans(ctx, link.ID, "ann"); err != nil {
		t.Fatal(err)
	}
	changes, _ = db.History(ctx, docID)
	last := changes[len(changes)-1]
	if last.Action != annotate.ActionUnlink || len(last.Before.Links) != 1 || len(last.After.Links) != 0 || last.SpanID != quote.ID {
		t.Errorf("unlink history = %+v", last)
	}
	// Redo of the link keeps its id.
	relinked, err := db.LinkSpans(ctx, link, "ann")
	if err != nil || relinked.ID != link.ID {
		t.Errorf("relink = %+v, %v; want id %d", relinked, err, link.ID)
	}
	if err := db.UnlinkSpans(ctx, 12345, "ann"); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("unlinking a missing link: %v", err)
	}
}

func TestSourcesMergeAndLedger(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	docID := importOne(t, db, statementText)
	quote := spanOf(t, db, docID, "QUOTE", "“We will not leave”")
	claim := spanOf(t, db, docID, "CLAIM", "At least 14 civilians were killed")

	if _, err := db.CreateSource(ctx, annotate.Source{Name: "Ilse Marrow", Kind: annotate.SourcePerson, Aliases: []string{"Marrow"}}); err != nil {
		t.Fatal(err)
	}
	_, err := db.CreateSource(ctx, annotate.Source{Name: "marrow"})
	wantCode(t, err, annotate.ECONFLICT)
	_, err = db.CreateSource(ctx, annotate.Source{Name: "  "})
	wantCode(t, err, annotate.EINVALID)

	// An alias in another case finds the source; a new name creates one.
	span, err := db.SetSpanAttr(ctx, quote.ID, "source", annotate.SourceValue("MARROW"), "ann")
	if err != nil {
		t.Fatal(err)
	}
	if span.Attrs["source"].Text != "Ilse Marrow" {
		t.Errorf("source by alias reads back as %q, want the source's name", span.Attrs["source"].Text)
	}
	if _, err := db.SetSpanAttr(ctx, claim.ID, "source", annotate.SourceValue("the deputy mayor"), "ann"); err != nil {
		t.Fatal(err)
	}
	_, err = db.SetSpanAttr(ctx, claim.ID, "source", annotate.SourceValue("\u00a0"), "ann")
	wantCode(t, err, annotate.EINVALID)

	ledger, err := db.SourceLedger(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(ledger) != 2 {
		t.Fatalf("ledger = %+v, want two sources", ledger)
	}
	merged, err := db.MergeSources(ctx, "The Deputy Mayor", "ilse marrow")
	if err != nil {
		t.Fatal(err)
	}
	if merged.Name != "Ilse Marrow" || strings.Join(merged.Aliases, "|") != "Marrow|the deputy mayor" || merged.Kind != annotate.SourcePerson {
		t.Errorf("merged = %+v", merged)
	}
	ledger, err = db.SourceLedger(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{"QUOTE": 1, "CLAIM": 1, "DEMAND": 0}
	if len(ledger) != 1 || !reflect.DeepEqual(ledger[0].Counts, want) || ledger[0].Total != 2 {
		t.Errorf("ledger after merge = %+v, want one source with %v", ledger, want)
	}
	statements, err := db.SourceStatements(ctx, merged.ID)
	if err != nil || len(statements) != 2 || statements[0].ID != quote.ID || statements[0].DocTitle != "doc.txt" {
		t.Errorf("statements = %+v, %v", statements, err)
	}
	claimNow, _ := db.Span(ctx, claim.ID)
	if claimNow.Attrs["source"].Text != "Ilse Marrow" {
		t.Errorf("the claim's source after the merge reads %q", claimNow.Attrs["source"].Text)
	}
	// A relabel moves the statement to the other column, attribute kept.
	if _, err := db.RelabelSpan(ctx, quote.ID, "DEMAND", "ann"); err != nil {
		t.Fatal(err)
	}
	ledger, _ = db.SourceLedger(ctx)
	if want := map[string]int{"QUOTE": 0, "CLAIM": 1, "DEMAND": 1}; !reflect.DeepEqual(ledger[0].Counts, want) {
		t.Errorf("ledger after relabel = %v, want %v", ledger[0].Counts, want)
	}
	_, err = db.MergeSources(ctx, "Marrow", "Ilse Marrow")
	wantCode(t, err, annotate.EINVALID)
	_, err = db.MergeSources(ctx, "Nobody", "Ilse Marrow")
	wantCode(t, err, annotate.ENOTFOUND)
}

func TestDeclareAttributeRefusesBreakingStoredValues(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	docID := importOne(t, db, statementText)
	casualty := spanOf(t, db, docID, "CASUALTY", "At least 14 civilians were killed")
	if _, err := db.SetSpanAttr(ctx, casualty.ID, "group", annotate.TextValue("civilians"), "ann"); err != nil {
		t.Fatal(err)
	}
	_, err := db.DeclareAttribute(ctx, "CASUALTY", annotate.AttrDecl{Name: "group", Type: annotate.AttrChoice, Options: []string{"soldiers"}})
	if err == nil || !strings.Contains(err.Error(), `holds "civilians"`) {
		t.Errorf("narrowing group to a choice without civilians: %v", err)
	}
	label, err := db.DeclareAttribute(ctx, "CASUALTY", annotate.AttrDecl{Name: "group", Type: annotate.AttrChoice, Options: []string{"soldiers", "civilians"}})
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := label.FindDecl("group"); d.Type != annotate.AttrChoice {
		t.Errorf("group = %+v", d)
	}
	label, err = db.DeclareAttribute(ctx, "QUOTE", annotate.AttrDecl{Name: "hedged", Type: annotate.AttrBool})
	if err != nil || label.Attrs[len(label.Attrs)-1].Name != "hedged" {
		t.Fatalf("declare hedged: %+v, %v", label, err)
	}
	_, err = db.DeclareAttribute(ctx, "QUOTE", annotate.AttrDecl{Name: "bad name", Type: annotate.AttrBool})
	wantCode(t, err, annotate.EINVALID)
	removed, err := db.RemoveAttribute(ctx, "CASUALTY", "group")
	if err != nil || removed != 1 {
		t.Errorf("remove group: %d, %v", removed, err)
	}
	span, _ := db.Span(ctx, casualty.ID)
	if len(span.Attrs) != 0 {
		t.Errorf("values outlived their declaration: %+v", span.Attrs)
	}
}

func TestCasualtiesTable(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	docID := importOne(t, db, statementText)
	runes := []rune(statementText)
	casualty := spanOf(t, db, docID, "CASUALTY", "At least 14 civilians were killed")
	if _, err := db.SetSpanAttrs(ctx, casualty.ID, annotate.Attrs{"count": annotate.NumberValue(14), "qualifier": annotate.TextValue("at least"),
		"kind": annotate.TextValue("killed"), "group": annotate.TextValue("civilians")}, "ann"); err != nil {
		t.Fatal(err)
	}
	spanOf(t, db, docID, "CASUALTY", "civilians were killed")
	rows, err := db.Casualties(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 2 {
		t.Fatalf("rows = %+v", rows)
	}
	first := rows[0]
	if first.Count == nil || *first.Count != 14 || first.Qualifier != "at least" || !first.Confirmed || first.Title != "doc.txt" ||
		string(runes[first.Start:first.End]) != first.Text {
		t.Errorf("first row = %+v", first)
	}
	if rows[1].Count != nil || rows[1].Kind != "" {
		t.Errorf("row without attributes = %+v", rows[1])
	}
}

func TestImportStoresAttributesAndLinksOrNothing(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	runes := []rune(statementText)
	find := func(s string) (int, int) {
		for i := 0; i+len([]rune(s)) <= len(runes); i++ {
			if string(runes[i:i+len([]rune(s))]) == s {
				return i, i + len([]rune(s))
			}
		}
		t.Fatalf("%q not found", s)
		return 0, 0
	}
	qs, qe := find("“We will not leave”")
	ms, me := find("Ilse\u00a0Marrow")
	cs, ce := find("At least 14 civilians were killed")
	good := annotate.ImportRecord{Origin: "good.jsonl:1", Document: annotate.Document{Text: statementText},
		Spans: []annotate.Span{
			{Start: qs, End: qe, Label: "QUOTE", Attrs: annotate.Attrs{"source": annotate.TextValue("Ilse Marrow"), "hedged": annotate.BoolValue(false)}},
			{Start: ms, End: me, Label: "SOURCE"},
			{Start: cs, End: ce, Label: "CASUALTY"},
		},
		Links: []annotate.ImportLink{{Head: 0, Child: 1, Label: "SOURCE_OF"}},
	}
	bad := annotate.ImportRecord{Origin: "bad.jsonl:2", Document: annotate.Document{Text: "Three soldiers died."},
		Spans:     []annotate.Span{{Start: 0, End: 14, Label: "CASUALTY", Attrs: annotate.Attrs{"count": annotate.TextValue("three")}}},
		SpanWhere: []string{"spans[0]"}}

	_, err := db.Import(ctx, records([]annotate.ImportRecord{good, bad}), annotate.ImportOptions{})
	if err == nil || !strings.Contains(err.Error(), `bad.jsonl:2: spans[0]: attribute count of CASUALTY wants a number, got "three"`) {
		t.Fatalf("import error = %v", err)
	}
	for _, table := range []string{"documents", "spans", "span_attributes", "span_links", "sources"} {
		if n := rowCount(t, db, table); n != 0 {
			t.Errorf("%d rows in %s after a refused import", n, table)
		}
	}

	parse := func(text string) annotate.Attrs {
		return annotate.Attrs{"count": annotate.NumberValue(14), "kind": annotate.TextValue("killed"), "bogus": annotate.TextValue("x")}
	}
	res, err := db.Import(ctx, records([]annotate.ImportRecord{good}), annotate.ImportOptions{ParseCasualty: parse})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(res.AttrsDeclared, ",") != "QUOTE.hedged" || strings.Join(res.SourcesAdded, ",") != "Ilse Marrow" {
		t.Errorf("result = %+v", res)
	}
	spans, err := db.Spans(ctx, res.DocIDs[0])
	if err != nil {
		t.Fatal(err)
	}
	quote, mention, casualty := spans[0], spans[1], spans[2]
	if quote.Attrs["source"].Text != "Ilse Marrow" || quote.Attrs["hedged"].Type != annotate.AttrBool || len(quote.Links) != 1 ||
		quote.Links[0].Child != mention.ID || mention.Links[0] != quote.Links[0] {
		t.Errorf("quote = %+v\nmention = %+v", quote, mention)
	}
	if casualty.Attrs.Confirmed() || casualty.Attrs["count"].Number != 14 || len(casualty.Attrs) != 2 {
		t.Errorf("casualty attrs = %+v, want the parse marked parsed, bogus left out", casualty.Attrs)
	}
	// Importing the same file again adds nothing, links included.
	res, err = db.Import(ctx, records([]annotate.ImportRecord{good}), annotate.ImportOptions{})
	if err != nil || res.Spans != 0 || rowCount(t, db, "span_links") != 1 {
		t.Errorf("re-import = %+v, %v; %d links", res, err, rowCount(t, db, "span_links"))
	}

	// With --skip-invalid the bad record is listed and the good one kept.
	other := good
	other.Document.Text = statementText + "More."
	other.Spans = append([]annotate.Span(nil), good.Spans...)
	other.Spans[0].Attrs = annotate.Attrs{"source": annotate.TextValue("A New Speaker")}
	broken := other
	broken.Origin = "bad.jsonl:3"
	broken.Document.Text = statementText + "Broken."
	broken.Spans = append([]annotate.Span(nil), good.Spans...)
	broken.Spans[0].Attrs = annotate.Attrs{"source": annotate.TextValue("Rolled Back Speaker"), "hedged": annotate.TextValue("perhaps")}
	res, err = db.Import(ctx, records([]annotate.ImportRecord{broken, other}), annotate.ImportOptions{SkipInvalid: true})
	if err != nil || len(res.Invalid) != 1 || res.Documents != 1 {
		t.Fatalf("skip-invalid import = %+v, %v", res, err)
	}
	if _, err := db.FindSource(ctx, "Rolled Back Speaker"); annotate.ErrorCode(err) != annotate.ENOTFOUND {
		t.Errorf("a source of the skipped record stayed: %v", err)
	}
	if _, err := db.FindSource(ctx, "a new speaker"); err != nil {
		t.Errorf("the good record's source: %v", err)
	}
}

func TestExportCarriesAttributesAndLinksBetweenExportedSpans(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	docID := importOne(t, db, statementText)
	quote := spanOf(t, db, docID, "QUOTE", "“We will not leave”")
	mention := spanOf(t, db, docID, "SOURCE", "Ilse\u00a0Marrow")
	plain := importOne(t, db, "A document without attributes.")
	spanOf2, err := db.CreateSpan(ctx, annotate.Span{DocID: plain, Start: 0, End: 1, Label: "CLAIM"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.SetSpanAttr(ctx, quote.ID, "source", annotate.SourceValue("ilse marrow"), "ann"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.LinkSpans(ctx, annotate.Link{Head: quote.ID, Child: mention.ID, Label: annotate.RelationSource}, "ann"); err != nil {
		t.Fatal(err)
	}
	var docs []annotate.AnnotatedDocument
	for doc, err := range db.Export(ctx, annotate.ExportFilter{}) {
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	if len(docs) != 2 || len(docs[0].Links) != 1 || docs[0].Links[0].Head != quote.ID || docs[0].Spans[0].Attrs["source"].Text != "ilse marrow" {
		t.Fatalf("export = %+v", docs)
	}
	if len(docs[1].Links) != 0 || docs[1].Spans[0].ID != spanOf2.ID || docs[1].Spans[0].Attrs != nil {
		t.Errorf("second document = %+v", docs[1])
	}
	// A label filter that leaves the mention out leaves the link out too.
	for doc, err := range db.Export(ctx, annotate.ExportFilter{Labels: []string{"QUOTE"}}) {
		if err != nil {
			t.Fatal(err)
		}
		if doc.Document.ID == docID && (len(doc.Links) != 0 || doc.Spans[0].Attrs["source"].Text == "") {
			t.Errorf("filtered export = %+v", doc)
		}
	}
}

func TestARelabelledSpanKeepsItsAttributesAndStaysEditable(t *testing.T) {
	db := openDefaults(t)
	ctx := context.Background()
	docID := importOne(t, db, statementText)
	span := spanOf(t, db, docID, "QUOTE", "At least 14 civilians were killed")
	if _, err := db.SetSpanAttr(ctx, span.ID, "source", annotate.SourceValue("Ilse Marrow"), "ann"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.RelabelSpan(ctx, span.ID, "CASUALTY", "ann"); err != nil {
		t.Fatal(err)
	}
	edited, err := db.SetSpanAttr(ctx, span.ID, "count", annotate.NumberValue(14), "ann")
	if err != nil {
		t.Fatalf("editing a relabelled span: %v", err)
	}
	if edited.Attrs["source"].Text != "Ilse Marrow" || edited.Attrs["count"].Number != 14 {
		t.Errorf("attrs = %+v", edited.Attrs)
	}
	// A new value of an attribute the label does not declare is still refused.
	_, err = db.SetSpanAttr(ctx, span.ID, "source", annotate.SourceValue("Someone Else"), "ann")
	wantCode(t, err, annotate.EINVALID)
	// Deleted and restored (undo), it comes back with both.
	if err := db.DeleteSpan(ctx, span.ID, "ann"); err != nil {
		t.Fatal(err)
	}
	restored, err := db.RestoreSpan(ctx, edited, "ann")
	if err != nil || restored.Attrs["source"].Text != "Ilse Marrow" || restored.Attrs["count"].Number != 14 {
		t.Errorf("restored = %+v, %v", restored.Attrs, err)
	}
}
