package app

import (
	"slices"
	"testing"
)

func TestProgressShowsOnlyTheLatestCountWhileAnUpdateIsQueued(t *testing.T) {
	var queue []func()
	var shown []int
	report := coalesce(func(f func()) { queue = append(queue, f) }, func(n int) { shown = append(shown, n) })
	for n := 1; n <= 5; n++ {
		report(n)
	}
	if len(queue) != 1 {
		t.Fatalf("%d UI calls queued for 5 counts, want 1", len(queue))
	}
	queue[0]()
	report(6)
	report(7)
	if len(queue) != 2 {
		t.Fatalf("%d UI calls queued after the first ran, want 2", len(queue))
	}
	queue[1]()
	if !slices.Equal(shown, []int{5, 7}) {
		t.Errorf("shown %v, want [5 7]: the latest count at each update", shown)
	}
}
