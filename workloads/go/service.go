// service.go — the service loop of workloads/patterns/service.c for Go's
// collector: each goroutine keeps a ring of sessions (together -size MiB)
// and, for -seconds, replaces the oldest with a new one (a 32-node list and
// a 256-byte buffer), timing every iteration from the application's side.
// The report line and its MMU rule are service.c's.
package main

import (
	"fmt"
	"sort"
	"sync"
	"time"
)

type snode struct {
	next  *snode
	id, k uint64
}

type session struct {
	list *snode
	buf  []uint64
	id   uint64
}

const serviceList, serviceBuf = 32, 256 / 8

func newSession(id uint64) *session {
	s := &session{id: id, buf: make([]uint64, serviceBuf)}
	stamp(s.buf, id)
	for i := 0; i < serviceList; i++ {
		s.list = &snode{s.list, id, uint64(i)}
	}
	return s
}

func (s *session) ok(id uint64) bool {
	n := 0
	for x := s.list; x != nil; x = x.next {
		if x.id != id || x.k != uint64(serviceList-1-n) {
			return false
		}
		n++
	}
	return s.id == id && n == serviceList && stampOK(s.buf, id)
}

type ival struct{ start, end int64 }

// mmu is base/mmu.c's minimum mutator utilisation: the least share of any
// window w in [0, span] not covered by the (merged) stall intervals.
func mmu(iv []ival, span, w int64) float64 {
	if span <= 0 || len(iv) == 0 {
		return 1
	}
	if w > span {
		w = span
	}
	sort.Slice(iv, func(a, b int) bool { return iv[a].start < iv[b].start })
	merged := []ival{iv[0]}
	for _, x := range iv[1:] {
		last := &merged[len(merged)-1]
		if x.start <= last.end {
			if x.end > last.end {
				last.end = x.end
			}
		} else {
			merged = append(merged, x)
		}
	}
	pre := make([]int64, len(merged))
	var acc int64
	for i, x := range merged {
		pre[i] = acc
		acc += x.end - x.start
	}
	before := func(t int64) int64 {
		i := sort.Search(len(merged), func(i int) bool { return merged[i].start >= t })
		if i == 0 {
			return 0
		}
		l := merged[i-1]
		e := l.end
		if t < e {
			e = t
		}
		return pre[i-1] + e - l.start
	}
	var worst int64
	try := func(s int64) {
		if s < 0 {
			s = 0
		}
		if s+w > span {
			s = span - w
		}
		if st := before(s+w) - before(s); st > worst {
			worst = st
		}
	}
	try(0)
	try(span - w)
	for _, x := range merged {
		try(x.start)
		try(x.end - w)
	}
	return 1 - float64(worst)/float64(w)
}

func service(sizeMiB, threads int, seconds float64) bool {
	nsess := sizeMiB * 1048576 / (serviceList*32 + 256 + 32) / threads
	if nsess < 1 {
		nsess = 1
	}
	t0 := time.Now()
	end := t0.Add(time.Duration(seconds * 1e9))
	durs := make([][]int64, threads)
	slow := make([][]ival, threads)
	bad := make([]bool, threads)
	var wg sync.WaitGroup
	for t := 0; t < threads; t++ {
		wg.Add(1)
		go func(t int) {
			defer wg.Done()
			id := uint64(t) << 40
			ring := make([]*session, nsess)
			for i := range ring {
				ring[i] = newSession(id)
				id++
			}
			prev := time.Now()
			for slot := 0; ; slot = (slot + 1) % nsess {
				old := ring[slot]
				if !old.ok(old.id) {
					bad[t] = true
				}
				ring[slot] = newSession(id)
				id++
				now := time.Now()
				d := now.Sub(prev).Nanoseconds()
				durs[t] = append(durs[t], d)
				if d >= 8000 {
					slow[t] = append(slow[t], ival{prev.Sub(t0).Nanoseconds(), now.Sub(t0).Nanoseconds()})
				}
				prev = now
				if !now.Before(end) {
					break
				}
			}
			for _, s := range ring {
				if !s.ok(s.id) {
					bad[t] = true
				}
			}
		}(t)
	}
	wg.Wait()
	wall := time.Since(t0)
	var all []int64
	for _, d := range durs {
		all = append(all, d...)
	}
	sort.Slice(all, func(a, b int) bool { return all[a] < all[b] })
	q := func(p float64) float64 { return float64(all[int(float64(len(all)-1)*p)]) / 1e3 }
	p50 := all[(len(all)-1)/2]
	m := [3]float64{1, 1, 1}
	for t := range slow {
		var iv []ival
		for _, s := range slow[t] {
			if d := s.end - s.start; d > 4*p50 {
				iv = append(iv, ival{s.end - (d - p50), s.end})
			}
		}
		for k, w := range []int64{1e6, 1e7, 1e8} {
			cp := append([]ival(nil), iv...)
			if u := mmu(cp, wall.Nanoseconds(), w); u < m[k] {
				m[k] = u
			}
		}
	}
	fmt.Printf("service: threads=%d live_mib=%d seconds=%.2f iterations=%d iter_per_s=%.0f p50_us=%.2f p99_us=%.1f "+
		"p999_us=%.1f max_us=%.1f app_mmu_1ms=%.3f app_mmu_10ms=%.3f app_mmu_100ms=%.3f\n",
		threads, sizeMiB, wall.Seconds(), len(all), float64(len(all))/wall.Seconds(), float64(p50)/1e3, q(0.99),
		q(0.999), float64(all[len(all)-1])/1e3, m[0], m[1], m[2])
	ok := true
	for _, b := range bad {
		ok = ok && !b
	}
	return ok
}
