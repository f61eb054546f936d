/*
 * tricolor/metrics.h — every metric tc_metrics_read knows, with its
 * documentation (included by tricolor.h; not to be included alone).
 *
 * This list is the only one: the library's reader table, tc_metrics_list()
 * and `tcbench --list-metrics` are all made from it, so a metric cannot be
 * documented without being readable, or readable without being documented.
 * Each entry is X(ID, "name", "documentation"); counters only grow, and a
 * name ending in .ns is nanoseconds, in .bytes bytes.
 */
#ifndef TRICOLOR_METRICS_H
#define TRICOLOR_METRICS_H

#define TC_METRICS(X)                                                                                                  \
	X(gc_cycles, "gc.cycles", "completed cycles")                                                                  \
	X(gc_pause_ns, "gc.pause.ns",                                                                                  \
	  "count of the collector's synchronisations with the mutators, two per cycle: its start (the barrier-on "   \
	  "handshake) and its end (the barrier-off and release handshakes, and in verify mode the stop that checks " \
	  "the heap), each from its request until the last mutator answered; no mutator waits in one for another "   \
	  "(a histogram: see the quantiles below and tc_pauses_write_csv)")                                           \
	X(gc_pause_p50_ns, "gc.pause.p50.ns", "median pause (upper bound of its histogram bucket, at most the max)")  \
	X(gc_pause_p99_ns, "gc.pause.p99.ns", "99th percentile pause, as above")                                      \
	X(gc_pause_max_ns, "gc.pause.max.ns", "longest pause")                                                        \
	X(gc_pause_sweep_term_ns, "gc.pause.sweep_term.ns", "count of cycle starts (Go's sweep termination)")         \
	X(gc_pause_sweep_term_p99_ns, "gc.pause.sweep_term.p99.ns", "their 99th percentile")                          \
	X(gc_pause_sweep_term_max_ns, "gc.pause.sweep_term.max.ns", "the longest of them")                            \
	X(gc_pause_mark_term_ns, "gc.pause.mark_term.ns", "count of cycle ends (Go's mark termination)")              \
	X(gc_pause_mark_term_p99_ns, "gc.pause.mark_term.p99.ns", "their 99th percentile")                            \
	X(gc_pause_mark_term_max_ns, "gc.pause.mark_term.max.ns", "the longest of them")                              \
	X(gc_handshake_lag_max_ns, "gc.handshake.lag.max.ns",                                                        \
	  "the longest a handshake's last answer waited for the controller to see it and go on: the controller's "   \
	  "own scheduling, which no mutator waits for but which delays the cycle's next step")                       \
	X(gc_mark_rounds, "gc.mark.rounds",                                                                            \
	  "flush rounds of the ragged barrier that found grey work, or greyed some, so marking went on: how hard "    \
	  "termination was to detect")                                                                                 \
	X(gc_dirty_pages, "gc.dirty.pages",                                                                            \
	  "mostly-concurrent marks (heaps with no barrier, the libgc shim's incremental mode): pages written during "  \
	  "the mark and rescanned, beside the mutators (pre-cleaning) or with every one held, all cycles")            \
	X(gc_dirty_ns, "gc.dirty.ns",                                                                                  \
	  "and the controller's time write-protecting at cycle starts plus holding and rescanning at their ends")    \
	X(gc_cpu_ns, "gc.cpu.ns", "CPU time of the collector's threads: marking, sweeping, pauses")                   \
	X(gc_assist_ns, "gc.assist.ns",                                                                                \
	  "time mutators gave the collector: scanning their own stacks, assisting, waiting at the trigger or goal")  \
	X(gc_wait_ns, "gc.wait.ns",                                                                                    \
	  "the part of gc.assist.ns spent blocked, waiting for a cycle to start (at the trigger) or to end (at the " \
	  "goal); the rest is CPU time")                                                                               \
	X(gc_stall_ns, "gc.stall.ns",                                                                                  \
	  "count of stalls: every time a mutator could not run its own code because of the collector (parked in a "  \
	  "stop from its request on, held leaving a blocking region, assisting, scanning its own stack, flushing "   \
	  "for the collector, waiting at the trigger or goal); a histogram like gc.pause.ns")                        \
	X(gc_stall_p50_ns, "gc.stall.p50.ns", "median stall")                                                         \
	X(gc_stall_p99_ns, "gc.stall.p99.ns", "99th percentile stall")                                                \
	X(gc_stall_p999_ns, "gc.stall.p999.ns", "99.9th percentile stall")                                            \
	X(gc_stall_max_ns, "gc.stall.max.ns", "longest single stall of any mutator")                                  \
	X(gc_stall_total_max_ns, "gc.stall.total.max.ns", "the largest total of stalls of any one mutator")          \
	X(gc_mmu_1ms, "gc.mmu.1ms",                                                                                    \
	  "minimum mutator utilisation over 1 ms windows, the least of any mutator, in parts per million, over the " \
	  "whole run (kept as the stalls come, not from the interval log)")                                          \
	X(gc_mmu_10ms, "gc.mmu.10ms", "the same over 10 ms windows")                                                  \
	X(gc_mmu_100ms, "gc.mmu.100ms", "the same over 100 ms windows")                                               \
	X(gc_verify_objects, "gc.verify.objects",                                                                      \
	  "reachable objects the verifier (TRICOLOR_VERIFY) found marked, summed over cycles")                        \
	X(gc_finalizers_queued, "gc.finalizers.queued",                                                                \
	  "finalizers and cleanups queued to run because their object was found unreachable, cumulative")           \
	X(gc_finalizers_run, "gc.finalizers.run", "finalizers and cleanups that ran and returned, cumulative")        \
	X(gc_finalizers_pending, "gc.finalizers.pending", "queued or running, not yet returned (queued - run)")       \
	X(gc_finalizers_registered, "gc.finalizers.registered",                                                        \
	  "objects with a finalizer or cleanups set, now (the records each cycle walks)")                             \
	X(gc_weak_registered, "gc.weak.registered",                                                                    \
	  "weak references and ephemerons not yet found dead, now (the records each cycle walks)")                    \
	X(gc_weak_cleared, "gc.weak.cleared",                                                                          \
	  "weak references and ephemerons cleared because their target or key was found unreachable, cumulative")   \
	X(gc_ephemerons_traced, "gc.ephemerons.traced",                                                                \
	  "ephemeron values traced because their key was marked, cumulative (one per ephemeron per cycle)")          \
	X(gc_limiter_enabled, "gc.limiter.enabled", "times the GC CPU limiter turned on")                             \
	X(gc_limiter_ns, "gc.limiter.ns", "time the limiter was on (assists and waits at the goal off)")              \
	X(heap_alloc_bytes, "heap.alloc.bytes",                                                                        \
	  "bytes allocated, class-rounded sizes, cumulative (small objects counted when their run of slots closes)")  \
	X(heap_alloc_objects, "heap.alloc.objects", "objects allocated, cumulative (counted as heap.alloc.bytes)")     \
	X(heap_alloc_slowpath, "heap.alloc.slowpath",                                                                  \
	  "allocations the library made (the rest took the inlined fast path of tc_alloc), cumulative")              \
	X(heap_live_bytes, "heap.live.bytes", "bytes marked live by the last completed mark")                         \
	X(heap_goal_bytes, "heap.goal.bytes", "heap size at which the current or next cycle should finish")           \
	X(heap_trigger_bytes, "heap.trigger.bytes", "heap size at which the next cycle starts")                       \
	X(heap_inuse_bytes, "heap.inuse.bytes", "bytes in spans in use")                                              \
	X(heap_sys_bytes, "heap.sys.bytes", "bytes mapped from the OS for the heap (heap.released included)")         \
	X(heap_released_bytes, "heap.released.bytes", "free bytes returned to the OS")                                \
	X(heap_ready_peak_bytes, "heap.ready.peak.bytes",                                                              \
	  "the most heap.sys - heap.released has been: heap memory the OS backed at its peak")                        \
	X(heap_limit_bytes, "heap.limit.bytes",                                                                        \
	  "the memory limit (0 = none); it bounds heap.sys - heap.released, not side metadata or the program's own " \
	  "memory")                                                                                                    \
	X(heap_limit_exceeded, "heap.limit.exceeded", "times the heap had to grow past the limit")                    \
	X(heap_scavenge_errors, "heap.scavenge.errors",                                                                \
	  "times returning free pages to the OS failed (they stay mapped and reusable)")

#endif /* TRICOLOR_METRICS_H */
