package annotate

import (
	"encoding/json"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// AttrType is what kind of value an attribute takes.
type AttrType string

const (
	AttrText   AttrType = "text"   // free text
	AttrNumber AttrType = "number" // a number (counts are whole numbers, but 2.5 is allowed)
	AttrChoice AttrType = "choice" // one of the declaration's options
	AttrBool   AttrType = "bool"   // yes or no
	// AttrSource is text naming one of the project's sources (Source): setting it
	// finds the source by name or alias, or creates one. The default `source`
	// attribute of QUOTE, CLAIM and DEMAND has this type.
	AttrSource AttrType = "source"
)

// AttrTypes lists every attribute type in the order forms show them.
func AttrTypes() []AttrType {
	return []AttrType{AttrText, AttrNumber, AttrChoice, AttrBool, AttrSource}
}

// ParseAttrType reads a type as typed by a user; "yes/no", "yesno" and "boolean"
// mean bool.
func ParseAttrType(s string) (AttrType, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "string":
		return AttrText, nil
	case "number", "num", "int", "integer":
		return AttrNumber, nil
	case "choice", "enum":
		return AttrChoice, nil
	case "bool", "boolean", "yes/no", "yesno":
		return AttrBool, nil
	case "source":
		return AttrSource, nil
	}
	return "", Errorf(EINVALID, "unknown attribute type %q (want text, number, choice, bool or source)", s)
}

// AttrDecl declares an attribute a label's spans may carry.
type AttrDecl struct {
	Name    string
	Type    AttrType
	Options []string // the choices of a choice attribute, in the order shown
}

var attrNamePattern = regexp.MustCompile(`^[\p{Ll}\p{Lu}\p{N}_]+$`)

// reservedAttrNames travel as span fields (note, annotator) or are written by
// exports (text, label, ...): an attribute of that name would be lost or clash.
var reservedAttrNames = []string{"note", "annotator", "label", "text", "start", "end", "id"}

// Validate checks the declaration's name, type and options.
func (d AttrDecl) Validate() error {
	if d.Name == "" {
		return Errorf(EINVALID, "an attribute needs a name")
	}
	if len(d.Name) > 64 || !attrNamePattern.MatchString(d.Name) {
		return Errorf(EINVALID, "attribute name %q may hold only letters, digits and _ (at most 64 bytes)", d.Name)
	}
	if slices.Contains(reservedAttrNames, d.Name) {
		return Errorf(EINVALID, "attribute name %q is reserved (%s travel as span fields)", d.Name, strings.Join(reservedAttrNames, ", "))
	}
	switch d.Type {
	case AttrText, AttrNumber, AttrBool, AttrSource:
		if len(d.Options) > 0 {
			return Errorf(EINVALID, "attribute %s: only a choice attribute takes options", d.Name)
		}
	case AttrChoice:
		if len(d.Options) == 0 {
			return Errorf(EINVALID, "attribute %s: a choice attribute needs options", d.Name)
		}
		seen := map[string]bool{}
		for _, o := range d.Options {
			if strings.TrimSpace(o) == "" || o != strings.TrimSpace(o) {
				return Errorf(EINVALID, "attribute %s: option %q is empty or has space around it", d.Name, o)
			}
			if seen[strings.ToLower(o)] {
				return Errorf(EINVALID, "attribute %s: option %q is given twice", d.Name, o)
			}
			seen[strings.ToLower(o)] = true
		}
	default:
		return Errorf(EINVALID, "attribute %s: unknown type %q (want text, number, choice, bool or source)", d.Name, d.Type)
	}
	return nil
}

// Describe is the declaration as the command line lists it: "kind (choice: a, b)".
func (d AttrDecl) Describe() string {
	if d.Type == AttrChoice {
		return fmt.Sprintf("%s (choice: %s)", d.Name, strings.Join(d.Options, ", "))
	}
	return fmt.Sprintf("%s (%s)", d.Name, d.Type)
}

