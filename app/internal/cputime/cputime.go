// Package cputime reads the CPU time the process has used, for benchmarks: on a
// shared machine a benchmark's wall time also counts the time other processes
// held the cores, its CPU time does not.
package cputime

import "time"

// Used is the process's user and system CPU time so far; 0 where the system does
// not say (the benchmark's cpu metric then reads 0).
func Used() time.Duration { return used() }
