package annotate

import (
	"sort"
	"unicode/utf8"
)

// Unit is the unit in which a file counts offsets. Newsmark itself always counts
// code points; other units exist only at the edges, for import and export.
type Unit string

const (
	UnitCodepoint Unit = "codepoint" // Python's str indexing; spaCy, Prodigy, Label Studio
	UnitUTF16     Unit = "utf16"     // JavaScript string indexing; doccano's and INCEpTION's web editors
	UnitByte      Unit = "byte"      // UTF-8 bytes; Go string indexing
)

// ParseUnit reads an offset unit name as given on the command line.
func ParseUnit(name string) (Unit, error) {
	switch Unit(name) {
	case UnitCodepoint, UnitUTF16, UnitByte:
		return Unit(name), nil
	case "":
		return UnitCodepoint, nil
	}
	return "", Errorf(EINVALID, "unknown offset unit %q (want codepoint, utf16 or byte)", name)
}

// Offsets converts positions in one text between code points, UTF-8 bytes and
// UTF-16 code units, in any order. With Walker (one forward pass, for sorted
// positions) it is the one place in Newsmark that does so: everything else counts
// code points and calls these at the edges.
//
// Building it costs one pass over the text; ASCII text, the common case, needs no
// tables because all three units agree.
type Offsets struct {
	text   string
	length int     // code points
	ascii  bool    // every unit agrees
	bytes  []int32 // bytes[i] is the byte offset of code point i; len = length+1
	utf16  []int32 // utf16[i] is the UTF-16 offset of code point i; built on first use
}

// NewOffsets indexes text, which must be valid UTF-8.
func NewOffsets(text string) *Offsets {
	o := &Offsets{text: text, ascii: true}
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			o.ascii = false
			break
		}
	}
	if o.ascii {
		o.length = len(text)
		return o
	}
	o.bytes = make([]int32, 0, len(text)+1)
	for byteOffset := range text {
		o.bytes = append(o.bytes, int32(byteOffset))
	}
	o.length = len(o.bytes)
	o.bytes = append(o.bytes, int32(len(text)))
	return o
}

// Len is the text's length in code points.
func (o *Offsets) Len() int { return o.length }

// LenIn is the text's length in the given unit.
func (o *Offsets) LenIn(unit Unit) int {
	n, _ := o.ToUnit(o.length, unit)
	return n
}

// Slice returns text[start:end] counted in code points, as Python would. The caller
// has checked 0 <= start <= end <= Len().
func (o *Offsets) Slice(start, end int) string {
	if o.ascii {
		return o.text[start:end]
	}
	return o.text[o.bytes[start]:o.bytes[end]]
}

// ByteOffset is the UTF-8 byte offset of code point cp (0 <= cp <= Len()).
func (o *Offsets) ByteOffset(cp int) int {
	if o.ascii {
		return cp
	}
	return int(o.bytes[cp])
}

// ToUnit converts a code-point offset to the given unit.
func (o *Offsets) ToUnit(cp int, unit Unit) (int, error) {
	if cp < 0 || cp > o.length {
		return 0, Errorf(EINVALID, "offset %d is outside the text (length %d)", cp, o.length)
	}
	if o.ascii {
		return cp, nil
	}
	switch unit {
	case UnitByte:
		return int(o.bytes[cp]), nil
	case UnitUTF16:
		return int(o.utf16Table()[cp]), nil
	default:
		return cp, nil
	}
}

// FromUnit converts an offset in the given unit to code points. It fails if the
// offset is outside the text or falls inside a character (the middle of a UTF-8
// sequence or between the halves of a surrogate pair), which means the file was
// written in another unit than the one claimed.
func (o *Offsets) FromUnit(offset int, unit Unit) (int, error) {
	limit := o.LenIn(unit)
	if offset < 0 || offset > limit {
		return 0, Errorf(EINVALID, "offset %d is outside the text (length %d in %s units)", offset, limit, unitName(unit))
	}
	if o.ascii || unit == UnitCodepoint || unit == "" {
		return offset, nil
	}
	table := o.bytes
	if unit == UnitUTF16 {
		table = o.utf16Table()
	}
	cp := sort.Search(len(table), func(i int) bool { return int(table[i]) >= offset })
	if cp >= len(table) || int(table[cp]) != offset {
		return 0, Errorf(EINVALID, "offset %d falls inside a character in %s units (are the offsets in another unit?)", offset, unitName(unit))
	}
	return cp, nil
}

func (o *Offsets) utf16Table() []int32 {
	if o.utf16 != nil {
		return o.utf16
	}
	table := make([]int32, 0, o.length+1)
	units := int32(0)
	for _, r := range o.text {
		table = append(table, units)
		if r >= 0x10000 {
			units += 2
		} else {
			units++
		}
	}
	o.utf16 = append(table, units)
	return o.utf16
}

func unitName(unit Unit) string {
	if unit == "" {
		return string(UnitCodepoint)
	}
	return string(unit)
}

// RuneLen is the length of s in code points.
func RuneLen(s string) int { return utf8.RuneCountInString(s) }
