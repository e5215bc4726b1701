package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// Metadata keys of the "meta" object that exports write and imports read. Exports
// write these names; imports also take the aliases in metaAliases.
const (
	metaTitle   = "title"
	metaSource  = "source"
	metaOutlet  = "outlet"
	metaAuthors = "authors"
	metaDate    = "date"
	metaURL     = "url"
	metaLang    = "lang"
)

// metaAliases lists, per field, the meta keys an import maps to it, first found
// first. "source" is not among the outlet's keys: applyMeta decides whether a source
// names an outlet or the file the record came from.
var metaAliases = struct {
	outlet, authors, date, url, lang []string
}{
	outlet:  []string{"outlet", "publisher", "publication", "site_name"},
	authors: []string{"authors", "author", "byline"},
	date:    []string{"date", "published", "published_at", "date_published", "pubdate"},
	url:     []string{"url", "link", "canonical_url"},
	lang:    []string{"lang", "language"},
}

// exportMeta is the free metadata of doc with its metadata fields added under the
// keys imports read back: outlet, authors (an array), date, url, lang. Empty
// fields are left out, so documents without metadata export as before.
func exportMeta(doc annotate.Document) map[string]any {
	if doc.Outlet == "" && len(doc.Authors) == 0 && doc.Published == "" && doc.URL == "" && doc.Language == "" {
		return doc.Meta
	}
	meta := make(map[string]any, len(doc.Meta)+5)
	for k, v := range doc.Meta {
		meta[k] = v
	}
	for _, kv := range []struct{ key, value string }{
		{metaOutlet, doc.Outlet}, {metaDate, doc.Published}, {metaURL, doc.URL}, {metaLang, doc.Language},
	} {
		if kv.value != "" {
			meta[kv.key] = kv.value
		}
	}
	if len(doc.Authors) > 0 {
		meta[metaAuthors] = append([]string(nil), doc.Authors...)
	}
	return meta
}

// ApplyMeta is applyMeta for the database: migration 0006 gives documents imported
// before the metadata fields existed the fields an import gives them now.
func ApplyMeta(doc *annotate.Document, meta map[string]any) { applyMeta(doc, meta) }

// applyMeta sets doc's fields from a record's meta object and keeps the keys it
// does not map in doc.Meta:
//
//   - title: the title (if not blank).
//   - outlet, publisher, publication, site_name: the outlet; a string, or an object
//     with a "name" (JSON-LD's publisher).
//   - source: the document's source (where it came from) when it looks like a file
//     path, a "file:line" origin or an address, as Newsmark's own exports write it;
//     otherwise the outlet, as Prodigy users write it ("source": "Reuters"), unless
//     an outlet key is also present.
//   - authors, author, byline: a string is split into names (annotate.ParseAuthors),
//     an array gives one name per string (or object with a "name").
//   - date, published, published_at, date_published, pubdate: the date, read by
//     annotate.ParseDate.
//   - url, link, canonical_url: the URL, if absolute; lang, language: the language
//     tag.
//   - doc_id (a Newsmark export's own id) is dropped.
//
// A value that does not fit its field (a date in an unknown form, a relative URL)
// stays in Meta under its own key: metadata is never dropped silently. Line breaks
// and runs of white space inside one-line fields become single spaces.
func applyMeta(doc *annotate.Document, meta map[string]any) {
	rest := make(map[string]any, len(meta))
	for k, v := range meta {
		rest[k] = v
	}
	delete(rest, "doc_id")
	if title, ok := rest[metaTitle].(string); ok && strings.TrimSpace(title) != "" {
		doc.Title = title
		delete(rest, metaTitle)
	}
	take := func(keys []string, set func(v any) bool) {
		for _, k := range keys {
			if v, ok := rest[k]; ok && set(v) {
				delete(rest, k)
				return
			}
		}
	}
	take(metaAliases.outlet, func(v any) bool {
		doc.Outlet = oneLine(nameOf(v))
		return doc.Outlet != ""
	})
	if source, ok := rest[metaSource].(string); ok {
		switch {
		case source == "":
			delete(rest, metaSource)
		case looksLikeOrigin(source) || doc.Outlet != "":
			doc.Source = source
			delete(rest, metaSource)
		default:
			doc.Outlet = oneLine(source)
			delete(rest, metaSource)
		}
	}
	take(metaAliases.authors, func(v any) bool {
		doc.Authors = authorsOf(v)
		return len(doc.Authors) > 0
	})
	take(metaAliases.date, func(v any) bool {
		s, ok := v.(string)
		if !ok {
			return false
		}
		date, err := annotate.ParseDate(s)
		doc.Published = date
		return err == nil
	})
	take(metaAliases.url, func(v any) bool {
		s, _ := v.(string)
		m := annotate.Metadata{URL: strings.TrimSpace(s)}
		if m.URL == "" || m.Validate() != nil {
			return false
		}
		doc.URL = m.URL
		return true
	})
	take(metaAliases.lang, func(v any) bool {
		s, _ := v.(string)
		m := annotate.Metadata{Language: strings.TrimSpace(s)}
		if m.Language == "" || m.Validate() != nil {
			return false
		}
		doc.Language = m.Language
		return true
	})
	if len(rest) > 0 {
		doc.Meta = rest
	}
}

