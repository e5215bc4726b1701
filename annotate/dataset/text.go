package dataset

import (
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf16"
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
	if text, isUTF16, err := decodeUTF16(data); isUTF16 {
		if err != nil {
			return "", err
		}
		data = []byte(text)
	}
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

// decodeUTF16 decodes text that starts with a UTF-16 byte order mark (Windows
// tools such as Notepad and PowerShell write it) into UTF-8; isUTF16 is false
// for anything else. The mark itself is dropped, as a UTF-8 one is.
func decodeUTF16(data []byte) (text string, isUTF16 bool, err error) {
	var order binary.ByteOrder
	var name string
	switch {
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		order, name = binary.LittleEndian, "UTF-16LE"
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		order, name = binary.BigEndian, "UTF-16BE"
	default:
		return "", false, nil
	}
	data = data[2:]
	if len(data)%2 != 0 {
		return "", true, annotate.Errorf(annotate.EINVALID, "is %s (it starts with its byte order mark) but has an odd number of bytes; it is cut short or not text", name)
	}
	units := make([]uint16, len(data)/2)
	for i := range units {
		units[i] = order.Uint16(data[2*i:])
	}
	for i := 0; i < len(units); i++ {
		u := units[i]
		switch {
		case u >= 0xD800 && u <= 0xDBFF && i+1 < len(units) && units[i+1] >= 0xDC00 && units[i+1] <= 0xDFFF:
			i++
		case u >= 0xD800 && u <= 0xDFFF:
			return "", true, annotate.Errorf(annotate.EINVALID, "is %s but has a lone surrogate 0x%04X at byte offset %d; it is damaged", name, u, 2+2*i)
		}
	}
	return string(utf16.Decode(units)), true, nil
}
