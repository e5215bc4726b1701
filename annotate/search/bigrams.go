package search

// A bigram set records, in 256 bits, which pairs of neighbouring bytes occur inside
// the words of a folded text. A text can only contain a query word as a substring if
// it holds every bigram of the word, and only a word one edit away if it holds all
// but three of them (a swap of two letters breaks at most three). Most of 100,000
// rows are rejected this way for the price of a few bit tests, before any text is
// read; a news sentence sets about a quarter of the bits, so a word of six letters
// slips through in roughly one row in a thousand.
type bigramSet [4]uint64

func bigramBit(a, b byte) uint8 {
	return uint8((uint32(a)<<8 | uint32(b)) * 0x9E3779B1 >> 24)
}

func (s *bigramSet) add(bit uint8)      { s[bit>>6] |= 1 << (bit & 63) }
func (s *bigramSet) has(bit uint8) bool { return s[bit>>6]&(1<<(bit&63)) != 0 }

// bigramsOf collects the bigrams of folded text, skipping pairs with a space (words
// never contain one).
func bigramsOf(text string) bigramSet {
	var s bigramSet
	for i := 0; i+1 < len(text); i++ {
		if text[i] != ' ' && text[i+1] != ' ' {
			s.add(bigramBit(text[i], text[i+1]))
		}
	}
	return s
}

// wordBigrams lists the bigram bits of a query word.
func wordBigrams(w string) []uint8 {
	bits := make([]uint8, 0, len(w))
	for i := 0; i+1 < len(w); i++ {
		bits = append(bits, bigramBit(w[i], w[i+1]))
	}
	return bits
}

// countIn counts how many of bits the set holds.
func (s *bigramSet) countIn(bits []uint8) int {
	n := 0
	for _, b := range bits {
		if s.has(b) {
			n++
		}
	}
	return n
}

// hasAll reports whether the set holds every one of bits.
func (s *bigramSet) hasAll(bits []uint8) bool {
	for _, b := range bits {
		if !s.has(b) {
			return false
		}
	}
	return true
}
