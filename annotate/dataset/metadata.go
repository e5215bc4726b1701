package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/newsmark/newsmark/annotate"
)

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
		{annotate.MetaOutlet, doc.Outlet}, {annotate.MetaDate, doc.Published}, {annotate.MetaURL, doc.URL}, {annotate.MetaLang, doc.Language},
	} {
		if kv.value != "" {
			meta[kv.key] = kv.value
		}
	}
	if len(doc.Authors) > 0 {
		meta[annotate.MetaAuthors] = append([]string(nil), doc.Authors...)
	}
	return meta
}

// metaJSON is exportMeta as a JSON object with the title and source first, as
// brat's DOC.json holds it.
func metaJSON(doc annotate.Document) ([]byte, error) {
	meta := exportMeta(doc)
	all := make(map[string]any, len(meta)+2)
	for k, v := range meta {
		all[k] = v
	}
	all[annotate.MetaTitle] = doc.Title
	if doc.Source != "" {
		all[annotate.MetaSource] = doc.Source
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
	doc.ApplyMeta(meta)
	return nil
}
