package dataset

import "iter"

// pipelined runs seq in a goroutine of its own, ahead of the consumer. Reading and
// decoding files then overlap with the database work of an import, and the
// database read with the encoding of an export: on two cores the cheaper side
// hides behind the other.
//
// Items travel in batches. Handing a value to a goroutine that waits for it wakes
// that goroutine (a futex call and a context switch); one hand-over per 3 KB
// article cost more than the overlap gained, and an export ran faster on one core
// than on two. A batch is sent once it holds pipelineBatch items or its items weigh
// pipelineWeight (weigh gives an item's weight, say its text length in bytes), so
// long documents still travel a few at a time; an error is sent at once. At most
// depth batches wait in the channel, which bounds memory. When the consumer stops
// early the producer is told to stop and is waited for, so no goroutine outlives
// the loop.
func pipelined[V any](seq iter.Seq2[V, error], depth int, weigh func(V) int) iter.Seq2[V, error] {
	type item struct {
		value V
		err   error
	}
	return func(yield func(V, error) bool) {
		batches := make(chan []item, depth)
		stop := make(chan struct{})
		go func() {
			defer close(batches)
			batch := make([]item, 0, pipelineBatch)
			weight := 0
			send := func() bool {
				select {
				case batches <- batch:
				case <-stop:
					return false
				}
				batch = make([]item, 0, pipelineBatch)
				weight = 0
				return true
			}
			for value, err := range seq {
				batch = append(batch, item{value, err})
				if err == nil {
					weight += weigh(value)
				}
				if err != nil || len(batch) >= pipelineBatch || weight >= pipelineWeight {
					if !send() {
						return
					}
				}
			}
			if len(batch) > 0 {
				send()
			}
		}()
		defer func() {
			close(stop)
			for range batches { // wait for the producer to notice stop and finish
			}
		}()
		for batch := range batches {
			for _, it := range batch {
				if !yield(it.value, it.err) {
					return
				}
			}
		}
	}
}

// The batch limits of pipelined: 64 articles of a few kilobytes, or fewer that
// weigh a mebibyte together.
const (
	pipelineBatch  = 64
	pipelineWeight = 1 << 20
)
