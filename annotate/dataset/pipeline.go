package dataset

import (
	"iter"
	"sync"
)

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
	return func(yield func(V, error) bool) {
		ahead := startPipelined(seq, depth, weigh)
		defer ahead.stop()
		ahead.consume(yield)
	}
}

// startPipelined is pipelined begun at once: the producer runs before anyone
// ranges over the values, so reading overlaps what the caller does first (an
// import opens the database meanwhile). consume hands the values on, once; stop
// ends the producer and waits for it, and must be called whether or not the
// values were consumed.
func startPipelined[V any](seq iter.Seq2[V, error], depth int, weigh func(V) int) *readAhead[V] {
	ahead := &readAhead[V]{batches: make(chan []pipelineItem[V], depth), quit: make(chan struct{})}
	go ahead.produce(seq, weigh)
	return ahead
}

type pipelineItem[V any] struct {
	value V
	err   error
}

// readAhead is one pipelined producer and the batches it has sent.
type readAhead[V any] struct {
	batches chan []pipelineItem[V]
	quit    chan struct{}
	once    sync.Once
}

func (a *readAhead[V]) produce(seq iter.Seq2[V, error], weigh func(V) int) {
	defer close(a.batches)
	batch := make([]pipelineItem[V], 0, pipelineBatch)
	weight := 0
	send := func() bool {
		select {
		case a.batches <- batch:
		case <-a.quit:
			return false
		}
		batch = make([]pipelineItem[V], 0, pipelineBatch)
		weight = 0
		return true
	}
	for value, err := range seq {
		batch = append(batch, pipelineItem[V]{value, err})
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
}

// consume yields the values in order until they end or yield returns false.
func (a *readAhead[V]) consume(yield func(V, error) bool) {
	for batch := range a.batches {
		for _, it := range batch {
			if !yield(it.value, it.err) {
				return
			}
		}
	}
}

// stop tells the producer to stop and waits until it has; it may be called more
// than once.
func (a *readAhead[V]) stop() {
	a.once.Do(func() {
		close(a.quit)
		for range a.batches { // wait for the producer to notice quit and finish
		}
	})
}

// The batch limits of pipelined: 64 articles of a few kilobytes, or fewer that
// weigh a mebibyte together.
const (
	pipelineBatch  = 64
	pipelineWeight = 1 << 20
)
