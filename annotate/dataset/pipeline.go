package dataset

import "iter"

// pipelined runs seq in a goroutine of its own, a few items ahead of the consumer.
// Reading and decoding files then overlap with the database work of an import, and
// the database read with the encoding of an export: on two cores the cheaper side
// hides behind the other. The channel bounds memory to depth items; when the
// consumer stops early the producer is told to stop and is waited for, so no
// goroutine outlives the loop.
func pipelined[V any](seq iter.Seq2[V, error], depth int) iter.Seq2[V, error] {
	type item struct {
		value V
		err   error
	}
	return func(yield func(V, error) bool) {
		items := make(chan item, depth)
		stop := make(chan struct{})
		go func() {
			defer close(items)
			for value, err := range seq {
				select {
				case items <- item{value, err}:
				case <-stop:
					return
				}
			}
		}()
		defer func() {
			close(stop)
			for range items { // wait for the producer to notice stop and finish
			}
		}()
		for it := range items {
			if !yield(it.value, it.err) {
				return
			}
		}
	}
}
