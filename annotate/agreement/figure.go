package agreement

import (
	"math"
	"strconv"
)

// Figure writes a measure as the agreement table and window show it: three
// decimals, "–" when it is undefined (NaN: no spans to compare).
func Figure(x float64) string {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return "–"
	}
	return strconv.FormatFloat(x, 'f', 3, 64)
}
