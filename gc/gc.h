/*
 * gc.h — the collector tier's internal interface (not installed).
 *
 * A tc_heap is an mheap (alloc/) plus everything the collector needs: the
 * mutator list and the stop-the-world state, roots, grey work queues, mark
 * workers, the pacer and the metrics. A tc_mutator is an mcache plus what the
 * collector needs to stop it and scan it.
 *
 * The cycle (gc.c), after Go's mgc.go, run by the heap's controller thread,
 * with handshakes where Go stops the world (handshake.c):
 *   cycle start       handshake barrier-on; phase = MARK, every stack due a scan
 *   concurrent mark   stacks at safepoints, roots, workers, assists
 *   termination       flush rounds until one greys nothing
 *   cycle end         handshake barrier-off; sweepgen += 2; handshake release;
 *                     phase = OFF
 *   concurrent sweep  the controller, and lazily on allocation
 *
 * Invariants of this tier:
 *  - Only the controller runs cycles, one at a time. Mutators answer
 *    handshakes only at safepoints (allocation slow path, tc_safepoint,
 *    tc_blocking_enter); a mutator in a blocking region is answered for by
 *    the controller, and scanned from the stack pointer and registers it
 *    saved on entry.
 *  - Every object the collector greys is an allocated object start; mark bits
 *    are set atomically and an object is pushed on a work buffer exactly once
 *    per cycle (when its mark bit goes 0 → 1), unless it is noscan.
 *  - heap.live (mheap.live) restarts from the bytes marked at the sweepgen
 *    bump; the room of spans cached before the bump is not taken off it
 *    again (mcache.c), and black allocations into them between the bump and
 *    the release are not counted: it is short by at most a span per class per
 *    mutator.
 */
#ifndef TC_GC_H
#define TC_GC_H

#include <pthread.h>
#include <stddef.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>

#include "alloc.h"
#include "barrier.h"
#include "histogram.h"
#include "lock.h"
#include "mmu.h"
#include "tricolor.h"

enum { GC_OFF = 0, GC_MARK = 1 };
enum { PAUSE_SWEEP_TERM = 0, PAUSE_MARK_TERM = 1 };
enum { M_RUNNING = 0, M_BLOCKED = 1, M_PARKED = 2, M_SCANNING = 3 /* blocked, stack being scanned */ };
#define M_MAGIC_LIVE 0x74636d75u /* "tcmu" */
#define M_MAGIC_DEAD 0xdeadbeefu

/* ---- gcwork.c: grey object queues (Go's gcWork / workbuf) ---- */
#define WORKBUF_N 253
typedef struct workbuf {
	struct workbuf *next;
	size_t nobj;
	uintptr_t obj[WORKBUF_N];
} workbuf;

/* A work item with bit 0 set is a span to scan (span-local marking,
 * mark.c), named by one of its marked objects; without it, an object or an
 * oblet of a large object. */
#define SPAN_ITEM ((uintptr_t)1)
#define SPANQ_N 256
/* Taking a span from spanq, a marker prefetches the object named by the
 * item this many places behind it: FIFO order makes it the one scanned
 * about one memory latency later. The work buffers are LIFO, and their
 * next items are not known that far ahead; prefetching there cost
 * binary-trees 3% of its CPU. */
#define GCW_PREFETCH 4

/* One marker's grey work: used by one thread at a time, no lock. */
typedef struct gcwork {
	struct tc_heap *h;
	workbuf *wbuf1, *wbuf2; /* Go's hysteresis pair: push and pop on wbuf1, swap when it fills or empties */
	uint32_t qhead, qtail;  /* spanq holds items [qhead, qtail), modulo SPANQ_N: FIFO */
	struct span *cur;       /* the span being scanned (mark.c, scan_span), or NULL */
	uint32_t nnear;         /* objects of cur marked by this scan, waiting in near[] */
	uintptr_t near[64];
	uintptr_t spanq[SPANQ_N]; /* spans this marker queued (SPAN_ITEM set); spilled to work.full to share */
	uint64_t bytes_marked;  /* bytes of the objects this marker marked, not yet added to work.bytes_marked */
	uint64_t scan_bytes;    /* bytes of objects (oblets) scanned by this marker, ever */
	uint64_t greyed;        /* objects this marker greyed (white to marked), not yet added to work.greyed */
	bool nowait;            /* a mutator's: its puts and takes never wait for work.lock (gcwork.c) */
	workbuf *kept;          /* full buffers it could not hand over, work.lock being taken (nowait only) */
	bool missed;            /* a take found work.lock taken and read the global list as empty (nowait only) */
} gcwork;

/* ---- the mutator ---- */
/* The interval log (metrics.c): when the collector took time from mutators,
 * for MMU curves. A ring of the last IVLOG_N intervals. IV_PAUSE is a stop of
 * the world as the collector saw it (mutator -1, from the request until the
 * restart); every other kind is one mutator's stall: IV_ASSIST (assisting,
 * scanning its own stack, flushing its buffers for the collector), IV_WAIT
 * (blocked at the trigger or the goal), IV_STOP (parked in a stop, or held
 * leaving a blocking region, until the world restarted). */
enum { IV_PAUSE = 0, IV_ASSIST = 1, IV_WAIT = 2, IV_STOP = 3, IV_KINDS };
typedef struct interval {
	uint64_t start_ns, end_ns; /* since the heap was created */
	int kind, mutator;         /* mutator -1: a pause (every mutator) */
} interval;
#define IVLOG_N 65536 /* intervals the log keeps, unless tc_config.interval_log says */
#define TC__IVLOG_MAX ((uint64_t)1 << 24)
/* Stalls a mutator keeps while obs.lock is taken (tc__interval_mine). */
#define IVPEND_N 256

typedef struct rootframe {
	void **slots;
	size_t n;
} rootframe;

#define REGS_N 16

/* A mutator. "Owner" is the thread that attached it; the collector touches
 * owner fields only while the owner is parked, blocked or in SCANNING. */
