package annotate

import "unicode/utf8"

// Walker is the one fast walk between code point offsets and UTF-8 byte and
// UTF-16 offsets of a text: it moves forward from the last position asked for,
// so ascending requests cost one pass over the text in all, and it skips runs of
// ASCII eight bytes at a time. Characters are counted as a range loop over the
// string counts them (an invalid byte is one character), as Offsets does.
//
// Use it where offsets come sorted (a record's span boundaries, matched indexes,
// a decoder's spans) and a table for the whole text (Offsets) would cost more
// than it saves. The zero Walker walks the empty text.
type Walker struct {
	text string
	cp   int // code points before the position
	b    int // bytes before it
	wide int // of those code points, the ones outside the BMP (two UTF-16 units)
}

// NewWalker starts a walk at the beginning of text.
func NewWalker(text string) Walker { return Walker{text: text} }

// Seek moves to code point offset cp and reports whether the text is that long.
// Seeking backwards starts again from the beginning.
func (w *Walker) Seek(cp int) bool {
	if cp < w.cp {
		w.cp, w.b, w.wide = 0, 0, 0
	}
	// Locals, not fields, in the loop: it is the hot path of every import.
	text, b, wide := w.text, w.b, w.wide
	n := cp - w.cp
	for n > 0 && b < len(text) {
		if n >= 8 && b+8 <= len(text) && asciiWord(text, b) {
			b, n = b+8, n-8
			continue
		}
		if text[b] < utf8.RuneSelf {
			b++
		} else {
			// Only a valid four-byte sequence is outside the BMP; an invalid
			// byte decodes as one U+FFFD of size 1.
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
			wide += size >> 2
		}
		n--
	}
	w.cp, w.b, w.wide = cp-n, b, wide
	return n == 0
}

// SeekByte moves to the first character that starts at or after byte offset b
// and reports whether one starts exactly there (b is a character boundary inside
// the text). Seeking backwards starts again from the beginning.
func (w *Walker) SeekByte(b int) bool {
	if b < w.b {
		w.cp, w.b, w.wide = 0, 0, 0
	}
	for w.b < b && w.b < len(w.text) {
		if b-w.b >= 8 && w.b+8 <= len(w.text) && asciiWord(w.text, w.b) {
			w.cp, w.b = w.cp+8, w.b+8
			continue
		}
		w.Seek(w.cp + 1)
	}
	return w.b == b && b < len(w.text)
}

// CodePoint, Byte and UTF16 are the current position in each unit.
func (w *Walker) CodePoint() int { return w.cp }
func (w *Walker) Byte() int      { return w.b }
func (w *Walker) UTF16() int     { return w.cp + w.wide }

// asciiWord reports whether the eight bytes of s from i are all ASCII; the
// compiler reads them in one load.
func asciiWord(s string, i int) bool {
	s = s[i : i+8]
	w := uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
	return w&0x8080808080808080 == 0
}
