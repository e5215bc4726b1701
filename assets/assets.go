// Package assets holds what Newsmark ships inside its binary: the app icon, the
// default label set and the sample article a first start opens.
package assets

import (
	_ "embed"
	"encoding/json"
	"fmt"

	"github.com/newsmark/newsmark/annotate"
)

//go:embed icon.png
var iconPNG []byte

//go:embed labels.json
var labelsJSON []byte

//go:embed sample.txt
var sampleText string

// IconPNG is the application icon, 512×512 PNG.
func IconPNG() []byte { return iconPNG }

// SampleTitle is the title of the sample article.
const SampleTitle = "Sample: Harbour city talks stall as ceasefire deadline nears"

type labelFile struct {
	Name        string     `json:"name"`
	Color       string     `json:"color"`
	Hotkey      string     `json:"hotkey"`
	Description string     `json:"description"`
	Attributes  []attrFile `json:"attributes"`
}

type attrFile struct {
	Name    string   `json:"name"`
	Type    string   `json:"type"`
	Options []string `json:"options"`
}

// DefaultLabels is the label set a new database starts with: CLAIM, QUOTE, DEMAND,
// CASUALTY and SOURCE in the Okabe–Ito colour-blind-safe palette, hotkeys 1-5,
// with their attributes (source on the statements; count, min, max, kind,
// qualifier and group on CASUALTY). Migration 0002 gives older databases the same.
func DefaultLabels() ([]annotate.Label, error) {
	var entries []labelFile
	if err := json.Unmarshal(labelsJSON, &entries); err != nil {
		return nil, fmt.Errorf("read embedded labels.json: %w", err)
	}
	labels := make([]annotate.Label, 0, len(entries))
	for i, entry := range entries {
		label := annotate.Label{Name: entry.Name, Color: entry.Color, Hotkey: entry.Hotkey, Description: entry.Description, Order: i}
		for _, a := range entry.Attributes {
			label.Attrs = append(label.Attrs, annotate.AttrDecl{Name: a.Name, Type: annotate.AttrType(a.Type), Options: a.Options})
		}
		if err := label.Validate(); err != nil {
			return nil, fmt.Errorf("embedded labels.json: %w", err)
		}
		labels = append(labels, label)
	}
	return labels, nil
}

// SampleDocument is the fictional article a first start opens, marked as the sample.
func SampleDocument() annotate.Document {
	return annotate.Document{
		Title:  SampleTitle,
		Source: "built-in sample",
		Text:   sampleText,
		Hash:   annotate.ContentHash(sampleText),
		Status: annotate.StatusNew,
		Sample: true,
	}
}

// Fonts for scripts the theme font lacks, bundled so that the document view
// renders them on a machine without them (SIL Open Font Licence, see
// fonts/OFL.txt).

//go:embed fonts/NotoSansArabic-Regular.ttf
var notoSansArabic []byte

//go:embed fonts/NotoSansHebrew-Regular.ttf
var notoSansHebrew []byte

//go:embed fonts/NotoSansDevanagari-Regular.ttf
var notoSansDevanagari []byte

//go:embed fonts/NotoSansBengali-Regular.ttf
var notoSansBengali []byte

// NotoSansArabic is Noto Sans Arabic Regular (TrueType).
func NotoSansArabic() []byte { return notoSansArabic }

// NotoSansHebrew is Noto Sans Hebrew Regular (TrueType).
func NotoSansHebrew() []byte { return notoSansHebrew }

// NotoSansDevanagari is Noto Sans Devanagari Regular (TrueType).
func NotoSansDevanagari() []byte { return notoSansDevanagari }

// NotoSansBengali is Noto Sans Bengali Regular (TrueType).
func NotoSansBengali() []byte { return notoSansBengali }
