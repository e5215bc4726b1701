package dataset

import (
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// Format names a dataset format as given to --format.
type Format string

const (
	FormatAuto        Format = "auto"
	FormatText        Format = "text"
	FormatJSONL       Format = "jsonl" // {"text", "meta"} records, spans sniffed per line
	FormatSpacy       Format = "spacy"
	FormatDoccano     Format = "doccano"
	FormatHF          Format = "hf"
	FormatCoNLL       Format = "conll"
	FormatBrat        Format = "brat"
	FormatLabelStudio Format = "label-studio"
	FormatCSV         Format = "csv"
	FormatHTML        Format = "html" // saved web pages: the article's text and metadata
	FormatDocx        Format = "docx" // Word documents
)

// Formats lists every format name in the order menus show them.
var formatNames = []Format{FormatAuto, FormatText, FormatHTML, FormatDocx, FormatJSONL, FormatSpacy, FormatDoccano, FormatHF, FormatCoNLL, FormatBrat, FormatLabelStudio, FormatCSV}

// AllFormats returns every format name, auto first.
func AllFormats() []Format { return append([]Format(nil), formatNames...) }

// ExportFormats returns the formats Export writes.
func ExportFormats() []Format {
	return []Format{FormatSpacy, FormatDoccano, FormatHF, FormatCoNLL, FormatBrat, FormatLabelStudio, FormatCSV}
}

// ImportFormats returns the formats Read takes, auto first.
func ImportFormats() []Format {
	return []Format{FormatAuto, FormatText, FormatHTML, FormatDocx, FormatJSONL, FormatSpacy, FormatDoccano, FormatHF, FormatCoNLL, FormatBrat, FormatLabelStudio}
}

// ParseFormat reads a format name as typed on the command line ("" means auto).
// "labelstudio", "prodigy" and "txt" are accepted as aliases.
func ParseFormat(name string) (Format, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "auto":
		return FormatAuto, nil
	case "text", "txt", "plain":
		return FormatText, nil
	case "htm", "web":
		return FormatHTML, nil
	case "word":
		return FormatDocx, nil
	case "labelstudio", "label_studio":
		return FormatLabelStudio, nil
	case "prodigy":
		return FormatSpacy, nil
	}
	for _, f := range formatNames {
		if string(f) == strings.ToLower(name) {
			return f, nil
		}
	}
	return "", annotate.Errorf(annotate.EINVALID, "unknown format %q (want one of auto, text, html, docx, jsonl, spacy, doccano, hf, conll, brat, label-studio, csv)", name)
}

// IsFolder reports whether the format writes a folder rather than one file.
func (f Format) IsFolder() bool { return f == FormatBrat }

// Ext is the file extension an export in this format gets (with the dot).
func (f Format) Ext() string {
	switch f {
	case FormatCoNLL:
		return ".conll"
	case FormatLabelStudio:
		return ".json"
	case FormatCSV:
		return ".csv"
	case FormatBrat:
		return ""
	}
	return ".jsonl"
}
