package annotate

import (
	"path/filepath"
	"regexp"
	"strings"
)

// The keys of a free "meta" object (what JSONL formats carry beside the text, and
// brat's DOC.json) that map to a document's metadata fields. Exports write these
// names; ApplyMeta also takes the aliases in metaAliases.
const (
	MetaTitle   = "title"
	MetaSource  = "source"
	MetaOutlet  = "outlet"
	MetaAuthors = "authors"
	MetaDate    = "date"
	MetaURL     = "url"
	MetaLang    = "lang"
)

// metaAliases lists, per field, the meta keys an import maps to it, first found
// first. "source" is not among the outlet's keys: ApplyMeta decides whether a source
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

// ApplyMeta sets d's metadata fields from a free meta object (a JSONL record's
// "meta", brat's DOC.json, the meta JSON of a document stored before the fields
// existed) and keeps the keys it does not map in d.Meta:
//
//   - title: the title (if not blank).
//   - outlet, publisher, publication, site_name: the outlet; a string, or an object
//     with a "name" (JSON-LD's publisher).
//   - source: the document's source (where it came from) when it looks like a file
//     path, a "file:line" origin or an address, as Newsmark's own exports write it;
//     otherwise the outlet, as Prodigy users write it ("source": "Reuters"), unless
//     an outlet key is also present.
//   - authors, author, byline: a string is split into names (ParseAuthors),
//     an array gives one name per string (or object with a "name").
//   - date, published, published_at, date_published, pubdate: the date, read by
//     ParseDate.
//   - url, link, canonical_url: the URL, if absolute; lang, language: the language
//     tag.
//   - doc_id (a Newsmark export's own id) is dropped.
//
// A value that does not fit its field (a date in an unknown form, a relative URL)
// stays in Meta under its own key: metadata is never dropped silently. Line breaks
// and runs of white space inside one-line fields become single spaces.
func (d *Document) ApplyMeta(meta map[string]any) {
	rest := make(map[string]any, len(meta))
	for k, v := range meta {
		rest[k] = v
	}
	delete(rest, "doc_id")
	if title, ok := rest[MetaTitle].(string); ok && strings.TrimSpace(title) != "" {
		d.Title = title
		delete(rest, MetaTitle)
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
		d.Outlet = OneLine(nameOf(v))
		return d.Outlet != ""
	})
	if source, ok := rest[MetaSource].(string); ok {
		switch {
		case source == "":
			delete(rest, MetaSource)
		case looksLikeOrigin(source) || d.Outlet != "":
			d.Source = source
			delete(rest, MetaSource)
		default:
			d.Outlet = OneLine(source)
			delete(rest, MetaSource)
		}
	}
	take(metaAliases.authors, func(v any) bool {
		d.Authors = authorsOf(v)
		return len(d.Authors) > 0
	})
	take(metaAliases.date, func(v any) bool {
		s, ok := v.(string)
		if !ok {
			return false
		}
		date, err := ParseDate(s)
		d.Published = date
		return err == nil
	})
	take(metaAliases.url, func(v any) bool {
		s, _ := v.(string)
		m := Metadata{URL: strings.TrimSpace(s)}
		if m.URL == "" || m.Validate() != nil {
			return false
		}
		d.URL = m.URL
		return true
	})
	take(metaAliases.lang, func(v any) bool {
		s, _ := v.(string)
		m := Metadata{Language: strings.TrimSpace(s)}
		if m.Language == "" || m.Validate() != nil {
			return false
		}
		d.Language = m.Language
		return true
	})
	if len(rest) > 0 {
		d.Meta = rest
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
		return ParseAuthors(v)
	case []any:
		var names []string
		for _, item := range v {
			if name := OneLine(nameOf(item)); name != "" {
				names = append(names, name)
			}
		}
		return names
	case map[string]any:
		if name := OneLine(nameOf(v)); name != "" {
			return []string{name}
		}
	}
	return nil
}

// OneLine collapses white space, line breaks included, to single spaces.
func OneLine(s string) string { return strings.Join(strings.Fields(s), " ") }