struct tc_mutator {
	wbstate wb;               /* first: the barrier's flag (read by the inlined tc_write) and buffer (barrier/) */
	mcache mc;                /* the allocation fast path touches nothing else (owner) */
	struct tc_heap *h;        /* set at attach, never changed */
	uint32_t magic;           /* M_MAGIC_LIVE, or M_MAGIC_DEAD after detach (checked on every API call) */
	pthread_t thread;         /* the owner */
	_Atomic int status;       /* M_RUNNING, M_BLOCKED, M_PARKED, M_SCANNING (world.lock) */
	_Atomic int cpu;          /* the CPU of its last allocation slow path, -1 unknown (owner writes; handshake.c reads) */
	uintptr_t stack_hi;       /* highest address of the owner's stack (set at attach) */
	_Atomic uintptr_t sp;     /* stack pointer saved at park, blocking entry or own scan (owner) */
	uintptr_t regs[REGS_N];   /* callee-saved registers saved with sp (owner) */
	rootframe *frames;        /* precise frames, tc_roots_push order (owner) */
	size_t nframes, capframes;
	const tc_type *checked[TC_ALLOC_TYPES]; /* types validated on this mutator, by TC_TYPE_SLOT (owner) */
	int alloc_slow_always;    /* head.alloc_slow: torture or a TC_DEBUG build (set at attach) */
	unsigned torture_left;    /* allocations until the next torture collection (owner) */
	int blocking;             /* inside tc_blocking_enter/leave (owner) */
	/* Handshake answers (handshake.c): each == the world's generation once
	 * this mutator (or the controller for it, while blocked) did its part.
	 * Written under world.lock; read by the owner without it. */
	uint32_t barack;          /* world.bargen: barrier on */
	uint32_t scangen;         /* world.scangen: own stack scanned this cycle */
	uint32_t flushack;        /* world.flushgen: buffers flushed for that request */
	uint32_t offack;          /* world.offgen: barrier off, buffer dropped */
	uint32_t relack;          /* world.relgen: mcache released, allocating white */
	uint32_t holdack;         /* world.holdgen: held (mostly-concurrent mark, dirty.c) */
	uint64_t hs_seen;         /* world.hs_epoch when it last answered (owner) */
	bool allocblack;          /* allocate black (malloc.c's span rule): from its stack scan to its release
				   * (owner; set through mutator_set_allocblack) */
	uintptr_t *snap;          /* verify mode: the root words the last scan took for objects */
	size_t snapn, snapcap;    /* words in snap, and allocated */
	gcwork gcw;               /* grey work from this mutator: barrier flushes, own stack, assists (owner) */
	int64_t assist_credit;    /* scan bytes banked (> 0) or owed (< 0) while marking (owner) */
	_Atomic uint64_t stall_ns; /* time this mutator gave the collector: own scans, assists, waits, ns */
	tc__mmu_run mmu;           /* its MMU at 1, 10 and 100 ms over its whole run, kept as its stalls come (owner) */
	/* Its stalls not yet in the interval log (obs.lock was taken): a ring,
	 * records [ivtaken, ivkept) at their index modulo IVPEND_N. The owner
	 * writes a record, then ivkept (release); whoever holds obs.lock moves
	 * records into the log, then ivtaken (release). */
	interval ivpend[IVPEND_N];
	_Atomic uint64_t ivkept, ivtaken;
	void (*block_fn)(struct tc_mutator *m, void *arg); /* what tc__stw_block_while runs, blocked (owner) */
	void *block_arg;
	unsigned id;              /* order of attachment, for the interval log */
	struct tc_mutator *next, *prev; /* world.mutators (world.lock) */
};
_Static_assert(offsetof(struct tc_mutator, wb) == 0, "the barrier reaches its state by casting the mutator (barrier.h)");

/* Allocating black marks a whole run when the library loads it (malloc.c),
 * so a run loaded white must not serve once the mutator allocates black.
 * The owner, or the collector while the mutator is blocked. */
static inline void mutator_set_allocblack(struct tc_mutator *m, bool on)
{
	if (on && !m->allocblack)
		tc__mcache_fold_all(&m->mc); /* runs loaded white: the next allocation loads them black */
	if (on)
		tc__wb_stack_black(&m->wb); /* from its stack scan: the new values' shade is not needed */
	m->allocblack = on;
}

typedef struct rootrange {
	void **slots;
	size_t n;
	bool cons; /* a data segment (compat/): read as a stack is, unchecked by the sanitizers */
} rootrange;

/* ---- metrics.c ---- */

/* ---- final.c: finalizers and cleanups (Go's specials and finq) ---- */
typedef struct cleanup {
	void (*fn)(void *arg);
	void *arg;
	struct cleanup *next;
} cleanup;

/* One object's finalizer and cleanups: a slot of finstate.tab. */
typedef struct special {
	uintptr_t obj;                      /* the user address; 0 = empty slot, 1 = deleted slot */
	void (*fin)(void *obj, void *arg);  /* NULL: none (cleanups only) */
	void *finarg;
	cleanup *cleanups;                  /* newest first */
} special;

/* A finalizer or cleanup that is due: fin(obj, arg) or cfn(arg). */
typedef struct finjob {
	void *obj;
	void (*fin)(void *obj, void *arg);
	void (*cfn)(void *arg);
	void *arg;
	struct finjob *next;
} finjob;

typedef struct finstate {
	mutex lock;               /* LR_SPECIAL: the table */
	special *tab;             /* open addressing on obj, linear probing (lock) */
	size_t cap, used, n;      /* slots; slots not empty (live or deleted); live records (lock) */
	mutex qlock;              /* LR_FINQ: the queue, the running list and the thread's state */
	pthread_cond_t qcv;       /* the finalizer thread waits here for jobs, or to stop */
	finjob *head, *tail;      /* due, not started: FIFO (qlock) */
	struct batch *running;    /* batches of jobs being run: roots until the batch is done (final.c; qlock) */
	bool manual;              /* tc_config.finalizers "manual": no thread (set at creation) */
	int tstate;               /* the thread: 0 not started, 1 running, 2 asked to stop (qlock) */
	pthread_t thread;
	tc_mutator *tm;           /* the thread's mutator, NULL until attached (qlock) */
	_Atomic uint64_t queued;  /* jobs ever queued */
	_Atomic uint64_t run;     /* jobs ever finished */
	_Atomic size_t nrec;      /* == n, read without the lock: 0 = nothing to do in a cycle */
} finstate;

