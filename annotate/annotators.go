package annotate

import "slices"

// DefaultCurator is the annotator whose layer holds the curated (gold)
// annotations unless the user names another.
const DefaultCurator = "curator"

// CheckAnnotatorName refuses a name that cannot hold one person's annotations:
// an empty one, or the curated layer's name (their work would be taken for the
// gold set).
func CheckAnnotatorName(name, curator string) error {
	if name == "" {
		return Errorf(EINVALID, "the annotator name is empty")
	}
	if name == curator {
		return Errorf(EINVALID, "%q is the curated layer's name; choose another annotator name (or name the curated layer differently with --curator)", name)
	}
	return nil
}

// LayerFilter picks the documents and annotators whose layers are read for
// agreement and curation.
type LayerFilter struct {
	Annotators []string // only these annotators' spans; empty for everyone's
	Exclude    []string // never these annotators' spans (say, the curated layer)
	DocIDs     []int64  // only these documents; empty for all
	Labels     []string // only spans with these labels; empty for all
	// MinAnnotators skips documents that fewer of the chosen annotators have
	// annotated (at least one span each).
	MinAnnotators int
	// Sources fills in each span's source, as Attrs{"source": name}: its
	// source attribute (the source's name), else the words of the SOURCE
	// mention it is linked to (SOURCE_OF). Spans without either get no Attrs.
	Sources bool
}

// DocumentLayers is one document with the spans of several annotators.
type DocumentLayers struct {
	ID         int64
	Title      string
	Length     int      // in code points
	Annotators []string // who has spans here, in name order
	// Spans are everyone's, by start and then end. Only ID, DocID, Start, End, Label and
	// Annotator are filled in (and the source, with LayerFilter.Sources):
	// agreement needs no text, note or times.
	Spans []Span
}

// Layer is one annotator's spans, in the order of Spans.
func (d DocumentLayers) Layer(annotator string) []Span {
	var out []Span
	for _, s := range d.Spans {
		if s.Annotator == annotator {
			out = append(out, s)
		}
	}
	return out
}

// Has reports whether the annotator has spans in the document.
func (d DocumentLayers) Has(annotator string) bool {
	_, found := slices.BinarySearch(d.Annotators, annotator)
	return found
}

// AnnotatorProgress is how far one annotator has got.
type AnnotatorProgress struct {
	Name      string
	Documents int // documents with at least one of their spans
	Spans     int
	Done      int // of those documents, how many are marked done
}

// Progress says who annotated what, and which documents still lack a second
// annotator.
type Progress struct {
	Annotators []AnnotatorProgress // in name order, the curated layer included
	Documents  int                 // all documents
	// Unannotated, Single and Shared count documents with spans by no, one, and
	// two or more annotators; the curated layer does not count as an annotator.
	Unannotated, Single, Shared int
	// NeedSecond lists the documents with exactly one annotator, in id order.
	NeedSecond []SingleAnnotated
}

// SingleAnnotated is a document only one annotator has worked on.
type SingleAnnotated struct {
	ID        int64
	Title     string
	Annotator string
}

// RangeLink is a link between two spans of one annotator in one document, its
// ends named by their start, end and label (Head and Child: only Start, End
// and Label are read), for spans being stored in the same call
// (Store.AddLinkedSpans).
type RangeLink struct {
	DocID       int64
	Annotator   string
	Label       string // SOURCE_OF
	Head, Child Span
}
