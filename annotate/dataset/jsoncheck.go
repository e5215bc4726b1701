package dataset

import (
	"bytes"
	"strconv"

	"github.com/newsmark/newsmark/annotate"
)

// maxJSONDepth caps how deeply a record's JSON may nest. Newsmark would store and
// export deeper meta, but the readers of its exports would not: Python's json
// module gives up near a thousand levels, and other parsers far sooner. 64 levels
// is more than any real metadata uses.
const maxJSONDepth = 64

// checkJSONLine refuses what encoding/json accepts but should not be stored: a
// lone UTF-16 surrogate escape (Go turns "\ud800" into U+FFFD without a word,
// changing the text), and nesting deeper than maxJSONDepth. Both look only at
// lines that could hold the problem, so plain records cost two byte scans.
func checkJSONLine(line []byte) error {
	if bytes.Contains(line, []byte(`\u`)) {
		if col, esc := loneSurrogate(line); col >= 0 {
			return annotate.Errorf(annotate.EINVALID,
				"lone UTF-16 surrogate %s at column %d: a surrogate escape must be half of a pair (it would be stored as U+FFFD)", esc, col+1)
		}
	}
	if bytes.Count(line, []byte("{"))+bytes.Count(line, []byte("[")) > maxJSONDepth {
		if depth := jsonDepth(line); depth > maxJSONDepth {
			return annotate.Errorf(annotate.EINVALID,
				"the record nests %d levels deep, over the limit of %d (Python's json and other readers fail on deep nesting)", depth, maxJSONDepth)
		}
	}
	return nil
}

// loneSurrogate finds the first \uD800-\uDFFF escape that is not part of a
// high-low pair; col is its byte offset, or -1.
func loneSurrogate(line []byte) (col int, escape string) {
	inString := false
	for i := 0; i < len(line); i++ {
		c := line[i]
		if !inString {
			if c == '"' {
				inString = true
			}
			continue
		}
		switch c {
		case '"':
			inString = false
		case '\\':
			if i+1 < len(line) && line[i+1] == 'u' {
				unit, ok := hexUnit(line, i+2)
				switch {
				case ok && unit >= 0xD800 && unit <= 0xDBFF:
					if low, ok := hexUnit(line, i+8); ok && line[i+6] == '\\' && line[i+7] == 'u' && low >= 0xDC00 && low <= 0xDFFF {
						i += 11
						continue
					}
					return i, string(line[i : i+6])
				case ok && unit >= 0xDC00 && unit <= 0xDFFF:
					return i, string(line[i : i+6])
				}
				i += 5
				continue
			}
			i++ // skip the escaped character
		}
	}
	return -1, ""
}

// hexUnit reads four hex digits at line[at:].
func hexUnit(line []byte, at int) (uint64, bool) {
	if at+4 > len(line) {
		return 0, false
	}
	n, err := strconv.ParseUint(string(line[at:at+4]), 16, 16)
	return n, err == nil
}

// jsonDepth is the deepest nesting of objects and arrays in data, outside strings.
func jsonDepth(data []byte) int {
	depth, deepest := 0, 0
	inString := false
	for i := 0; i < len(data); i++ {
		c := data[i]
		if inString {
			switch c {
			case '\\':
				i++
			case '"':
				inString = false
			}
			continue
		}
		switch c {
		case '"':
			inString = true
		case '{', '[':
			depth++
			deepest = max(deepest, depth)
		case '}', ']':
			depth--
		}
	}
	return deepest
}
