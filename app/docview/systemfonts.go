package docview

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"fyne.io/fyne/v2"
	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	"github.com/go-text/typesetting/fontscan"
	"github.com/go-text/typesetting/language"
)

// systemFontFinder finds installed fonts for the scripts that need shaping and
// have no bundled font (Tamil, Thai, Khmer, ...). Fyne's own fallback asks
// go-text's font map for a rune without naming its script, and the map then
// looks only in the fonts that stand in for "sans-serif" (DejaVu Sans, Noto
// Sans), which lack these scripts: Fyne draws them as boxes even with
// fonts-noto-core installed. Naming the script finds Noto Sans Thai and the
// like. The index of the system's fonts is built on first use (go-text caches
// it in the user cache folder, so later starts read it; Fyne uses the same
// one) and shared by the process; a font found is read once and shared
// read-only like the bundled ones.
type systemFontFinder struct {
	mu       sync.Mutex
	fonts    *fontscan.FontMap
	err      error
	byScript map[language.Script]*bundledFont // nil: no usable font for the script
}

var systemFonts = sync.OnceValue(func() *systemFontFinder {
	f := &systemFontFinder{byScript: map[language.Script]*bundledFont{}}
	f.fonts = fontscan.NewFontMap(nil)
	// "": go-text's own place in the user cache folder, where Fyne's font
	// map keeps the same index (the index is built once per process anyway).
	if err := f.fonts.UseSystemFonts(""); err != nil {
		f.err = fmt.Errorf("index the system's fonts: %w", err)
		fyne.LogError("docview", f.err)
	}
	return f
})

// fontFor returns an installed font that draws r in its script, or nil.
func (f *systemFontFinder) fontFor(script language.Script, r rune) *bundledFont {
	f.mu.Lock()
	defer f.mu.Unlock()
	if found, ok := f.byScript[script]; ok {
		return found
	}
	var found *bundledFont
	if f.err == nil {
		f.fonts.SetQuery(fontscan.Query{Families: []string{fontscan.SansSerif}})
		f.fonts.SetScript(script)
		if face := f.fonts.ResolveFace(r); face != nil {
			if _, ok := face.NominalGlyph(r); ok {
				found = f.load(f.fonts.FontLocation(face.Font))
			}
		}
	}
	f.byScript[script] = found
	return found
}

// load reads a font file for drawing (Fyne needs its bytes) and shaping.
// Fonts inside a collection other than its first are skipped: Fyne reads
// only a collection's first font.
func (f *systemFontFinder) load(loc fontscan.Location) *bundledFont {
	if loc.File == "" || loc.Index != 0 {
		return nil
	}
	data, err := os.ReadFile(loc.File)
	if err != nil {
		fyne.LogError("docview: read system font", err)
		return nil
	}
	face, err := font.ParseTTF(bytes.NewReader(data))
	if err != nil {
		fyne.LogError("docview: parse system font "+loc.File, err)
		return nil
	}
	return &bundledFont{font: face.Font, res: fyne.NewStaticResource(filepath.Base(loc.File), data)}
}

// maxSystemClasses bounds the scripts one shaper gives a font class of its
// own; text in more scripts than that is measured through Fyne.
const maxSystemClasses = 24

// systemClass is the font class of r, a code point of a script that needs
// shaping and has no bundled font: a class of the shaper's own for the
// installed font of its script, or fontSystem when there is none.
func (s *shaper) systemClass(r rune) fontClass {
	script := language.LookupScript(r)
	if c, ok := s.scriptClass[script]; ok {
		return c
	}
	c := fontSystem
	if s.next < fontSystem+1+maxSystemClasses {
		if found := systemFonts().fontFor(script, r); found != nil {
			c = s.next
			s.next++
			s.faces[c] = font.NewFace(found.font)
			s.res[c] = found.res
			s.script[c] = script
			s.dir[c] = di.DirectionLTR
			if strongRTL(r) {
				s.dir[c] = di.DirectionRTL
			}
		}
	}
	if s.scriptClass == nil {
		s.scriptClass = map[language.Script]fontClass{}
	}
	s.scriptClass[script] = c
	return c
}