/* ---- weak.c: weak references and ephemerons ---- */
typedef struct weakstate {
	mutex lock;               /* LR_WEAK: objs */
	uintptr_t *objs;          /* every tc_weak and tc_ephemeron not yet found dead, by user address (lock) */
	size_t n, cap;            /* (lock) */
	/* The reader gate (weak.c): a marking reader shades inside it; the
	 * controller closes it to decide termination. */
	_Atomic int active;       /* readers inside */
	_Atomic int block;        /* closed: readers wait outside */
	mutex elock;              /* LR_EPHE: the pending table */
	uintptr_t *buckets;       /* pending ephemerons by key object, chained through their link word (elock) */
	size_t nbuckets;          /* a power of two, or 0 (elock) */
	_Atomic size_t npending;  /* ephemerons in the table (elock); grey() reads it on every new mark */
	_Atomic uint64_t cleared; /* weak references and ephemerons cleared, ever */
	_Atomic uint64_t traced;  /* ephemeron values traced because their key was marked, ever */
} weakstate;

/* What a built-in policy decides, and keeps from cycle to cycle (pacer.c).
 * What a cycle measured is the public tc_pacer_cycle. */
typedef struct pacer_out {
	uint64_t goal, trigger;
} pacer_out;

typedef struct pacer_state {
	double hist[4]; /* the last cycles' cons/mark */
	unsigned n;
	double cons_mark;
	double alloc_rate, gc_speed; /* membalancer: smoothed bytes/s allocated, and marked per GC CPU second */
	unsigned mb_n;               /* membalancer: cycles measured */
} pacer_state;

/* One row of the per-cycle record (metrics.c). */
typedef struct cyclerec {
	uint64_t cycle, start_ns, trigger, goal, heap_trigger, heap_peak, marked, roots;
	uint64_t stw1_ns, stw2_ns, mark_ns, assist_ns, cpu_ns, wall_ns;
	uint64_t mark_end_ns, sys; /* the end of the mark, from start_ns; heap memory the OS backs after the cycle */
	unsigned loops;
	double cons_mark;
} cyclerec;
#define CYCLEREC_N 4096

/* The timeline (trace.c): slices on tracks, a ring of the last TRACE_N. */
enum { TR_CYCLE, TR_SWEEP0, TR_BARRIER_ON, TR_MARK, TR_TERMINATE, TR_SWEEP, TR_WORKER, TR_ASSIST, TR_WAIT,
       TR_STOPPED, TR_PAUSE, TR_NAMES };
enum { TRACK_CONTROLLER = -1, TRACK_WORKER0 = -2 /* worker k: TRACK_WORKER0 - k; mutator k: k */ };
typedef struct trslice {
	uint64_t start_ns, end_ns; /* since the heap was created */
	uint64_t arg;              /* TR_CYCLE: the cycle's number */
	int track, name;
} trslice;
#define TRACE_N 65536

/*
 * The heap: one struct per subsystem, each field saying what it is, its
 * unit, and who writes it under which lock (after Go's gcControllerState and
 * mgc.go's work). "controller" means the controller thread (gc.c), which runs
 * cycles one at a time; "world stopped" means written only between stw_stop
 * and stw_start. Locks and their order: base/lock.h.
 */

/* The world: attached mutators, stopping them, and the per-cycle handshake
 * generations they answer (stw.c, mutator.c). */
typedef struct world {
	mutex lock;                /* LR_WORLD: the list, and every mutator's status and handshake answers */
	pthread_cond_t stopped;    /* the stopper waits here for mutators to stop or finish a handshake */
	pthread_cond_t resumed;    /* parked mutators, and blocked ones leaving, wait here */
	tc_mutator *mutators;      /* attached mutators, newest first (lock) */
	size_t n;                  /* how many (lock) */
	tc_mutator *graveyard;     /* TC_DEBUG: detached mutators, kept to report use after detach (lock) */
	unsigned next_id;          /* the id the next attached mutator gets (lock) */
	_Atomic int stw_pending;   /* 1 from a stop request until the world restarts (stopper, under lock) */
	uint64_t stw_start_ns;     /* when the current stop was requested, ns (stopper) */
	/* Handshakes (handshake.c): each += 1 by the controller, under lock, to
	 * ask every mutator for its part; hs_epoch += 1 with any of them. */
	_Atomic uint32_t bargen;   /* turn the barrier on */
	_Atomic uint32_t scangen;  /* scan your own stack (asked when marking begins) */
	_Atomic uint32_t flushgen; /* flush your grey work: a ragged barrier */
	_Atomic uint32_t offgen;   /* turn the barrier off, drop the buffer */
	_Atomic uint32_t relgen;   /* release your mcache, stop allocating black */
	_Atomic uint32_t holdgen;  /* mostly-concurrent mark (dirty.c): stop and wait for the mark's end */
	_Atomic int hold;          /* 1 from the hold request to the barrier-off answers (controller) */
	_Atomic uint64_t hs_epoch; /* what a mutator's poll compares with its hs_seen */
	uint64_t last_answer_ns;   /* when the latest handshake answer was given, by its mutator or for it, ns (lock) */
	bool barrier_on;           /* from the barrier-on request to the barrier-off one: a new mutator starts with it (lock) */
	bool releasing;            /* from the sweepgen bump to phase OFF (lock) */
	_Atomic uint32_t black_sg; /* a cached span's sweepgen that makes allocation black: mheap.sweepgen + 3 at the cycle's start */
} world;

