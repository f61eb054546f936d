// main.go — Go versions of tcbench's workloads (binary-trees and churn here,
// the others in more.go), for comparison with Go's own collector (the design
// tricolor follows). Same workloads, same checks, same summary line. Usage:
// gobench -workload NAME -size S -threads N [-trace FILE]
package main

import (
	"flag"
	"fmt"
	"os"
	"runtime"
	"sync"
	"time"
)

type tnode struct{ left, right *tnode }

func bottomUp(d int) *tnode {
	if d <= 0 {
		return &tnode{}
	}
	return &tnode{bottomUp(d - 1), bottomUp(d - 1)}
}

func (n *tnode) check() int {
	if n.left == nil {
		return 1
	}
	return 1 + n.left.check() + n.right.check()
}

func binaryTrees(maxDepth, threads int) bool {
	const minDepth = 4
	if maxDepth < minDepth+2 {
		maxDepth = minDepth + 2
	}
	fmt.Printf("stretch tree of depth %d\t check: %d\n", maxDepth+1, bottomUp(maxDepth+1).check())
	longLived := bottomUp(maxDepth)
	n := (maxDepth-minDepth)/2 + 1
	checks := make([]int, n)
	var wg sync.WaitGroup
	for t := 0; t < threads; t++ {
		wg.Add(1)
		go func(t int) {
			defer wg.Done()
			for k := t; k < n; k += threads {
				d := minDepth + 2*k
				it := 1 << (maxDepth - d + minDepth)
				sum := 0
				for i := 0; i < it; i++ {
					sum += bottomUp(d).check()
				}
				checks[k] = sum
			}
		}(t)
	}
	wg.Wait()
	ok := true
	for k := 0; k < n; k++ {
		d := minDepth + 2*k
		it := 1 << (maxDepth - d + minDepth)
		fmt.Printf("%d\t trees of depth %d\t check: %d\n", it, d, checks[k])
		ok = ok && checks[k] == it*((1<<(d+1))-1)
	}
	ll := longLived.check()
	fmt.Printf("long lived tree of depth %d\t check: %d\n", maxDepth, ll)
	return ok && ll == (1<<(maxDepth+1))-1
}

type rnode struct {
	next *rnode
	v    uint64
}

type entry struct {
	key     uint64
	payload []uint64
	older   *entry
	updates uint64
}

const payloadWords, listLen, requests = 224 / 8, 20, 200000

func newPayload(key uint64) []uint64 {
	p := make([]uint64, payloadWords)
	for i := range p {
		p[i] = key ^ uint64(i)
	}
	return p
}

// churnBuf makes each request's 1 KiB buffer escape to the heap, as the C
// workload's buffer lives on its collector's heap. Without it escape analysis
// puts the buffer on the goroutine's stack, and Go's run allocates 216 MB
// against the others' 620 MB (go build -gcflags=-m: "does not escape").
var churnBuf [][]byte

func churn(sizeMiB, threads int) bool {
	churnBuf = make([][]byte, threads)
	nslots := sizeMiB * 1048576 / (32 + 224 + 32)
	cache := make([]*entry, nslots)
	for i := range cache {
		cache[i] = &entry{key: uint64(i), payload: newPayload(uint64(i))}
	}
	var wg sync.WaitGroup
	bad := make([]bool, threads)
	for t := 0; t < threads; t++ {
		wg.Add(1)
		go func(t int) {
			defer wg.Done()
			seed := uint64(7919 + t + 1)
			xs := func() uint64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
			for r := 0; r < requests; r++ {
				var head *rnode
				for i := 0; i < listLen; i++ {
					head = &rnode{head, uint64(i)}
				}
				buf := make([]byte, 1024)
				churnBuf[t] = buf
				buf[r%1024] = 1
				sum := uint64(0)
				for n := head; n != nil; n = n.next {
					sum += n.v
				}
				if sum != listLen*(listLen-1)/2 {
					bad[t] = true
				}
				if xs()%4 == 0 {
					i := int(xs()%uint64(nslots/threads))*threads + t
					e := cache[i]
					e.payload = newPayload(e.key)
					e.updates++
				}
			}
		}(t)
	}
	wg.Wait()
	ok := true
	for t := range bad {
		ok = ok && !bad[t]
	}
	for i, e := range cache {
		if e.key != uint64(i) || e.payload[0] != uint64(i) {
			ok = false
		}
	}
	fmt.Printf("churn: %d cache entries (%d MiB), %d threads x %d requests\n", nslots, sizeMiB, threads, requests)
	return ok
}

func main() {
	w := flag.String("workload", "", "binary-trees, gcbench, churn, fifo, largemix, frag, prodcons, replay or service")
	size := flag.Int("size", 0, "as tcbench's --size (tcbench --help)")
	traceFile := flag.String("trace", "", "replay: the trace file")
	csvDir := flag.String("csv", "", "write DIR/W-go-pauses.csv, the pause histogram")
	threads := flag.Int("threads", 1, "mutator goroutines")
	seconds := flag.Float64("seconds", 5, "service: how long to serve")
	flag.Parse()
	runtime.GOMAXPROCS(runtime.NumCPU())
	var tr *trace
	if *w == "replay" {
		tr = loadTrace(*traceFile)
	}
	start, cpu0 := time.Now(), cpuSeconds()
	var ok bool
	switch *w {
	case "binary-trees":
		if *size == 0 {
			*size = 18
		}
		ok = binaryTrees(*size, *threads)
	case "churn":
		if *size == 0 {
			*size = 64
		}
		ok = churn(*size, *threads)
	case "service":
		if *size == 0 {
			*size = 64
		}
		ok = service(*size, *threads, *seconds)
	case "gcbench", "fifo", "largemix", "frag", "prodcons", "replay":
		defaults := map[string]int{"gcbench": 16, "fifo": 64, "largemix": 64, "frag": 64, "prodcons": 400, "replay": 1}
		if *size == 0 {
			*size = defaults[*w]
		}
		switch *w {
		case "gcbench":
			ok = gcbench(*size)
		case "fifo":
			ok = fifo(*size, *threads)
		case "largemix":
			ok = largemix(*size, *threads)
		case "frag":
			ok = frag(*size)
		case "prodcons":
			ok = prodcons(*size, *threads)
		default:
			ok = replay(tr, *size)
		}
	default:
		fmt.Fprintf(os.Stderr, "gobench: unknown workload %q; known: binary-trees gcbench churn fifo largemix frag prodcons replay service\n", *w)
		os.Exit(2)
	}
	summary(*w, *size, *threads, start, cpu0)
	if *csvDir != "" {
		err := os.MkdirAll(*csvDir, 0o777)
		if err == nil {
			err = writePauses(*csvDir, *w)
		}
		if err != nil {
			fmt.Fprintf(os.Stderr, "gobench: -csv %s: %v\n", *csvDir, err)
			os.Exit(2)
		}
	}
	if !ok {
		fmt.Fprintln(os.Stderr, "gobench: RESULT=WRONG")
		os.Exit(1)
	}
}
