package editor

import (
	"fmt"
	"maps"
	"sort"
	"strings"
	"unicode"

	"github.com/sahilm/fuzzy"

	"github.com/newsmark/newsmark/annotate"
	"github.com/newsmark/newsmark/annotate/dataset"
)

// Attributes, sources and links (issue 11). Each change is one undoable step:
// attribute changes record the span before and after (ActionAttr), links the
// head span before and after (ActionLink, ActionUnlink), and "link source" one
// compound step of the edits it makes.

// Label finds a label by name.
func (e *Editor) Label(name string) (annotate.Label, bool) {
	for _, l := range e.labels {
		if l.Name == name {
			return l, true
		}
	}
	return annotate.Label{}, false
}

// parsedAttrs is what tagging with label fills in from the covered text: the
// casualty parse for CASUALTY (marked parsed), nothing for other labels.
func (e *Editor) parsedAttrs(label string, start, end int) annotate.Attrs {
	if label != annotate.LabelCasualty || e.parseCasualty == nil || e.doc == nil {
		return nil
	}
	l, ok := e.Label(label)
	if !ok {
		return nil
	}
	text := annotate.NewOffsets(e.doc.Text).Slice(start, end)
	return annotate.MarkParsed(l.FitAttrs(e.parseCasualty(text)))
}

// SetAttrs replaces all the attribute values of a span of the open document:
// the primitive of setting, clearing and confirming. A value the label does not
// declare, of the wrong type or not among the choices is refused with the
// store's message and nothing changes.
func (e *Editor) SetAttrs(id int64, attrs annotate.Attrs) (annotate.Span, error) {
	before, ok := e.Span(id)
	if !ok {
		return annotate.Span{}, spanNotOpen(id)
	}
	after, err := e.store.SetSpanAttrs(e.ctx, id, attrs, e.annotator)
	if err != nil {
		return before, err
	}
	if maps.Equal(before.Attrs, after.Attrs) {
		return after, nil
	}
	e.history.record(Step{Action: annotate.ActionAttr, Before: before, After: after})
	e.spanChanged(after)
	return after, nil
}

// SetAttr sets one attribute as the annotator's own value (confirmed).
func (e *Editor) SetAttr(id int64, name string, value annotate.AttrValue) (annotate.Span, error) {
	span, ok := e.Span(id)
	if !ok {
		return annotate.Span{}, spanNotOpen(id)
	}
	attrs := span.Attrs.Clone()
	if attrs == nil {
		attrs = annotate.Attrs{}
	}
	value.Parsed = false
	attrs[name] = value
	return e.SetAttrs(id, attrs)
}

// ClearAttr removes one attribute value.
func (e *Editor) ClearAttr(id int64, name string) (annotate.Span, error) {
	span, ok := e.Span(id)
	if !ok {
		return annotate.Span{}, spanNotOpen(id)
	}
	if _, has := span.Attrs[name]; !has {
		return span, nil
	}
	attrs := span.Attrs.Clone()
	delete(attrs, name)
	return e.SetAttrs(id, attrs)
}

// ConfirmAttrs marks every parsed value of a span as confirmed.
func (e *Editor) ConfirmAttrs(id int64) (annotate.Span, error) {
	span, ok := e.Span(id)
	if !ok {
		return annotate.Span{}, spanNotOpen(id)
	}
	attrs := span.Attrs.Clone()
	for name, v := range attrs {
		v.Parsed = false
		attrs[name] = v
	}
	return e.SetAttrs(id, attrs)
}

// Link links two spans of the open document, head the statement and child its
// SOURCE mention under SOURCE_OF (or label).
func (e *Editor) Link(head, child int64, label string) (annotate.Link, error) {
	step, link, err := e.link(head, child, label)
	if err != nil {
		return annotate.Link{}, err
	}
	e.history.record(step)
	return link, nil
}

func (e *Editor) link(head, child int64, label string) (Step, annotate.Link, error) {
	before, ok := e.Span(head)
	if !ok {
		return Step{}, annotate.Link{}, spanNotOpen(head)
	}
	link, err := e.store.LinkSpans(e.ctx, annotate.Link{Head: head, Child: child, Label: label}, e.annotator)
	if err != nil {
		return Step{}, annotate.Link{}, err
	}
	after, err := e.refreshLinked(head, child)
	if err != nil {
		return Step{}, annotate.Link{}, err
	}
	return Step{Action: annotate.ActionLink, Before: before, After: after}, link, nil
}