/* The controller thread and the requests for cycles (gc.c). */
typedef struct controller {
	mutex lock;              /* LR_CTRL: everything below but cycles and mark_loops */
	pthread_cond_t wake;     /* the controller waits here for a request */
	pthread_cond_t progress; /* a cycle began, its mark ended, it was swept, or the limiter turned on */
	pthread_t thread;
	int running;             /* the thread was started (it starts at the first request) */
	int stop;                /* tc_heap_destroy asks the thread to exit */
	int requested;           /* a cycle was asked for and has not begun */
	uint64_t cycles_started, cycles_swept; /* cycles the thread began, and finished sweeping */
	_Atomic uint64_t cycles; /* completed marks: += 1 at mark termination (controller, world stopped) */
	int mark_loops;          /* this cycle's flush rounds that found grey work (controller) */
	int precleans;           /* this cycle's pre-cleaning rounds (dirty.c; controller) */
	uint64_t next_scan_nudge; /* when tc__hs_nudge_unscanned nudges next; 0: arm it (controller) */
	int nwaiting;            /* mutators waiting for the collector, at the trigger or the goal */
	uint64_t wait_starts;    /* the sum of their start times, ns */
	uint64_t wait_done;      /* finished waits, ns, summed (also in observ.assist_ns) */
	uint64_t goals[4];       /* the heap goals after the last 4 cycles, for the scavenger, bytes (controller) */
	unsigned ngoals;         /* cycles that wrote goals[], ever (controller) */
	int collect_asked;       /* tc_collect asked for the next cycle: it forgets goals[] (lock) */
} controller;

/* Mark state: grey work and the dedicated mark workers (gcwork.c, mark.c;
 * Go's work). Marking is done when full is empty and nwait == nworkers. */
typedef struct markstate {
	mutex lock;              /* LR_WORK: full, empty, nwait, markgen, markdone, nexited, shutdown */
	pthread_cond_t workcv;   /* idle workers wait here for work or the end of the mark */
	pthread_cond_t startcv;  /* parked workers wait here for a cycle */
	pthread_cond_t donecv;   /* the controller waits here for workers to go idle or leave */
	pthread_cond_t hungrycv; /* assists past the hard goal wait here for shared work or the mark's end */
	workbuf *full, *empty;   /* global lists of grey work, and of spare buffers */
	_Atomic int has_full;    /* full != NULL (written under lock; read relaxed by assists: a hint) */
	int nwait;               /* workers idle, waiting for work (lock; read relaxed by mark_drain) */
	_Atomic int hungry;      /* an assist found no global work: markers share theirs at the next balance check */
	_Atomic int napping;     /* the controller naps on donecv while marking (gc.c, mark_nap): hungry wakes it */
	int nhungry;             /* assists waiting on hungrycv (lock; read relaxed by mark_drain, which shares) */
	_Atomic int nassist;     /* mutators inside an assist, which may hold grey work (mark.c) */
	_Atomic int complete;    /* debug: a clean round ended this cycle's marking; nothing may be greyed now */
	int markdone;            /* the controller ended this cycle's mark */
	int nexited;             /* workers that have left this cycle's mark */
	uint64_t markgen;        /* += 1 at mark_begin; a worker starts a cycle when it moves */
	int shutdown;            /* tc_heap_destroy asks the workers to exit */
	pthread_t *workers;      /* dedicated workers (controller) */
	int nworkers;            /* how many started (controller) */
	double frac_goal;        /* the controller's own marking share, of one CPU (Go's fractional worker) */
	_Atomic uint64_t bytes_marked; /* bytes of objects marked this cycle, flushed from each gcwork */
	_Atomic uint64_t scan_done;    /* bytes of heap objects scanned this cycle */
	_Atomic uint64_t roots_bytes;  /* bytes of roots scanned this cycle */
	_Atomic uint64_t greyed;       /* objects greyed, ever (not allocated black): flushed from each gcwork */
	_Atomic int worker_ids;        /* dedicated workers numbered as they start (the timeline's tracks) */
} markstate;

/* The pacer's state and its assist accounting (pacer.c, mark.c; Go's
 * gcControllerState). */
typedef struct pacer {
	const tc_pacer *impl;          /* the policy: a built-in (pacer.c) or the program's own */
	void *state;                   /* its state, from impl->init (controller) */
	double last_goal, last_trigger; /* its last decision, bytes (controller) */
	int warned;                    /* a bad decision was reported (controller) */
	uint64_t end_ns, end_alloc, end_cpu; /* at the end of the last cycle: time, heap.alloc.bytes, GC CPU (controller) */
	_Atomic uint64_t heap_marked;  /* bytes marked by the last mark (controller, world stopped) */
	_Atomic uint64_t goal;         /* heap.live at which this cycle should end, bytes (world stopped) */
	_Atomic uint64_t trigger;      /* heap.live at which the next cycle starts, bytes (world stopped) */
	_Atomic uint64_t assist_ratio; /* scan bytes owed per byte allocated while marking, x 1024 (controller) */
	_Atomic int64_t bg_credit;     /* scan bytes background marking did, not yet taken by assists */
	uint64_t scan_expected;        /* bytes of scan work expected this cycle (controller) */
	uint64_t scan_next;            /* the same for the next cycle, as decided (controller) */
} pacer;

/* The GC CPU limiter's bucket (limiter.c; Go's gcCPULimiterState). */
typedef struct limiter {
	uint64_t fill;              /* GC time in the bucket, ns (controller) */
	struct limreading {
		uint64_t ns, cpu, assist, wait, stw, idle;
	} last;                     /* the clocks at the last tick, ns (controller) */
	_Atomic int on;             /* the bucket is full: no assists, no waits (controller; read relaxed) */
	_Atomic uint64_t on_ns;     /* time it was on, ns */
	_Atomic uint64_t enabled;   /* times it turned on */
} limiter;

/* Global roots: ranges of slots the embedder registered (roots.c). */
typedef struct rootset {
	mutex lock;      /* LR_ROOTS: the table */
	rootrange *r;    /* the ranges, in order of registration */
	size_t n, cap;   /* ranges used, and allocated */
	uint64_t removed; /* ranges removed, ever: a scan in steps starts again when it moves (lock) */
} rootset;

