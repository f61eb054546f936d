// summary.go — the tcbench summary line for Go's own collector, read from
// runtime/metrics (/gc/pauses:seconds is Go's stop-the-world pause
// histogram), so that Go sits in the same tables as tricolor.
package main

import (
	"fmt"
	"math"
	"os"
	"runtime/metrics"
	"syscall"
	"time"
)

func quantile(h *metrics.Float64Histogram, q float64) float64 {
	var total uint64
	for _, c := range h.Counts {
		total += c
	}
	if total == 0 {
		return 0
	}
	rank := uint64(math.Ceil(q * float64(total)))
	if rank == 0 {
		rank = 1
	}
	var seen uint64
	for i, c := range h.Counts {
		seen += c
		if seen >= rank {
			hi := h.Buckets[i+1]
			if math.IsInf(hi, 1) {
				hi = h.Buckets[i]
			}
			return hi
		}
	}
	return h.Buckets[len(h.Buckets)-1]
}

func cpuSeconds() float64 {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return float64(ru.Utime.Nano()+ru.Stime.Nano()) / 1e9
}

// summary prints the line tcbench prints, to stderr.
func summary(workload string, size, threads int, start time.Time, cpu0 float64) {
	wall := time.Since(start).Seconds()
	cpu := cpuSeconds() - cpu0
	s := []metrics.Sample{{Name: "/gc/pauses:seconds"}, {Name: "/gc/cycles/total:gc-cycles"},
		{Name: "/gc/heap/allocs:bytes"}}
	metrics.Read(s)
	h := s[0].Value.Float64Histogram()
	var n uint64
	for _, c := range h.Counts {
		n += c
	}
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	// Go 1.19 has no GC CPU metric; gctrace-style estimates are not comparable, so it reads 0 here.
	fmt.Fprintf(os.Stderr, "tcbench: workload=%s backend=go size=%d threads=%d gogc=%d wall_s=%.4f cpu_s=%.4f peak_rss_kb=%d "+
		"heap_alloc_bytes=%d cycles=%d pauses=%d pause_p50_us=%.1f pause_p99_us=%.1f pause_max_us=%.1f gc_cpu_frac=0\n",
		workload, size, threads, gogc(), wall, cpu, ru.Maxrss, s[2].Value.Uint64(), s[1].Value.Uint64(), n,
		quantile(h, 0.5)*1e6, quantile(h, 0.99)*1e6, quantile(h, 1.0)*1e6)
}

// writePauses writes Go's pause histogram in tcbench's format
// (lower_ns,upper_ns,count for each non-empty bucket) to DIR/W-go-pauses.csv.
func writePauses(dir, workload string) error {
	s := []metrics.Sample{{Name: "/gc/pauses:seconds"}}
	metrics.Read(s)
	h := s[0].Value.Float64Histogram()
	f, err := os.Create(fmt.Sprintf("%s/%s-go-pauses.csv", dir, workload))
	if err != nil {
		return err
	}
	fmt.Fprintln(f, "lower_ns,upper_ns,count")
	for i, c := range h.Counts {
		if c == 0 {
			continue
		}
		lo, hi := h.Buckets[i], h.Buckets[i+1]
		if math.IsInf(lo, -1) {
			lo = 0
		}
		if math.IsInf(hi, 1) {
			hi = lo * 2
		}
		fmt.Fprintf(f, "%.0f,%.0f,%d\n", lo*1e9, hi*1e9, c)
	}
	return f.Close()
}

func gogc() int {
	v := os.Getenv("GOGC")
	if v == "" {
		return 100
	}
	if v == "off" {
		return -1
	}
	var n int
	fmt.Sscan(v, &n)
	return n
}
