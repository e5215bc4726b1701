package annotate

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func TestWalkerAgreesWithOffsets(t *testing.T) {
	pieces := []string{"a", "plain ascii words ", "“", "”", "‘", "’", "—", "\u00a0", "😀", "\r\n", "Pavić", "\xff"}
	rng := rand.New(rand.NewPCG(1, 2))
	for round := range 200 {
		var b strings.Builder
		for range rng.IntN(40) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		text := b.String()
		offsets := NewOffsets(text)
		w := NewWalker(text)
		for cp := 0; cp <= offsets.Len(); cp += 1 + rng.IntN(3) {
			if !w.Seek(cp) {
				t.Fatalf("round %d: Seek(%d) failed in a text of %d code points", round, cp, offsets.Len())
			}
			u16, _ := offsets.ToUnit(cp, UnitUTF16)
			if w.Byte() != offsets.ByteOffset(cp) || w.UTF16() != u16 || w.CodePoint() != cp {
				t.Fatalf("round %d %q: at code point %d the walker says byte %d utf16 %d, Offsets byte %d utf16 %d",
					round, text, cp, w.Byte(), w.UTF16(), offsets.ByteOffset(cp), u16)
			}
		}
		if w.Seek(offsets.Len() + 1) {
			t.Fatalf("round %d: Seek past the end succeeded", round)
		}
		back := NewWalker(text)
		for cp := range offsets.Len() {
			b := offsets.ByteOffset(cp)
			if !back.SeekByte(b) || back.CodePoint() != cp {
				t.Fatalf("round %d %q: SeekByte(%d) = code point %d, want %d", round, text, b, back.CodePoint(), cp)
			}
		}
	}
}

func TestWalkerSeeksBackwardsAndRefusesBytesInsideACharacter(t *testing.T) {
	w := NewWalker("“Ceasefire” — 😀 now")
	w.Seek(15)
	if !w.Seek(1) || w.Byte() != 3 {
		t.Errorf("after seeking back to code point 1: byte %d, want 3", w.Byte())
	}
	if !w.SeekByte(4) || w.CodePoint() != 2 {
		t.Errorf("SeekByte(4): code point %d, want 2 (the e after “C)", w.CodePoint())
	}
	if w.SeekByte(1) {
		t.Error("SeekByte(1), inside the opening quote, reported a character boundary")
	}
}