/* Where a scan of the global roots in steps has got to (roots.c). */
typedef struct rootcursor {
	size_t i, off;    /* range, and slot within it */
	uint64_t removed; /* rootset.removed when the scan began */
	bool again;       /* started again once: the rest goes in one step */
	bool started;
} rootcursor;

/* What the heap measured for tc_metrics_read and the CSV writers (metrics.c):
 * counters only grow. */
typedef struct observ {
	mutex lock;                 /* LR_OBS: the two rings */
	cyclerec *recs;             /* per-cycle records, a ring of CYCLEREC_N (allocated on first use) */
	uint64_t nrecs;             /* records ever written */
	interval *ivs;              /* intervals the collector took from mutators, a ring of ivcap */
	uint64_t ivcap;             /* its entries: tc_config.interval_log, or IVLOG_N (set once at creation) */
	uint64_t nivs;              /* intervals ever written */
	trslice *tr;                /* the timeline, a ring of TRACE_N (trace.c; allocated on first use) */
	uint64_t ntr, trace_lost;   /* slices ever recorded, and overwritten before any writer saw them */
	FILE *trace_out;            /* TRICOLOR_TRACE's file, written at tc_heap_destroy (or NULL) */
	uint64_t start_ns;          /* when the heap was created (tc__now_ns) */
	_Atomic uint64_t cpu_ns;    /* CPU time of the controller and the workers, ns */
	_Atomic uint64_t assist_ns; /* time mutators gave the collector: own stack scans, assists, waits, ns */
	_Atomic uint64_t stw_ns;    /* all pauses, summed, ns */
	_Atomic uint64_t idle_mark_ns; /* controller CPU spent marking on an otherwise idle CPU, ns (part of cpu_ns) */
	_Atomic uint64_t alloc_bytes_gone, alloc_objects_gone, alloc_slow_gone; /* allocation counts of detached mutators */
	_Atomic uint64_t stall_max_gone; /* the largest stall total of a detached mutator, ns */
	uint64_t mmu_gone_worst[TC__MMU_NW]; /* detached mutators' most stalled windows (tc__mmu_run.worst), ns (world.lock) */
	uint64_t mmu_gone_total;             /* and their largest stall total, ns (world.lock) */
	timehist pauses;           /* every stop-the-world pause */
	timehist stalls;           /* every stall of every mutator: stops, assists, waits, own scans (gc.stall.ns) */
	timehist pauses_kind[2];   /* the same by kind: [PAUSE_SWEEP_TERM], [PAUSE_MARK_TERM] */
	uint64_t last_mark_ns, last_stw1_ns, last_stw2_ns; /* the last cycle's phases, ns (controller) */
	_Atomic uint64_t verified_objects; /* reachable objects the verifier checked, all cycles */
	_Atomic uint64_t late_work;        /* flush rounds that found or greyed grey work (gc.mark.rounds) */
	_Atomic uint64_t hs_lag_max;       /* the longest a handshake's last answer waited for the controller to see it, ns */
	_Atomic int limit_warned;          /* the heap went past its memory limit, and a warning was written */
	_Atomic uint64_t dirty_pages;      /* mostly-concurrent marks: dirty pages rescanned, all cycles */
	_Atomic uint64_t dirty_protect_ns; /* and time protecting, pre-cleaning and lifting (controller), ns */
	_Atomic uint64_t dirty_rescan_ns;  /* and time from the hold request to the rescan's end, ns */
} observ;

typedef struct tc_heap {
	mheap mh;            /* the page heap and the span lists (alloc/) */
	tc_config cfg;       /* as created; never changed */
	int nprocs;          /* online CPUs at creation */
	_Atomic int phase;   /* GC_OFF or GC_MARK (controller, world stopped; read relaxed everywhere) */
	world world;
	controller ctrl;
	markstate work;
	pacer pacer;
	limiter lim;
	rootset roots;
	finstate fin;
	weakstate weak;
	observ obs;
	/* Test hooks (the controller calls them): after mark, before the
	 * verifier; and once per cycle in concurrent mark, after the blocked
	 * stacks are scanned, before draining. */
	void (*after_mark_hook)(struct tc_heap *h, void *arg);
	void *after_mark_arg;
	void (*mark_hook)(struct tc_heap *h, void *arg);
	void *mark_hook_arg;
	/* and in every phase-change handshake and flush round, after the
	 * request, before waiting for the answers (tests/test_handshake.c) */
	void (*hs_hook)(struct tc_heap *h, int kind, void *arg);
	void *hs_hook_arg;
	/* and in a mutator's large allocation, after its span is made, before
	 * it is marked black and listed (malloc.c) */
	void (*large_hook)(struct tc_heap *h, void *arg);
	void *large_hook_arg;
	/* and in a write fault of a mostly-concurrent mark, between lifting
	 * the page's protection and setting its dirty bit (dirty.c) */
	void (*fault_hook)(struct tc_heap *h, uintptr_t pg);
	/* The verifier's type table (verify.c): per arena, a type per heap word. */
	const tc_type *_Atomic **_Atomic vtypes;
	/* The libgc shim's modes (compat/), set before the first attach. */
	int stw_mark;           /* marking with no mutator running: libgc programs have no
				 * barrier. A mutator that answers the barrier-on handshake
				 * then waits, blocked, for the mark to end (gc.c) */
	_Atomic int dirty_req;  /* stw_mark heaps: mark mostly-concurrently from the next cycle on (compat/) */
	_Atomic int dirty_mark; /* this cycle marks mostly-concurrently: mutators run until the hold
				 * handshake, their writes recorded by page (dirty.c; set by the
				 * controller at a cycle's start from dirty_req) */
	_Atomic uint32_t dirty_splits; /* mappings this cycle's protections and lifts may have added (dirty.c;
					* reset at cycle start) */
	uint32_t dirty_split_max;      /* past it, runs are left dirty unprotected and a fault lifts its whole
					* arena (dirty.c; 0: DIRTY_SPLIT_MAX; set before the first attach) */
	void (*protect_hook)(struct tc_heap *h); /* the controller, before protecting: the fault handler
						  * is in place, or dirty_req is cleared (compat/vdb.c) */
	_Atomic int gc_disabled; /* GC_disable depth: > 0, no cycle starts (compat/) */
	void (*roots_hook)(struct tc_heap *h, void *arg); /* the controller, before greying the
							   * global roots: the shim refreshes its
							   * data segments (compat/) */
	void *roots_hook_arg;
	void (*cleared_hook)(struct tc_heap *h, void *arg); /* the controller, after marking, before
							     * finalizers keep their objects: the
							     * shim clears disappearing links to
							     * unmarked objects (compat/); arg is
							     * roots_hook_arg */
	void (*nudge_hook)(struct tc_heap *h, struct tc_mutator *m); /* the controller, world.lock held,
								       * every NUDGE_NS while a running mutator
								       * has not answered a handshake: the shim
								       * signals its thread, which parks in the
								       * handler (compat/threads.c) */
} tc_heap;
#define NUDGE_NS 1000000 /* a running mutator's time to answer before nudge_hook, and between nudges */

