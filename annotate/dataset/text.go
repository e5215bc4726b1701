package dataset

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"github.com/newsmark/newsmark/annotate"
)

// utf8BOM is dropped from the start of every text read.
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// binarySample is how much of a file the binary check looks at; enough to catch
// images, PDFs and archives by their headers without scanning a whole book.
const binarySample = 8 << 10

// checkText turns a file's bytes into a document text: a leading BOM removed, every
// other byte kept (CRLF too). It refuses binary data, invalid UTF-8 (naming the byte
// offset) and text that is empty or only whitespace.
func checkText(data []byte) (string, error) {
	bomLen := 0
	if bytes.HasPrefix(data, utf8BOM) {
		data, bomLen = data[len(utf8BOM):], len(utf8BOM)
	}
	if looksBinary(data) {
		return "", annotate.Errorf(annotate.EINVALID, "looks like a binary file, not text (NUL bytes or mostly control characters)")
	}
	if !utf8.Valid(data) {
		at := invalidUTF8At(data)
		return "", annotate.Errorf(annotate.EINVALID, "is not valid UTF-8: bad byte 0x%02X at byte offset %d (convert the file to UTF-8 first)", data[at], at+bomLen)
	}
	text := string(data)
	if strings.TrimSpace(text) == "" {
		if text == "" {
			return "", annotate.Errorf(annotate.EINVALID, "is empty")
		}
		return "", annotate.Errorf(annotate.EINVALID, "holds only whitespace")
	}
	return text, nil
}

// looksBinary reports a NUL byte anywhere in the sample, or a sample in which more
// than one byte in ten is a C0 control character other than tab, newline, CR, form
// feed and vertical tab.
func looksBinary(data []byte) bool {
	sample := data
	if len(sample) > binarySample {
		sample = sample[:binarySample]
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return true
	}
	controls := 0
	for _, b := range sample {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1B {
			controls++
		}
	}
	return len(sample) > 0 && controls*10 > len(sample)
}

// invalidUTF8At is the byte offset of the first byte that is not valid UTF-8.
func invalidUTF8At(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}
