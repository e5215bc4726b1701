package dataset

import (
	"encoding/binary"
	"hash/fnv"
	"math"
	"regexp"
	"strconv"
	"strings"

	"github.com/newsmark/newsmark/annotate"
)

// SplitPart is one named share of an export split by document.
type SplitPart struct {
	Name     string
	Fraction float64
}

var splitNamePattern = regexp.MustCompile(`^[A-Za-z0-9_-]+$`)

// ParseSplit reads "train=0.8,dev=0.1,test=0.1". Names are letters, digits, _ and -,
// each used once; fractions are positive and add up to 1.
func ParseSplit(spec string) ([]SplitPart, error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, nil
	}
	var parts []SplitPart
	seen := map[string]bool{}
	sum := 0.0
	for _, item := range strings.Split(spec, ",") {
		name, value, ok := strings.Cut(strings.TrimSpace(item), "=")
		name = strings.TrimSpace(name)
		if !ok || name == "" {
			return nil, annotate.Errorf(annotate.EINVALID, "split %q: want NAME=FRACTION, e.g. train=0.8,dev=0.1,test=0.1", item)
		}
		if !splitNamePattern.MatchString(name) {
			return nil, annotate.Errorf(annotate.EINVALID, "split name %q may hold only letters, digits, _ and -", name)
		}
		if seen[name] {
			return nil, annotate.Errorf(annotate.EINVALID, "split name %q is given twice", name)
		}
		seen[name] = true
		fraction, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || math.IsNaN(fraction) || fraction <= 0 || fraction > 1 {
			return nil, annotate.Errorf(annotate.EINVALID, "split %s=%s: the fraction must be a number above 0 and at most 1", name, value)
		}
		sum += fraction
		parts = append(parts, SplitPart{Name: name, Fraction: fraction})
	}
	if math.Abs(sum-1) > 1e-6 {
		return nil, annotate.Errorf(annotate.EINVALID, "split fractions add up to %g, want 1", sum)
	}
	return parts, nil
}

// splitIndex picks the part a document goes to. It hashes the seed with the
// document's content hash into [0, 1) and walks the cumulative fractions, so the
// choice depends only on the seed and the text: the same document lands in the same
// part whatever else is exported, in whatever order, and from whichever database.
// Shares are therefore close to, not exactly, the fractions on small exports.
func splitIndex(parts []SplitPart, seed int64, doc annotate.Document) int {
	hash := doc.Hash
	if hash == "" {
		hash = annotate.ContentHash(doc.Text)
	}
	h := fnv.New64a()
	var seedBytes [8]byte
	binary.LittleEndian.PutUint64(seedBytes[:], uint64(seed))
	h.Write(seedBytes[:])
	h.Write([]byte(hash))
	x := mix64(h.Sum64())
	u := float64(x>>11) / float64(1<<53)
	cumulative := 0.0
	for i, p := range parts {
		cumulative += p.Fraction
		if u < cumulative {
			return i
		}
	}
	return len(parts) - 1
}

// mix64 is splitmix64's finaliser: it spreads FNV's weak high bits.
func mix64(x uint64) uint64 {
	x ^= x >> 30
	x *= 0xbf58476d1ce4e5b9
	x ^= x >> 27
	x *= 0x94d049bb133111eb
	x ^= x >> 31
	return x
}