/* ---- gc.c ---- */
void tc__gc_collect(tc_mutator *m);   /* a full cycle that starts after the call, swept */
/* ---- trace.c ---- */
void tc__trace_slice(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int track, int name, uint64_t arg); /* tc__now_ns times */
void tc__trace_put(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int track, int name, uint64_t arg); /* obs.lock held */
void tc__gc_collect_stw(tc_mutator *m); /* stw_mark heaps: a cycle now, waiting for its mark only */
void tc__gc_maybe_trigger(tc_mutator *m);
void tc__gc_wait_mark(tc_mutator *m); /* block until the current mark terminates */
void tc__gc_stw_hold(tc_mutator *m);  /* stw_mark: when mutator_held, wait out the mark */
/* stw_mark: m may not run until the mark is over. It answered barrier-on
 * (or the controller did for it) for a mark under way; and in a
 * mostly-concurrent mark, the hold was asked (dirty.c). */
static inline bool mutator_held(const tc_mutator *m)
{
	const tc_heap *h = m->h;
	return h->stw_mark && (__atomic_load_n(&m->wb.head.wb_on, __ATOMIC_RELAXED) & WB_MARKING) &&
	       (!atomic_load_explicit(&h->dirty_mark, memory_order_relaxed) ||
		atomic_load_explicit(&h->world.hold, memory_order_relaxed));
}
/* ---- dirty.c ---- */
void tc__dirty_cycle_start(tc_heap *h);        /* dirty_mark latched; if on, protected */
bool tc__dirty_final(tc_heap *h, gcwork *w);   /* at the first idle: hold, rescan; false when not dirty_mark */
void tc__dirty_cycle_end(tc_heap *h);          /* after the cycle's end: the protection lifted */
uint64_t tc__dirty_preclean(tc_heap *h, gcwork *w); /* one pre-cleaning round; the pages rescanned */
int tc__dirty_fault(tc_heap *h, uintptr_t addr); /* a write fault at addr: 1 handled, 0 not the heap's,
						  * -1 the heap's, and its protection cannot be lifted */
void tc__gc_controller_stop(tc_heap *h);
uint64_t tc__gc_waited(tc_heap *h); /* finished waits for the collector, ns */
/* The bytes of mapped heap the scavenger keeps after a cycle whose goal and
 * in-use peak are these (gc.c, gc_sweep_finish); it notes the goal in the
 * last 4 (asked: tc_collect's cycle, which forgets them first). */
uint64_t tc__scav_keep(tc_heap *h, uint64_t goal, uint64_t peak, bool asked);
bool tc__cpus_full(tc_heap *h);     /* no CPU left for the controller: running mutators and workers fill them */
bool tc__cpu_free(tc_heap *h);      /* more than one CPU, and one the running mutators and workers leave free */

/* ---- stw.c ---- */
void tc__stw_stop(tc_heap *h, tc_mutator *self);     /* every mutator but self stopped (verify mode) */
uint64_t tc__stw_start(tc_heap *h);                 /* restart; logs and returns the pause */
void tc__save_ctx(tc_mutator *m, const uintptr_t *regs, uintptr_t sp);
static inline bool mutator_poll_due(const tc_heap *h, const tc_mutator *m)
{
	return atomic_load_explicit(&h->world.stw_pending, memory_order_relaxed) ||
	       m->hs_seen != atomic_load_explicit(&h->world.hs_epoch, memory_order_relaxed);
}

/* ---- handshake.c ---- */
enum { HS_BARRIER_ON = 0, HS_BARRIER_OFF = 1, HS_RELEASE = 2, HS_FLUSH = 3 /* hs_hook only: a flush round asked */, HS_HOLD = 4 };
uint64_t tc__handshake(tc_heap *h, int kind);       /* request, answer for the blocked, wait; ns taken */
void tc__hs_nap(long *ns, bool cpu_free);           /* the controller's sleep while it waits for answers: 0 first */
void tc__handshake_answer(tc_mutator *m, bool scan); /* the mutator's part of every pending request */
void tc__hs_request_scan(tc_heap *h);
uint32_t tc__hs_request_flush(tc_heap *h);
bool tc__hs_all_stacks_scanned(tc_heap *h);
void tc__hs_scan_blocked(tc_heap *h, gcwork *w);    /* scan stacks of blocked, unscanned mutators */
bool tc__hs_all_flushed(tc_heap *h);
void tc__hs_flush_blocked(tc_heap *h);              /* flush buffers of blocked mutators */
void tc__hs_nudge_unscanned(tc_heap *h);            /* nudge_hook: running mutators that owe their stack scan */
void tc__safepoint_slow(tc_mutator *m);
void tc__stw_blocking_leave(tc_mutator *m);
void tc__stw_block_while(tc_mutator *m, void (*wait)(tc_mutator *m, void *arg), void *arg);


/* ---- mutator.c ---- */
bool tc__mutator_check(tc_mutator *m, const char *fn);
/* A stall of m from t0 until now (IV_ASSIST, IV_WAIT, IV_STOP): logged as an
 * interval, recorded in gc.stall.ns and m's total; all but IV_STOP count in
 * gc.assist.ns too. */
