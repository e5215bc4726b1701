package dataset

import (
	"encoding/binary"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
)

func decodeJSONLLines(t *testing.T, lines ...string) ([]string, []error) {
	t.Helper()
	path := writeFile(t, filepath.Join(t.TempDir(), "in.jsonl"), strings.Join(lines, "\n")+"\n")
	recs, errs := readAll(t, []string{path}, ReadOptions{})
	var texts []string
	for _, r := range recs {
		texts = append(texts, r.Document.Text)
	}
	return texts, errs
}

func TestJSONLRefusesALoneSurrogateWithItsLine(t *testing.T) {
	texts, errs := decodeJSONLLines(t,
		`{"text": "Pair \ud83d\ude00 fine — “ok”"}`,
		`{"text": "Lone \ud800 here"}`,
		`{"text": "Low alone \udc00"}`,
		`{"text": "Escaped backslash \\ud800 is text"}`,
	)
	if len(texts) != 2 || texts[0] != "Pair 😀 fine — “ok”" || texts[1] != `Escaped backslash \ud800 is text` {
		t.Errorf("texts %q", texts)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), ":2:") || !strings.Contains(errs[0].Error(), `lone UTF-16 surrogate \ud800`) ||
		!strings.Contains(errs[1].Error(), ":3:") {
		t.Errorf("errors %v", errs)
	}
}

func TestJSONLRefusesANonStringTitleAndDeepMeta(t *testing.T) {
	deep := `{"text": "Deep", "meta": {"a": ` + strings.Repeat("[", 5000) + strings.Repeat("]", 5000) + `}}`
	ok := `{"text": "Fine", "meta": {"a": ` + strings.Repeat("[", 50) + strings.Repeat("]", 50) + `}}`
	texts, errs := decodeJSONLLines(t, `{"text": "T", "meta": {"title": 42}}`, deep, ok)
	if len(texts) != 1 || texts[0] != "Fine" {
		t.Errorf("texts %q", texts)
	}
	if len(errs) != 2 || !strings.Contains(errs[0].Error(), `:1: "meta.title" is a number, want a string`) ||
		!strings.Contains(errs[1].Error(), ":2:") || !strings.Contains(errs[1].Error(), "over the limit of 64") {
		t.Errorf("errors %v", errs)
	}
}

func TestUTF16TextWithABOMIsDecoded(t *testing.T) {
	text := "“Talks resumed,” she said — 14\u00a0civilians 😀\r\nSecond line"
	units := utf16.Encode([]rune(text))
	for _, order := range []struct {
		bom []byte
		put func([]byte, uint16)
	}{{[]byte{0xFF, 0xFE}, binary.LittleEndian.PutUint16}, {[]byte{0xFE, 0xFF}, binary.BigEndian.PutUint16}} {
		data := append([]byte{}, order.bom...)
		for _, u := range units {
			b := make([]byte, 2)
			order.put(b, u)
			data = append(data, b...)
		}
		path := writeFile(t, filepath.Join(t.TempDir(), "win.txt"), string(data))
		recs, errs := readAll(t, []string{path}, ReadOptions{})
		if len(errs) != 0 || len(recs) != 1 || recs[0].Document.Text != text {
			t.Errorf("BOM % X: %v %v", order.bom, recs, errs)
		}
	}
	lone := writeFile(t, filepath.Join(t.TempDir(), "bad.txt"), "\xff\xfeA\x00\x00\xd8B\x00")
	if _, errs := readAll(t, []string{lone}, ReadOptions{}); len(errs) != 1 || !strings.Contains(errs[0].Error(), "lone surrogate") {
		t.Errorf("lone surrogate in UTF-16: %v", errs)
	}
}

func TestCoNLLRefusesAnEmptyToken(t *testing.T) {
	path := writeFile(t, filepath.Join(t.TempDir(), "in.conll"), "Talks -X- _ B-CLAIM\n -X- _ B-CLAIM\n")
	recs, errs := readAll(t, []string{path}, ReadOptions{})
	if len(recs) != 0 || len(errs) != 1 || !strings.Contains(errs[0].Error(), ":2:") || !strings.Contains(errs[0].Error(), "token (the first column) is empty") {
		t.Errorf("records %v errors %v", recs, errs)
	}
}
