package annotate

// The names the default label set uses for source mentions and their links.
const (
	LabelSource    = "SOURCE"    // the words naming a statement's source
	RelationSource = "SOURCE_OF" // links a statement (head) to its SOURCE mention (child)
)

// Link is a directed relation between two spans of one document, as brat and
// INCEpTION draw them: Head is the statement, Child the span it relates to (its
// SOURCE mention under SOURCE_OF).
type Link struct {
	ID    int64
	DocID int64
	Head  int64 // span id
	Child int64 // span id
	Label string
}

// Validate checks the link's ends and label.
func (l Link) Validate() error {
	if l.Head <= 0 || l.Child <= 0 {
		return Errorf(EINVALID, "a link needs two spans")
	}
	if l.Head == l.Child {
		return Errorf(EINVALID, "span %d cannot be linked to itself", l.Head)
	}
	if l.Label == "" {
		return Errorf(EINVALID, "a link needs a label")
	}
	if !labelNamePattern.MatchString(l.Label) || len(l.Label) > 64 {
		return Errorf(EINVALID, "link label %q may hold only letters, digits and _ - . : / (no spaces)", l.Label)
	}
	return nil
}

// Other is the span at the other end of the link from id.
func (l Link) Other(id int64) int64 {
	if l.Head == id {
		return l.Child
	}
	return l.Head
}

// ImportLink is a link between two spans of an import record, by their index in
// the record's Spans.
type ImportLink struct {
	Head, Child int
	Label       string
}
