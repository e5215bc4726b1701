package search

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Folding makes the index forgiving about case, accents and typography: a researcher
// types "pavic", "sao paulo" or "don't" and means "Pavić", "São Paulo" and "don’t".
// Every rune folds to exactly one rune, so a code-point index into the folded text is
// the same index into the original text; that keeps highlighting exact.

// latinBase holds the base letter of U+00C0..U+024F and U+1E00..U+1EFF ('.' where the
// letter has no ASCII base), generated from the Unicode NFD decompositions.
const (
	latin1Start   = 0xC0
	latin1Base    = "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrsssssssstttt..uuuuuuuuuuuuwwyyyzzzzzz.................................oo.............uu............................aaiioouuuuuuuuuu.aaaa....ggkkoooo..j...gg..nnaa....aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................"
	latinExtStart = 0x1E00
	latinExtBase  = "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooooooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuuuuyyyyyyyy......"
)

// foldRune lower-cases r, strips its diacritics where it has a Latin base letter, and
// maps typographic punctuation and every kind of space to its plain ASCII form.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		switch {
		case 'A' <= r && r <= 'Z':
			return r + 'a' - 'A'
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			return ' '
		}
		return r
	}
	switch r {
	case '\u00A0', '\u2007', '\u2009', '\u200A', '\u202F', '\u3000', '\u2028', '\u2029', '\u0085':
		return ' '
	case '\u2018', '\u2019', '\u201A', '\u201B', '\u02BC', '\u2032':
		return '\''
	case '\u201C', '\u201D', '\u201E', '\u201F', '\u00AB', '\u00BB', '\u2033':
		return '"'
	case '\u2010', '\u2011', '\u2012', '\u2013', '\u2014', '\u2015', '\u2212':
		return '-'
	case '\u00D0', '\u00F0', '\u0110', '\u0111': // Ð ð Đ đ
		return 'd'
	case '\u00D8', '\u00F8': // Ø ø
		return 'o'
	case '\u0141', '\u0142': // Ł ł
		return 'l'
	case '\u0126', '\u0127': // Ħ ħ
		return 'h'
	case '\u0131': // dotless ı
		return 'i'
	}
	if r >= latin1Start && int(r-latin1Start) < len(latin1Base) {
		if b := latin1Base[r-latin1Start]; b != '.' {
			return rune(b)
		}
	} else if r >= latinExtStart && int(r-latinExtStart) < len(latinExtBase) {
		if b := latinExtBase[r-latinExtStart]; b != '.' {
			return rune(b)
		}
	}
	return unicode.ToLower(r)
}

// fold applies foldRune to every rune of s. Invalid UTF-8 bytes become U+FFFD, which
// is one rune as well, so indexes still line up with a range loop over s.
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf || ('A' <= c && c <= 'Z') || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f' {
			ascii = false
			break
		}
	}
	if ascii {
		return s // already folded: share the string, no extra memory
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf { // most of a news text: no decoding needed
			b.WriteByte(byte(foldRune(rune(c))))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(foldRune(r))
		i += size
	}
	return b.String()
}

// charMask is a 64-bit set of the characters in a folded string: one bit per ASCII
// letter and digit, the rest hashed into the remaining bits. A string can only contain
// a word if its mask holds the word's mask, which rejects most rows without reading
// their text.
func charMask(s string) uint64 {
	var m uint64
	for i := 0; i < len(s); i++ {
		m |= byteBit(s[i])
	}
	return m
}

func byteBit(c byte) uint64 {
	switch {
	case 'a' <= c && c <= 'z':
		return 1 << (c - 'a')
	case '0' <= c && c <= '9':
		return 1 << (26 + c - '0')
	case c == ' ':
		return 0 // spaces are everywhere and never part of a word
	}
	return 1 << (36 + uint64(c)%28)
}