// AttrValue is one attribute's value on a span. Text holds text, choice and source
// values; Number and Bool the others. Parsed marks a value filled in by a parser
// (a casualty figure read from the span's text) that no person has confirmed.
type AttrValue struct {
	Type   AttrType
	Text   string
	Number float64
	Bool   bool
	Parsed bool
}

// TextValue, NumberValue and BoolValue build values.
func TextValue(s string) AttrValue      { return AttrValue{Type: AttrText, Text: s} }
func NumberValue(n float64) AttrValue   { return AttrValue{Type: AttrNumber, Number: n} }
func BoolValue(b bool) AttrValue        { return AttrValue{Type: AttrBool, Bool: b} }
func SourceValue(name string) AttrValue { return AttrValue{Type: AttrSource, Text: name} }

// String is the value as a form or a brat A line shows it.
func (v AttrValue) String() string {
	switch v.Type {
	case AttrNumber:
		return strconv.FormatFloat(v.Number, 'f', -1, 64)
	case AttrBool:
		if v.Bool {
			return "true"
		}
		return "false"
	}
	return v.Text
}

// JSON is the value as attrs carries it: a number, a boolean or a string.
func (v AttrValue) JSON() any {
	switch v.Type {
	case AttrNumber:
		return v.Number
	case AttrBool:
		return v.Bool
	}
	return v.Text
}

// Equal compares the values, Parsed included.
func (v AttrValue) Equal(o AttrValue) bool { return v == o }

// ValueFromJSON turns a decoded JSON value (string, float64, json.Number, bool)
// into an attribute value of the matching type; field names it in errors.
func ValueFromJSON(field string, raw any) (AttrValue, error) {
	switch x := raw.(type) {
	case string:
		return TextValue(x), nil
	case bool:
		return BoolValue(x), nil
	case float64:
		return NumberValue(x), nil
	case json.Number:
		n, err := x.Float64()
		if err != nil {
			return AttrValue{}, Errorf(EINVALID, "%s: %s is not a number", field, x)
		}
		return NumberValue(n), nil
	case nil:
		return AttrValue{}, Errorf(EINVALID, "%s is null: leave the attribute out instead", field)
	}
	return AttrValue{}, Errorf(EINVALID, "%s must be a string, a number or true/false, not %T", field, raw)
}

// Coerce checks v against the declaration and converts what can be converted
// without guessing: text "14" for a number, "yes"/"no"/"true"/"false" for a bool,
// a choice in another letter case to the declared spelling, text to a source
// name. Anything else is a clear error naming the label and attribute.
func (d AttrDecl) Coerce(label string, v AttrValue) (AttrValue, error) {
	out := v
	out.Type = d.Type
	fail := func(want string) (AttrValue, error) {
		return AttrValue{}, Errorf(EINVALID, "attribute %s of %s wants %s, got %s", d.Name, label, want, v.quoted())
	}
	switch d.Type {
	case AttrText, AttrSource:
		if v.Type != AttrText && v.Type != AttrSource && v.Type != AttrChoice {
			out.Text = v.String()
		}
		out.Number, out.Bool = 0, false
		if d.Type == AttrSource {
			out.Text = NormalizeSourceName(out.Text)
			if out.Text == "" {
				return AttrValue{}, Errorf(EINVALID, "attribute %s of %s: a source name cannot be empty", d.Name, label)
			}
		}
	case AttrNumber:
		switch v.Type {
		case AttrNumber:
		case AttrText, AttrChoice:
			n, err := strconv.ParseFloat(strings.TrimSpace(v.Text), 64)
			if err != nil {
				return fail("a number")
			}
			out.Number, out.Text = n, ""
		default:
			return fail("a number")
		}
		if math.IsNaN(out.Number) || math.IsInf(out.Number, 0) {
			return fail("a finite number")
		}
	case AttrBool:
		switch v.Type {
		case AttrBool:
		case AttrText, AttrChoice:
			switch strings.ToLower(strings.TrimSpace(v.Text)) {
			case "true", "yes", "y", "1":
				out.Bool = true
			case "false", "no", "n", "0":
				out.Bool = false
			default:
				return fail("yes or no")
			}
			out.Text = ""
		default:
			return fail("yes or no")
		}
	case AttrChoice:
		given := v.Text
		if v.Type == AttrNumber || v.Type == AttrBool {
			given = v.String() // a choice "1" read from a format without types
		}
		found := false
		for _, o := range d.Options {
			if strings.EqualFold(o, strings.TrimSpace(given)) {
				out.Text, found = o, true
				break
			}
		}
		if !found {
			return AttrValue{}, Errorf(EINVALID, "attribute %s of %s: %q is not one of its choices (%s)", d.Name, label, given, strings.Join(d.Options, ", "))
		}
		out.Number, out.Bool = 0, false
	default:
		return AttrValue{}, Errorf(EINVALID, "attribute %s: unknown type %q", d.Name, d.Type)
	}
	return out, nil
}