void tc__mutator_stall(tc_mutator *m, uint64_t t0, int kind);

/* ---- metrics.c ---- */
extern const uint64_t tc__mmu_windows[TC__MMU_NW]; /* gc.mmu.1ms, 10ms, 100ms: ns */

/* ---- roots.c ---- */
/* Hand root values to fn: the global roots (returns the bytes scanned), one
 * mutator's frames, registers and stack (unless the heap is precise). */
uint64_t tc__roots_globals(tc_heap *h, void (*fn)(uintptr_t v, void *ctx), void *ctx); /* bytes scanned */
/* The same in steps of at most max slots, the table lock held for one step
 * (the controller rests between them): returns the bytes scanned, 0 when
 * the scan is done. *c starts zeroed. */
uint64_t tc__roots_globals_step(tc_heap *h, rootcursor *c, size_t max, void (*fn)(uintptr_t v, void *ctx), void *ctx);
void tc__root_add_cons(tc_heap *h, void **slots, size_t n); /* a conservative range; removed by tc_root_remove */
void tc__roots_mutator(tc_heap *h, tc_mutator *m, void (*fn)(uintptr_t v, void *ctx), void *ctx);
void tc__roots_frames(tc_mutator *m, void (*fn)(uintptr_t v, void *ctx), void *ctx);
void tc__roots_note(tc_mutator *m, uintptr_t v); /* verify mode: a root word the scan took for an object */

/* ---- gcwork.c ---- */
void tc__gcw_init(gcwork *w, tc_heap *h);
void tc__gcw_put_slow(gcwork *w, uintptr_t obj);
uintptr_t tc__gcw_tryget_slow(gcwork *w);
static inline void gcw_put(gcwork *w, uintptr_t obj)
{
	workbuf *b = w->wbuf1;
	if (__builtin_expect(b != NULL && b->nobj < WORKBUF_N, 1))
		b->obj[b->nobj++] = obj;
	else
		tc__gcw_put_slow(w, obj);
}
static inline uintptr_t gcw_tryget(gcwork *w)
{
	workbuf *b = w->wbuf1;
	if (__builtin_expect(b != NULL && b->nobj > 0, 1))
		return b->obj[--b->nobj];
	return tc__gcw_tryget_slow(w);
}
void tc__gcw_spill(gcwork *w, uint32_t n); /* the n oldest spans of spanq to the global full list */
static inline void gcw_put_span(gcwork *w, uintptr_t obj)
{
	if (__builtin_expect(w->qtail - w->qhead == SPANQ_N, 0))
		tc__gcw_spill(w, SPANQ_N / 2);
	w->spanq[w->qtail++ % SPANQ_N] = obj | SPAN_ITEM;
}
void tc__gcw_dispose(gcwork *w); /* hand local buffers and counts to the heap */
/* The same, unless work.lock is taken: then publish the counts only, and keep
 * the grey work (false). The owner's next answer hands it over. */
bool tc__gcw_dispose_try(gcwork *w);
void tc__gcw_balance(gcwork *w);
void tc__work_free_all(tc_heap *h);

/* ---- mark.c ---- */
void tc__mark_workers_stop(tc_heap *h);
void tc__mark_begin(tc_heap *h);               /* wake the dedicated workers for a cycle */
void tc__mark_end(tc_heap *h);                 /* tell them it is over; wait for them */
bool tc__mark_idle(tc_heap *h);                /* no global work, every worker waiting */
uint64_t tc__mark_drain(tc_heap *h, gcwork *w, uint64_t budget); /* scan bytes done; 0 = no limit */
void tc__mark_scan_roots(tc_heap *h, gcwork *w, tc_mutator *m); /* m's frames, registers, stack */
void tc__grey_conservative(uintptr_t v, void *ctx); /* ctx: gcwork */
void tc__mark_rescan_page(gcwork *w, span *s, uintptr_t pg); /* dirty.c: s's marked objects on page pg */
void tc__wb_flush(tc_mutator *m);
void tc__gc_assist(tc_mutator *m, bool hard); /* hard: the heap is past the hard goal */
/* An assist past the hard goal that found nothing to mark waits, blocked, for
 * shared grey work or the mark's end; true if marking goes on (gc.c). */
bool tc__gc_wait_work(tc_mutator *m);

/* ---- malloc.c ---- */
/* The type of a large conservative object (scan.h): every word scanned as a
 * stack word is. Small ones are span kind SK_CONS and carry no type. */
extern const tc_type tc__cons_type;
/* Allocate size bytes of kind SK_CONS (conservative) or SK_NOSCAN, zeroed,
 * for the libgc shim (compat/); fn names the call in errors. */
void *tc__alloc_kind(tc_mutator *m, size_t size, unsigned kind, const char *fn);

/* ---- malloc.c: the header word of SK_HDR objects ---- */
/* type | count << 48: types are user-space pointers (below 2^47), counts of
 * small objects are below 2^16. */
#define HDR_COUNT_SHIFT 48
static inline uintptr_t hdr_make(const tc_type *t, size_t count)
{
	tc_assert((uintptr_t)t >> HDR_COUNT_SHIFT == 0 && count < ((size_t)1 << (64 - HDR_COUNT_SHIFT)));
	return (uintptr_t)t | (uintptr_t)count << HDR_COUNT_SHIFT;
}
static inline const tc_type *hdr_type(uintptr_t hdr)
{
	return (const tc_type *)(hdr & (((uintptr_t)1 << HDR_COUNT_SHIFT) - 1));
}
static inline size_t hdr_count(uintptr_t hdr) { return hdr >> HDR_COUNT_SHIFT; }

/* ---- pacer.c ---- */
int tc__pacer_init(tc_heap *h, const tc_pacer *p); /* -1 with an error: the heap is not made */
void tc__pacer_destroy(tc_heap *h);
void tc__pacer_end_cycle(tc_heap *h, tc_pacer_cycle *c); /* c filled but for gogc */
const tc_pacer *tc__pacer_builtin(int policy);
double tc__pacer_cons_mark(tc_heap *h); /* a built-in's cons/mark, else 0 */
int tc__pacer_lookup(const char *name); /* policy index, or -1 */
int tc__assists_lookup(const char *name); /* tc_config.assists: 0 "marked", 1 "scanned", -1 unknown */
void tc__pacer_compute(int policy, int gogc, const tc_pacer_cycle *in, pacer_state *st, pacer_out *out);

