//go:build unix

package cli

import (
	"syscall"
	"time"
)

// cpuTime is the process's user+system CPU time: on a shared machine the wall
// time of a benchmark also counts the time other processes held the cores.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