// Unlink removes a link between spans of the open document.
func (e *Editor) Unlink(linkID int64) error {
	var link annotate.Link
	for _, s := range e.spans {
		for _, l := range s.Links {
			if l.ID == linkID {
				link = l
			}
		}
	}
	if link.ID == 0 {
		return annotate.Errorf(annotate.ENOTFOUND, "link %d is not in the open document", linkID)
	}
	before, _ := e.Span(link.Head)
	if err := e.store.UnlinkSpans(e.ctx, linkID, e.annotator); err != nil {
		return err
	}
	after, err := e.refreshLinked(link.Head, link.Child)
	if err != nil {
		return err
	}
	e.history.record(Step{Action: annotate.ActionUnlink, Before: before, After: after})
	return nil
}

// refreshLinked rereads the spans given (the two ends of a link) after a link
// changed, publishes them and returns the first as it now stands.
func (e *Editor) refreshLinked(ids ...int64) (annotate.Span, error) {
	var first annotate.Span
	for i, id := range ids {
		span, err := e.store.Span(e.ctx, id)
		if annotate.ErrorCode(err) == annotate.ENOTFOUND {
			continue // deleted since: nothing to redraw
		}
		if err != nil {
			return annotate.Span{}, fmt.Errorf("reread span %d: %w", id, err)
		}
		if i == 0 {
			first = span
		}
		if _, open := e.Span(id); open {
			e.spanChanged(span)
		}
	}
	return first, nil
}

// refreshOthers rereads the spans at the other end of span's links after span
// was removed or restored (their links went or came with it).
func (e *Editor) refreshOthers(span annotate.Span) {
	if len(span.Links) == 0 {
		return
	}
	others := make([]int64, 0, len(span.Links))
	for _, l := range span.Links {
		others = append(others, l.Other(span.ID))
	}
	if _, err := e.refreshLinked(others...); err != nil {
		_ = e.ReloadSpans() // the list is reread whole rather than left stale
	}
}

// LinkSource completes "link source": the words at start–end name the source of
// the statement head. It tags them SOURCE unless a SOURCE span covers exactly
// that range, links the statement to it (SOURCE_OF), and, when the statement's
// label has a source attribute that is still empty, sets it to the words (a
// known source if they are one of its names, else a new source). All of it is
// one step: one undo takes it back.
func (e *Editor) LinkSource(head int64, start, end int) (annotate.Link, error) {
	statement, ok := e.Span(head)
	if !ok {
		return annotate.Link{}, spanNotOpen(head)
	}
	var steps []Step
	var mention annotate.Span
	for _, s := range e.spans {
		if s.Label == annotate.LabelSource && s.Start == start && s.End == end {
			mention = s
		}
	}
	if mention.ID == 0 {
		created, err := e.store.CreateSpan(e.ctx, annotate.Span{DocID: statement.DocID, Start: start, End: end, Label: annotate.LabelSource, Annotator: e.annotator})
		if err != nil {
			return annotate.Link{}, fmt.Errorf("tag the source: %w", err)
		}
		mention = created
		steps = append(steps, Step{Action: annotate.ActionCreate, After: created})
		e.spanAdded(created)
	}
	if mention.ID == head {
		return annotate.Link{}, e.rollback(steps, annotate.Errorf(annotate.EINVALID, "a statement cannot be its own source"))
	}
	step, link, err := e.link(head, mention.ID, annotate.RelationSource)
	if err != nil {
		return annotate.Link{}, e.rollback(steps, err)
	}
	steps = append(steps, step)
	label, _ := e.Label(statement.Label)
	if decl, ok := label.FindDecl("source"); ok && decl.Type == annotate.AttrSource {
		if current, _ := e.Span(head); current.Attrs["source"].Text == "" {
			before := current
			attrs := current.Attrs.Clone()
			if attrs == nil {
				attrs = annotate.Attrs{}
			}
			attrs["source"] = annotate.SourceValue(mention.Text)
			after, err := e.store.SetSpanAttrs(e.ctx, head, attrs, e.annotator)
			if err != nil {
				return annotate.Link{}, e.rollback(steps, err)
			}
			steps = append(steps, Step{Action: annotate.ActionAttr, Before: before, After: after})
			e.spanChanged(after)
		}
	}
	if len(steps) == 1 {
		e.history.record(steps[0])
	} else {
		e.history.record(Step{Action: ActionLinkSource, Group: steps})
	}
	return link, nil
}

// ActionLinkSource names the compound step of LinkSource.
const ActionLinkSource annotate.Action = "link source"

