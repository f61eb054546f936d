// more.go — Go versions of tcbench's gcbench, fifo, largemix, frag, prodcons
// and trace replay: the same shapes, sizes and checks as workloads/*.c, so
// Go's collector is in every table. Written the way a Go program would be
// (slices, channels), not a line-by-line port.
package main

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
)

type gnode struct {
	left, right *gnode
	i, j        int64
}

func treeSize(d int) int { return (1 << (d + 1)) - 1 }

func populate(d int, n *gnode) {
	if d <= 0 {
		return
	}
	n.left, n.right = &gnode{}, &gnode{}
	populate(d-1, n.left)
	populate(d-1, n.right)
}

func makeTree(d int) *gnode {
	if d <= 0 {
		return &gnode{}
	}
	return &gnode{left: makeTree(d - 1), right: makeTree(d - 1)}
}

func (n *gnode) count() int {
	if n == nil {
		return 0
	}
	return 1 + n.left.count() + n.right.count()
}

func gcbench(max int) bool {
	ok := makeTree(max+2).count() == treeSize(max+2)
	longLived := &gnode{}
	populate(max, longLived)
	array := make([]float64, 500000)
	for i := 0; i < len(array)/2; i++ {
		array[i] = 1.0 / float64(i)
	}
	for d := 4; d <= max && ok; d += 2 {
		iters := 2 * treeSize(max) / treeSize(d)
		for i := 0; i < iters; i++ {
			a := &gnode{}
			populate(d, a)
			ok = ok && a.count() == treeSize(d) && makeTree(d).count() == treeSize(d)
		}
	}
	ok = ok && longLived.count() == treeSize(max) && array[1000] == 1.0/1000
	fmt.Printf("gcbench: max depth %d, long-lived tree %d nodes\n", max, treeSize(max))
	return ok
}

func stamp(p []uint64, key uint64) {
	if len(p) > 0 {
		p[0] = key
	}
	if len(p) > 1 {
		p[len(p)-1] = ^key
	}
}

func stampOK(p []uint64, key uint64) bool {
	return (len(p) == 0 || p[0] == key) && (len(p) < 2 || p[len(p)-1] == ^key)
}

func parallel(n int, f func(t int) bool) bool {
	var wg sync.WaitGroup
	ok := make([]bool, n)
	for t := 0; t < n; t++ {
		wg.Add(1)
		go func(t int) { defer wg.Done(); ok[t] = f(t) }(t)
	}
	wg.Wait()
	for _, v := range ok {
		if !v {
			return false
		}
	}
	return true
}

func fifo(sizeMiB, threads int) bool {
	n := sizeMiB * 1048576 / threads / ((16+512)/2 + 8)
	objSize := func(seq uint64) int { return (16 + int(seq*2654435761%497)/8*8) / 8 }
	return parallel(threads, func(int) bool {
		ring := make([][]uint64, n)
		for seq := uint64(0); seq < uint64(n)*16; seq++ {
			i := int(seq % uint64(n))
			if old := ring[i]; old != nil && !stampOK(old, seq-uint64(n)) {
				return false
			}
			p := make([]uint64, objSize(seq))
			stamp(p, seq)
			ring[i] = p
		}
		return true
	})
}

func largemix(sizeMiB, threads int) bool {
	return parallel(threads, func(t int) bool {
		bytes := sizeMiB * 1048576 / threads
		n := bytes/((9*520+(32<<10+1<<20)/2)/10) + 1
		tab, keys := make([][]uint64, n), make([]uint64, n)
		seed := uint64(31+t) | 1
		rnd := func() uint64 { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed }
		for done, key := 0, uint64(0); done < bytes*32; key++ {
			i, r := int(rnd()%uint64(n)), rnd()
			size := 16 + int(r/10%1009)
			if r%10 == 9 {
				size = 32<<10 + int(r/10%(1<<20-32<<10))
			}
			if tab[i] != nil && !stampOK(tab[i], keys[i]) {
				return false
			}
			tab[i] = make([]uint64, size/8)
			for k := range tab[i] {
				tab[i][k] = key & 0xff * 0x0101010101010101
			}
			stamp(tab[i], key)
			keys[i] = key
			done += size
		}
		return true
	})
}

func frag(sizeMiB int) bool {
	sizes := []int{64, 96, 48, 160, 80, 256}
	live := sizeMiB * 1048576
	tab := make([][]uint64, live/48+1)
	keys := make([]uint64, len(tab))
	key := uint64(1)
	for i := 0; i < live/64; i, key = i+1, key+1 {
		tab[i] = make([]uint64, 8)
		stamp(tab[i], key)
		keys[i] = key
	}
	for r := 1; r <= 5; r++ {
		freed, used := 0, 0
		for i := range tab {
			if tab[i] == nil {
				continue
			}
			if !stampOK(tab[i], keys[i]) {
				return false
			}
			if used%2 == 0 {
				freed += len(tab[i]) * 8
				tab[i] = nil
			}
			used++
		}
		i := 0
		for got := 0; got+sizes[r] <= freed; got, key = got+sizes[r], key+1 {
			for i < len(tab) && tab[i] != nil {
				i++
			}
			if i == len(tab) {
				break
			}
			tab[i] = make([]uint64, sizes[r]/8)
			stamp(tab[i], key)
			keys[i] = key
		}
	}
	return true
}

