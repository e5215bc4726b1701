package contrast

import (
	"image/color"
	"math"
	"testing"
)

func TestRatioMatchesWCAGReferenceValues(t *testing.T) {
	cases := []struct {
		name string
		a, b string
		want float64
	}{
		{"black on white is 21:1", "#000000", "#FFFFFF", 21},
		{"the same colour is 1:1", "#777777", "#777777", 1},
		{"#767676 on white is the classic AA grey, 4.54:1", "#767676", "#FFFFFF", 4.54},
		{"#595959 on white is 7:1, the AAA grey", "#595959", "#FFFFFF", 7.0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a, _ := Parse(c.a)
			b, _ := Parse(c.b)
			if got := Ratio(a, b); math.Abs(got-c.want) > 0.01 {
				t.Fatalf("Ratio(%s, %s) = %.3f, want %.2f", c.a, c.b, got, c.want)
			}
		})
	}
}

func TestOverAndDifference(t *testing.T) {
	white := color.NRGBA{0xff, 0xff, 0xff, 0xff}
	if got := Over(color.NRGBA{0, 0, 0, 0x80}, white); got != (color.NRGBA{0x7f, 0x7f, 0x7f, 0xff}) {
		t.Fatalf("half black over white = %v", got)
	}
	if d := Difference(white, white); d != 0 {
		t.Fatalf("Difference of a colour with itself = %v", d)
	}
	red, _ := Parse("#f00")
	if d := Difference(red, white); d < 100 {
		t.Fatalf("red and white only %v apart", d)
	}
	if _, ok := Parse("#12345"); ok {
		t.Fatal("a five-digit colour parsed")
	}
}