// SourceNames are the names completion offers for a source: every name and
// alias of the project's sources, then the SOURCE mentions of the open document
// and the names in its text (documentNames), each once (ignoring case and
// spacing).
func (e *Editor) SourceNames() ([]string, error) {
	sources, err := e.store.Sources(e.ctx)
	if err != nil {
		return nil, fmt.Errorf("read sources: %w", err)
	}
	seen := map[string]bool{}
	var names []string
	add := func(n string) {
		n = annotate.NormalizeSourceName(n)
		key := strings.ToLower(n)
		if n != "" && !seen[key] {
			seen[key] = true
			names = append(names, n)
		}
	}
	for _, s := range sources {
		for _, n := range s.Names() {
			add(n)
		}
	}
	for _, s := range e.spans {
		if s.Label == annotate.LabelSource {
			add(s.Text)
		}
	}
	if e.doc != nil {
		if e.names.doc != e.doc {
			// Read once per opened document: tokenising a long article on every
			// click would be felt.
			e.names.doc, e.names.list = e.doc, documentNames(e.doc.Text, maxDocumentNames)
		}
		for _, n := range e.names.list {
			add(n)
		}
	}
	return names, nil
}

// nameCache holds the names found in the open document's text.
type nameCache struct {
	doc  *annotate.Document // the document they were read from
	list []string
}

// maxDocumentNames bounds what a long document adds to completion.
const maxDocumentNames = 500

// documentNames finds names in a text: runs of two to four capitalised words
// separated by a single space or NBSP ("Ilse Marrow", "Red Cross", "Ana Pavić"),
// in text order, each once, at most limit.
func documentNames(text string, limit int) []string {
	tokens := dataset.Tokenize(text)
	runes := []rune(text)
	capitalised := func(t dataset.Token) bool {
		r := []rune(t.Text)
		return len(r) > 1 && unicode.IsUpper(r[0]) && unicode.IsLetter(r[1])
	}
	joined := func(a, b dataset.Token) bool {
		gap := runes[a.End:b.Start]
		return len(gap) == 1 && (gap[0] == ' ' || gap[0] == '\u00a0')
	}
	seen := map[string]bool{}
	var names []string
	for i := 0; i < len(tokens) && len(names) < limit; {
		if !capitalised(tokens[i]) {
			i++
			continue
		}
		j := i + 1
		for j < len(tokens) && j-i < 4 && capitalised(tokens[j]) && joined(tokens[j-1], tokens[j]) {
			j++
		}
		if j-i >= 2 {
			name := annotate.NormalizeSourceName(string(runes[tokens[i].Start:tokens[j-1].End]))
			if !seen[name] {
				seen[name] = true
				names = append(names, name)
			}
		}
		i = j
	}
	return names
}

// SuggestSources ranks names for what the user has typed (sahilm/fuzzy: letters
// in order, word starts preferred), best first, at most limit; an empty query
// lists the names in order.
func SuggestSources(names []string, typed string, limit int) []string {
	typed = strings.TrimSpace(typed)
	if typed == "" {
		out := append([]string(nil), names...)
		sort.SliceStable(out, func(i, j int) bool { return strings.ToLower(out[i]) < strings.ToLower(out[j]) })
		if len(out) > limit {
			out = out[:limit]
		}
		return out
	}
	matches := fuzzy.FindFrom(strings.ToLower(typed), lowerNames(names))
	var out []string
	for _, m := range matches {
		out = append(out, names[m.Index])
		if len(out) == limit {
			break
		}
	}
	return out
}

// lowerNames is the names in lower case, so "marrow" finds "Ilse Marrow".
type lowerNames []string

func (l lowerNames) String(i int) string { return strings.ToLower(l[i]) }
func (l lowerNames) Len() int            { return len(l) }

var _ fuzzy.Source = lowerNames(nil)

// DeclareAttribute adds an attribute to a label (or changes the declaration of
// that name) and rereads the labels. Not an undoable step: like editing a label,
// it changes the label set, not an annotation.
func (e *Editor) DeclareAttribute(label string, decl annotate.AttrDecl) error {
	if _, err := e.store.DeclareAttribute(e.ctx, label, decl); err != nil {
		return err
	}
	return e.ReloadLabels()
}

// RemoveAttribute removes a label's attribute with every value of it, rereads
// the labels and the open document's spans, and returns how many values went.
func (e *Editor) RemoveAttribute(label, name string) (int, error) {
	removed, err := e.store.RemoveAttribute(e.ctx, label, name)
	if err != nil {
		return 0, err
	}
	if err := e.ReloadLabels(); err != nil {
		return removed, err
	}
	return removed, e.ReloadSpans()
}