type mnode struct {
	next *mnode
	v    uint64
}

type msg struct {
	list     *mnode
	payload  []uint64
	seq, sum uint64
}

func prodcons(thousands, threads int) bool {
	if threads < 2 {
		threads = 2
	}
	np, total := (threads+1)/2, uint64(thousands)*1000
	q := make(chan *msg, 1024)
	seen := make([]uint32, total)
	var next uint64
	var mu sync.Mutex
	var pwg sync.WaitGroup
	for p := 0; p < np; p++ {
		pwg.Add(1)
		go func() {
			defer pwg.Done()
			for {
				mu.Lock()
				seq := next
				next++
				mu.Unlock()
				if seq >= total {
					return
				}
				m := &msg{seq: seq}
				for i := 0; i < 8; i++ {
					m.list = &mnode{m.list, seq*31 + uint64(i)}
					m.sum += seq*31 + uint64(i)
				}
				m.payload = make([]uint64, 8+seq%25)
				stamp(m.payload, seq)
				q <- m
			}
		}()
	}
	go func() { pwg.Wait(); close(q) }()
	ok := parallel(threads-np, func(int) bool {
		good := true
		for m := range q {
			sum, n := uint64(0), 0
			for x := m.list; x != nil; x = x.next {
				sum, n = sum+x.v, n+1
			}
			mu.Lock()
			seen[m.seq]++
			mu.Unlock()
			good = good && n == 8 && sum == m.sum && stampOK(m.payload, m.seq)
		}
		return good
	})
	for _, s := range seen {
		ok = ok && s == 1
	}
	fmt.Printf("prodcons: %d producers, %d consumers, %d messages\n", np, threads-np, total)
	return ok
}

type op struct {
	kind    byte
	id, id2 int
	n       int
}

type trace struct {
	path  string
	ops   []op
	maxID int
}

// loadTrace reads a trace (the format in workloads/replay.c; tcbench checks
// it in full, here a malformed line is reported and ends the run), before
// the timed run starts.
func loadTrace(path string) *trace {
	f, err := os.Open(path)
	if err != nil {
		fmt.Fprintf(os.Stderr, "gobench: replay: %v\n", err)
		os.Exit(2)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		if r, err = gzip.NewReader(f); err != nil {
			fmt.Fprintf(os.Stderr, "gobench: replay: %s: %v\n", path, err)
			os.Exit(2)
		}
	}
	var ops []op
	maxID := 0
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		fs := strings.Fields(sc.Text())
		if len(fs) == 0 || fs[0][0] == '#' {
			continue
		}
		o, nums := op{kind: fs[0][0]}, make([]int, len(fs)-1)
		for i, s := range fs[1:] {
			if nums[i], err = strconv.Atoi(s); err != nil && s != "-" {
				fmt.Fprintf(os.Stderr, "gobench: replay: %s:%d: malformed record\n", path, line)
				os.Exit(2)
			} else if s == "-" {
				nums[i] = -1
			}
		}
		switch {
		case o.kind == 'a' && len(nums) == 2:
			o.id, o.n = nums[0], nums[1]
		case o.kind == 'f' && len(nums) == 1:
			o.id = nums[0]
		case o.kind == 'r' && len(nums) == 3:
			o.id, o.id2, o.n = nums[0], nums[1], nums[2]
		case o.kind == 'p' && len(nums) == 3:
			o.id, o.n, o.id2 = nums[0], nums[1], nums[2]
		default:
			fmt.Fprintf(os.Stderr, "gobench: replay: %s:%d: malformed record\n", path, line)
			os.Exit(2)
		}
		if o.id > maxID {
			maxID = o.id
		}
		if o.id2 > maxID {
			maxID = o.id2
		}
		ops = append(ops, o)
	}
	return &trace{path, ops, maxID}
}

func replay(tr *trace, passes int) bool {
	path, ops, maxID := tr.path, tr.ops, tr.maxID
	// Objects are word slices; a pointer store keeps the target in a side
	// slice of the object, so the collector traces it as Go would.
	type obj struct {
		words []uint64
		refs  map[int]*obj
	}
	tab := make([]*obj, maxID+1)
	ok := true
	for p := 0; p < passes; p++ {
		for _, o := range ops {
			switch o.kind {
			case 'a':
				tab[o.id] = &obj{words: make([]uint64, (o.n+7)/8)}
				stamp(tab[o.id].words, uint64(o.id))
			case 'f':
				ok = ok && tab[o.id] != nil && stampOK(tab[o.id].words, uint64(o.id))
				tab[o.id] = nil
			case 'r':
				old := tab[o.id]
				ok = ok && old != nil && stampOK(old.words, uint64(o.id))
				nw := &obj{words: make([]uint64, (o.n+7)/8), refs: old.refs}
				copy(nw.words, old.words)
				stamp(nw.words, uint64(o.id2))
				tab[o.id] = nil
				tab[o.id2] = nw
			case 'p':
				if tab[o.id].refs == nil {
					tab[o.id].refs = map[int]*obj{}
				}
				if o.id2 < 0 {
					delete(tab[o.id].refs, o.n)
				} else {
					tab[o.id].refs[o.n] = tab[o.id2]
				}
			}
		}
		for i := range tab {
			tab[i] = nil
		}
	}
	fmt.Printf("replay: %s: %d records, %d pass(es)\n", path, len(ops), passes)
	return ok
}