/* ---- metrics.c ---- */
void tc__cycle_record(tc_heap *h, const cyclerec *r);
void tc__interval_record(tc_heap *h, uint64_t start_ns, uint64_t end_ns, int kind, int mutator);
/* A stall of m, logged by its owner: never waits for obs.lock (metrics.c). */
void tc__interval_mine(tc_mutator *m, uint64_t start_ns, uint64_t end_ns, int kind);
void tc__interval_flush(tc_mutator *m); /* m's kept stalls into the log, waiting for obs.lock: at detach */
void tc__intervals_gather(tc_heap *h);  /* every mutator's kept stalls into the log: takes world.lock, then obs.lock, and returns holding obs.lock */
void tc__gctrace_line(tc_heap *h, uint64_t heap0, uint64_t heap_end, uint64_t marked);

/* ---- limiter.c ---- */
void tc__limiter_tick(tc_heap *h, bool marking); /* controller only */
static inline bool limiter_on(const tc_heap *h) { return atomic_load_explicit(&h->lim.on, memory_order_relaxed); }
/* Go's hard goal: how far past the goal assists and idle marking may let
 * the heap run before a mutator waits. */
static inline uint64_t hard_goal(uint64_t goal) { return goal > UINT64_MAX / 2 ? goal : goal + goal / 10; }
/* Must an allocating mutator with the heap at `live` wait for the collector
 * (for the cycle to start at the trigger, or for the mark to end at the
 * goal)? Not while the GC CPU limiter is on; under a memory limit, yes, so
 * that the heap stays under it; otherwise only past the hard goal, which the
 * pacer and the assists aim never to reach. Past the hard goal while
 * marking, a mutator first marks alongside (malloc.c, mark.c) and waits for
 * the mark's end only when there is nothing left for it to mark. */
static inline bool tc__gc_must_wait(const tc_heap *h, uint64_t live, uint64_t at)
{
	return !limiter_on(h) && live >= (h->cfg.memory_limit != 0 ? at : hard_goal(atomic_load(&h->pacer.goal)));
}

/* ---- final.c ---- */
void tc__fin_init(tc_heap *h);
void tc__fin_stop(tc_heap *h);      /* the thread, if any, stopped and detached */
void tc__fin_destroy(tc_heap *h);   /* after the controller stopped: the queue and records dropped */
tc_mutator *tc__fin_mutator(tc_heap *h); /* the finalizer thread's mutator, or NULL */
void tc__fin_mark_roots(tc_heap *h, gcwork *w); /* cycle start: what specials and jobs keep alive */
void tc__fin_sweep(tc_heap *h);     /* after termination: queue what is due, keep its objects */
/* obj's finalizer and its arg, if it has one (the libgc shim's replace). */
bool tc__fin_get(tc_mutator *m, void *obj, void (**fn)(void *obj, void *arg), void **arg);
/* The verifier's view of tc__fin_mark_roots: fields(obj) for each object
 * whose referents a finalizer keeps, val(v) for each other root value. */
void tc__fin_roots(tc_heap *h, void (*fields)(uintptr_t obj, void *ctx), void (*val)(uintptr_t v, void *ctx), void *ctx);

/* ---- weak.c ---- */
extern const tc_type tc__weak_type, tc__ephe_type;
void tc__weak_init(tc_heap *h);
void tc__weak_destroy(tc_heap *h);
void tc__weak_gate_close(tc_heap *h); /* the controller: no reader shades until _open */
void tc__weak_gate_open(tc_heap *h);
void tc__ephe_scan(gcwork *w, uintptr_t e);        /* the marker scans ephemeron e (its user address) */
void tc__ephe_key_marked(gcwork *w, uintptr_t k);  /* object k was just marked: resolve its ephemerons */
void tc__weak_sweep(tc_heap *h);      /* after termination: clear what refers to dead objects */

/* ---- malloc.c: objects as the API sees them ---- */
/* The user address of the object at base in s (after its header word for a
 * small header object). */
static inline uintptr_t obj_user(const span *s, uintptr_t base)
{
	return base + (spc_kind(s->spc) == SK_HDR && spc_sizeclass(s->spc) != 0 ? TC_WORD : 0);
}
/* Is p the user address of an object of h (NULL, outside the heap and
 * interior pointers are refused)? 0, with *sp and *base set; or -1 with an
 * error "FN: WHAT ... is ..." and nothing changed. */
int tc__obj_check(tc_heap *h, const void *p, const char *fn, const char *what, span **sp, uintptr_t *base);

/* ---- mark.c, for final.c and weak.c ---- */
bool tc__grey(gcwork *w, uintptr_t p);                 /* a conservative grey; true if p is an object */
void tc__grey_fields(gcwork *w, uintptr_t p);          /* grey what p's object references, but itself */
/* Is m inside marking as far as its own shading goes: its stack scanned
 * and its barrier still on, so that the sweepgen bump cannot come before its
 * next safepoint? Shades by m outside this window are not owed, or must not
 * be made (after the bump they would set the next cycle's mark bits). */
static inline bool mutator_shading(const tc_mutator *m)
{
	return m->allocblack && (__atomic_load_n(&m->wb.head.wb_on, __ATOMIC_RELAXED) & WB_MARKING);
}

/* ---- verify.c ---- */
void tc__verify_heap(tc_heap *h);
void tc__verify_note_type(tc_heap *h, uintptr_t obj, const tc_type *t); /* verify mode, at allocation */
void tc__verify_free_types(tc_heap *h);
void tc__verify_describe_white(tc_heap *h, tc_mutator *m, char *why, size_t n); /* verify_stop's diagnosis */

/* ---- config.c ---- */
int tc__config_from_env(tc_config *cfg, bool tuning);

#endif /* TC_GC_H */
