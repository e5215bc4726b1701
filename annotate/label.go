package annotate

import (
	"regexp"
	"strings"
)

// Label is one tag a span can carry. Its description is the annotation guideline
// shown to the annotator.
type Label struct {
	ID          int64
	Name        string
	Color       string // "#RRGGBB"
	Hotkey      string // "1".."9", or "" for none
	Description string
	Order       int
	Attrs       []AttrDecl // the attributes its spans may carry, in the order forms show them
}

var (
	labelNamePattern = regexp.MustCompile(`^[\p{L}\p{N}_\-.:/]+$`)
	colorPattern     = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
)

// Validate checks the label's name, colour and hotkey.
func (l Label) Validate() error {
	if l.Name == "" {
		return Errorf(EINVALID, "a label needs a name")
	}
	if len(l.Name) > 64 {
		return Errorf(EINVALID, "label name %q is longer than 64 bytes", Clip(l.Name))
	}
	if !labelNamePattern.MatchString(l.Name) {
		return Errorf(EINVALID, "label name %q may hold only letters, digits and _ - . : / (no spaces)", Clip(l.Name))
	}
	if !colorPattern.MatchString(l.Color) {
		return Errorf(EINVALID, "label %s: colour %q is not of the form #RRGGBB", l.Name, Clip(l.Color))
	}
	if l.Hotkey != "" && (len(l.Hotkey) != 1 || l.Hotkey[0] < '1' || l.Hotkey[0] > '9') {
		return Errorf(EINVALID, "label %s: hotkey %q must be a single digit 1-9", l.Name, Clip(l.Hotkey))
	}
	seen := map[string]bool{}
	for _, d := range l.Attrs {
		if err := d.Validate(); err != nil {
			return Errorf(EINVALID, "label %s: %v", l.Name, err)
		}
		if seen[d.Name] {
			return Errorf(EINVALID, "label %s: attribute %s is declared twice", l.Name, d.Name)
		}
		seen[d.Name] = true
	}
	return nil
}

// NormalizeLabelName is how a label name read from a file or typed by a user is
// cleaned before use: surrounding space removed, inner spaces turned to underscores.
func NormalizeLabelName(name string) string {
	return strings.Join(strings.Fields(name), "_")
}

// fallbackColors are given, in turn, to labels created without a colour (for
// example by an import that meets an unknown label). They are Paul Tol's
// colour-blind-safe "muted" scheme, after the four used by the default labels,
// with its indigo, cyan and sand made lighter or darker (#6655CC, #5D8AA8,
// #B09A3A) so that every one shows as a highlight on both the light and the
// dark theme (app/theme_test.go checks them).
var fallbackColors = []string{"#CC6677", "#6655CC", "#117733", "#5D8AA8", "#999933", "#AA4499", "#44AA99", "#882255", "#B09A3A"}

// FallbackColor picks a colour for the n-th label created without one.
func FallbackColor(n int) string {
	if n < 0 {
		n = -n
	}
	return fallbackColors[n%len(fallbackColors)]
}