// originLike matches a name ending in an extension Newsmark imports, optionally with
// a ":line" after it: what a Newsmark export writes as a record's source.
var originLike = regexp.MustCompile(`(?i)\.(txt|md|text|markdown|jsonl|ndjson|json|conll|conll03|bio|iob|ann|html?|docx)(:\d+)?$`)

func looksLikeOrigin(s string) bool {
	return strings.ContainsAny(s, `/\`) || strings.Contains(s, "://") || originLike.MatchString(s) ||
		filepath.IsAbs(s)
}

// nameOf reads a string, or an object's "name" (JSON-LD's Person and Organization).
func nameOf(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case map[string]any:
		name, _ := v["name"].(string)
		return strings.TrimSpace(name)
	}
	return ""
}

func authorsOf(v any) []string {
	switch v := v.(type) {
	case string:
		return annotate.ParseAuthors(v)
	case []any:
		var names []string
		for _, item := range v {
			if name := oneLine(nameOf(item)); name != "" {
				names = append(names, name)
			}
		}
		return names
	case map[string]any:
		if name := oneLine(nameOf(v)); name != "" {
			return []string{name}
		}
	}
	return nil
}

// oneLine collapses white space, line breaks included, to single spaces.
func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// metaJSON is exportMeta as a JSON object with the title and source first, as
// brat's DOC.json holds it.
func metaJSON(doc annotate.Document) ([]byte, error) {
	meta := exportMeta(doc)
	all := make(map[string]any, len(meta)+2)
	for k, v := range meta {
		all[k] = v
	}
	all[metaTitle] = doc.Title
	if doc.Source != "" {
		all[metaSource] = doc.Source
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(all); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// brat has no place for document metadata, so a brat export writes DOC.json beside
// DOC.txt and DOC.ann: the meta object of the JSONL formats (title, source, outlet,
// authors, date, url, lang and free keys). brat ignores the file; a brat import
// reads it back when it is there.

func writeBratMeta(stem string, doc annotate.Document) error {
	data, err := metaJSON(doc)
	if err != nil {
		return fmt.Errorf("write brat metadata of document %d: %w", doc.ID, err)
	}
	if err := os.WriteFile(stem+".json", data, 0o644); err != nil {
		return fmt.Errorf("write brat metadata: %w", err)
	}
	return nil
}

// readBratMeta applies DOC.json to doc if the file exists; a malformed one is an
// error naming it.
func readBratMeta(stem string, doc *annotate.Document) error {
	path := stem + ".json"
	data, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return annotate.RecordError{Origin: path, Err: fmt.Errorf("cannot read: %w", err)}
	}
	meta, err := rawMeta(bytes.TrimPrefix(data, utf8BOM), "the metadata file")
	if err != nil {
		return annotate.RecordError{Origin: path, Err: err}
	}
	// The export's source (where the text first came from) wins over the path of
	// the brat folder, as the source of a JSONL record does.
	applyMeta(doc, meta)
	return nil
}