func (v AttrValue) quoted() string {
	if v.Type == AttrNumber || v.Type == AttrBool {
		return v.String()
	}
	return strconv.Quote(v.Text)
}

// InferDecl is the declaration an import creates for an attribute a label does
// not declare, from the first value met: numbers make a number attribute,
// booleans a bool, text a text attribute (source for the name "source").
func InferDecl(name string, v AttrValue) AttrDecl {
	switch {
	case name == "source":
		return AttrDecl{Name: name, Type: AttrSource}
	case v.Type == AttrNumber || v.Type == AttrBool:
		return AttrDecl{Name: name, Type: v.Type}
	}
	return AttrDecl{Name: name, Type: AttrText}
}

// Attrs are a span's attribute values by name.
type Attrs map[string]AttrValue

// Names returns the attribute names in sorted order.
func (a Attrs) Names() []string {
	names := make([]string, 0, len(a))
	for name := range a {
		names = append(names, name)
	}
	sort.Strings(names)
	return names
}

// Clone copies the map (nil stays nil).
func (a Attrs) Clone() Attrs {
	if a == nil {
		return nil
	}
	out := make(Attrs, len(a))
	for k, v := range a {
		out[k] = v
	}
	return out
}

// Confirmed reports whether no value is still a parser's unconfirmed guess.
func (a Attrs) Confirmed() bool {
	for _, v := range a {
		if v.Parsed {
			return false
		}
	}
	return true
}

// FindDecl returns the label's declaration of the attribute name.
func (l Label) FindDecl(name string) (AttrDecl, bool) {
	for _, d := range l.Attrs {
		if d.Name == name {
			return d, true
		}
	}
	return AttrDecl{}, false
}

// CheckAttrs checks every value of attrs against the label's declarations and
// returns them coerced: an undeclared attribute, a value of the wrong type or
// an unknown choice is an error naming the attribute.
func (l Label) CheckAttrs(attrs Attrs) (Attrs, error) {
	if len(attrs) == 0 {
		return nil, nil
	}
	out := make(Attrs, len(attrs))
	for _, name := range attrs.Names() {
		decl, ok := l.FindDecl(name)
		if !ok {
			return nil, Errorf(EINVALID, "label %s has no attribute %q (it has: %s)", l.Name, name, l.attrNames())
		}
		v, err := decl.Coerce(l.Name, attrs[name])
		if err != nil {
			return nil, err
		}
		out[name] = v
	}
	return out, nil
}

func (l Label) attrNames() string {
	if len(l.Attrs) == 0 {
		return "none"
	}
	names := make([]string, len(l.Attrs))
	for i, d := range l.Attrs {
		names[i] = d.Name
	}
	return strings.Join(names, ", ")
}

// FitAttrs keeps the values of attrs that the label declares and that fit their
// declaration (coerced), and drops the rest: what a parser's guess becomes when
// the label set has been changed since the parser was written.
func (l Label) FitAttrs(attrs Attrs) Attrs {
	var out Attrs
	for _, name := range attrs.Names() {
		decl, ok := l.FindDecl(name)
		if !ok {
			continue
		}
		v, err := decl.Coerce(l.Name, attrs[name])
		if err != nil {
			continue
		}
		if out == nil {
			out = Attrs{}
		}
		out[name] = v
	}
	return out
}
