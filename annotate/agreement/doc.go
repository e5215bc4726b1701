// Package agreement measures how far two annotators' layers of the same documents
// agree, and finds what several annotators agree on for curation. It is pure Go:
// callers hand it spans, it returns numbers.
//
// Definitions (the README repeats them for researchers):
//
//   - Exact match: a span of A and a span of B with the same start, end and label.
//     Exact F1 = 2·matches / (A's spans + B's spans); it does not change when A and
//     B swap. Precision is matches / A's spans (A judged against B), recall is
//     matches / B's spans.
//   - Overlap match: a one-to-one pairing of A's and B's spans of the same label
//     that share at least one code point, as many pairs as possible (a maximum
//     bipartite matching; found greedily by end offset, which is optimal for
//     intervals, preferring a partner with the same start). Overlap F1, precision
//     and recall are computed as for exact matches. Every exact match is an overlap
//     match, so overlap F1 ≥ exact F1. This is Hripcsak & Rothschild's (2005) F
//     measure with a lenient match criterion, suited to span annotation where
//     negatives cannot be counted.
//   - α_u: Krippendorff's alpha for unitizing (Krippendorff 1995; 2004, Content
//     Analysis, 2nd ed., ch. 12) at the level of code points, computed per label
//     as DKPro Agreement's KrippendorffAlphaUnitizingAgreement does, which
//     INCEpTION uses. The continuum is the texts of the compared documents laid
//     end to end (document order), so one α_u covers the whole set. A
//     rater's spans of one label that overlap an earlier span of that label by the
//     same rater are left out, as INCEpTION does, since α_u needs non-overlapping
//     units. The micro value is 1 − mean D_o / mean D_e over the labels that
//     have at least one span (DKPro's overall α_u). It is undefined (NaN) when
//     D_e = 0, e.g. when neither annotator used the label.
//   - κ: Cohen's kappa over items that both annotators marked with the same
//     boundaries (same start and end, any label). An item's category is the
//     label each gave it; when one annotator gave one range several labels, equal
//     labels pair up first and the rest pair in name order. The per-label κ is the
//     2×2 kappa of "this label" against "any other label" on the same items.
//     Undefined (NaN) when the expected agreement is 1 (for instance, every item
//     carries the same label) or there are no items.
//   - Source agreement: over overlap-matched pairs where at least one of the two
//     spans names a source, the share whose sources are equal after trimming and
//     case folding, per label and micro (Measures.SourceAgreement). ComparePairs
//     takes a span's source from its source attribute, else from the SOURCE
//     mention it is linked to (storage fills attrs.source: LayerFilter.Sources).
//
// For curation, Agreed finds the spans enough annotators share, MergeAttrs the
// attribute values their copies hold alike, and AgreedRelations the links they
// all have.
package agreement
