// Package sampletext generates long, reproducible news-like prose for the
// document view's benchmarks and its memory demo: a large vocabulary (so word
// caches get a realistic number of distinct words), curly quotes, apostrophes,
// em dashes, no-break spaces in numbers, emoji outside the BMP, and paragraphs
// ending in CRLF or LF.
package sampletext

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

var syllables = []string{
	"ka", "ro", "mi", "ze", "po", "lu", "an", "ter", "vis", "dom", "al", "ne", "stra",
	"qui", "bel", "or", "sun", "chi", "gra", "pe", "tol", "ux", "ri", "mon", "ha", "ble",
}

// vocabulary returns the generator seeded with seed and the 12,000 words of
// one to four syllables it drew first; the text is drawn from it afterwards.
func vocabulary(seed uint64, syllables []string) (*rand.Rand, []string) {
	rng := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	vocab := make([]string, 12000)
	for i := range vocab {
		var w strings.Builder
		for range 1 + rng.IntN(4) {
			w.WriteString(syllables[rng.IntN(len(syllables))])
		}
		vocab[i] = w.String()
	}
	return rng, vocab
}

// Article returns about size bytes of text generated from seed.
func Article(size int, seed uint64) string {
	rng, vocab := vocabulary(seed, syllables)
	var b strings.Builder
	b.Grow(size + 256)
	sentence := 0
	for b.Len() < size {
		words := 6 + rng.IntN(20)
		for i := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			w := vocab[int(rng.ExpFloat64()*1500)%len(vocab)]
			if i == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			switch rng.IntN(40) {
			case 0:
				w = "“" + w + "”"
			case 1:
				w += "’s"
			case 2:
				w = strconv.Itoa(rng.IntN(90)+1) + "\u00a0" + strconv.Itoa(100+rng.IntN(900))
			case 3:
				w += " —"
			case 4:
				w += ","
			case 5:
				if rng.IntN(10) == 0 {
					w += " 😀"
				}
			}
			b.WriteString(w)
		}
		b.WriteString(". ")
		sentence++
		if sentence%(3+rng.IntN(5)) == 0 {
			if rng.IntN(2) == 0 {
				b.WriteString("\r\n")
			} else {
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

var arabicSyllables = []string{
	"كا", "رو", "مي", "ز", "بو", "لو", "ان", "تر", "فس", "دم", "ال", "ن", "ستر",
	"قي", "بل", "ور", "سن", "شي", "غر", "ب", "طل", "ع", "ري", "من", "ها", "حل",
}

// ArabicArticle returns about size bytes of Arabic news-like text generated
// from seed: 12,000 distinct words (each shaped once by the view), Arabic
// punctuation, Latin and Arabic-Indic numbers, «quotes», English names and
// emoji, paragraphs ending in LF.
func ArabicArticle(size int, seed uint64) string {
	rng, vocab := vocabulary(seed, arabicSyllables)
	var b strings.Builder
	b.Grow(size + 256)
	sentence := 0
	for b.Len() < size {
		words := 6 + rng.IntN(20)
		for i := range words {
			if i > 0 {
				b.WriteByte(' ')
			}
			w := vocab[int(rng.ExpFloat64()*1500)%len(vocab)]
			switch rng.IntN(40) {
			case 0:
				w = "«" + w + "»"
			case 1:
				w = strconv.Itoa(rng.IntN(2000) + 1)
			case 2:
				w = "١٢٣"
			case 3:
				w += "،"
			case 4:
				w = "The Guardian"
			case 5:
				if rng.IntN(10) == 0 {
					w += " 😀"
				}
			}
			b.WriteString(w)
		}
		b.WriteString(".")
		sentence++
		if sentence%5 == 0 {
			b.WriteByte('\n')
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}
