package casualty

import "github.com/newsmark/newsmark/annotate"

// SpanAttrs parses a CASUALTY span's text into its attribute values, as
// annotate.CasualtyParser wants them: count or min/max as numbers, kind and
// qualifier as choices, group as text, every value marked parsed (a person has
// not confirmed it). It is what tagging and import use.
func SpanAttrs(text string) annotate.Attrs {
	f := Parse(text)
	attrs := annotate.Attrs{"qualifier": {Type: annotate.AttrChoice, Text: f.Qualifier}}
	number := func(name string, n *int64) {
		if n != nil {
			attrs[name] = annotate.NumberValue(float64(*n))
		}
	}
	number("count", f.Count)
	number("min", f.Min)
	number("max", f.Max)
	if f.Kind != "" {
		attrs["kind"] = annotate.AttrValue{Type: annotate.AttrChoice, Text: f.Kind}
	}
	if f.Group != "" {
		attrs["group"] = annotate.TextValue(f.Group)
	}
	return annotate.MarkParsed(attrs)
}

var _ annotate.CasualtyParser = SpanAttrs
