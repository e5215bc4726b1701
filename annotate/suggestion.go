package annotate

// StoredSuggestion is a proposed span kept in the database for the workbench
// (issue 12): `newsmark suggest --apply` stores them as pending; a rejected one is
// remembered by document, label and range and never proposed again there.
// Offsets are code points.
type StoredSuggestion struct {
	ID         int64
	DocID      int64
	Start, End int
	Label      string
	Text       string
	Rule       string  // "QUOTE: paired curly quotes", …
	Confidence float64 // 0–1
	// Source is the proposed speaker or demander ("" for none); the mention is
	// the words it was found from, MentionStart < 0 when there is none.
	Source                   string
	MentionStart, MentionEnd int
	MentionRule              string
	Attrs                    map[string]any // CASUALTY attributes; nil for none
}

// Validate checks the suggestion against its document's length in code points.
func (s StoredSuggestion) Validate(docLength int) error {
	if s.Label == "" {
		return Errorf(EINVALID, "suggestion %d-%d has no label", s.Start, s.End)
	}
	if s.Start < 0 || s.End > docLength || s.Start >= s.End {
		return Errorf(EINVALID, "suggestion %s %d-%d is outside the document (length %d) or empty", s.Label, s.Start, s.End, docLength)
	}
	if s.MentionStart >= 0 && (s.MentionEnd > docLength || s.MentionStart >= s.MentionEnd) {
		return Errorf(EINVALID, "suggestion %s %d-%d: its source mention %d-%d is outside the document or empty", s.Label, s.Start, s.End, s.MentionStart, s.MentionEnd)
	}
	if s.Confidence < 0 || s.Confidence > 1 {
		return Errorf(EINVALID, "suggestion %s %d-%d: confidence %v is not between 0 and 1", s.Label, s.Start, s.End, s.Confidence)
	}
	return nil
}
