package dataset

import "testing"

func BenchmarkTokenize(b *testing.B) {
	text := benchDocs(1, 0)[0].Document.Text
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Tokenize(text)
	}
}
