/*
 * handshake.pml — tricolor's marking protocol as a Promela model, checked by
 * SPIN (scripts/model-check.sh runs every property and every mutant).
 *
 * What it models, at the level of the protocol rather than of the C:
 *  - a heap of NO objects with one pointer field each, a global root slot,
 *    and NM mutators whose stacks have NS slots (the roots a stack scan reads);
 *  - the mutators' operations: load a field or the root into a stack slot,
 *    store a stack slot into a field or the root through the hybrid barrier,
 *    allocate (black or white: the colour of its run), drop a stack slot,
 *    flush a full barrier buffer, assist, reach a safepoint and answer every
 *    pending request in handshake.c's order, block and unblock;
 *  - the controller: the BARRIER_ON handshake (answering for blocked
 *    mutators), phase MARK and the lazy stack-scan request, marking, scanning
 *    blocked mutators' stacks, ragged flush rounds and their termination
 *    test, BARRIER_OFF, the sweepgen bump with the sweep, RELEASE.
 *
 * Abstractions, each argued in the C it stands for:
 *  - Grey work is a set per holder: the global full list (work.full), each
 *    mutator's gcwork, each mutator's barrier buffer. Order inside a buffer
 *    does not matter to the protocol.
 *  - work.greyed, a counter in the C, is the flag greyed_since: the controller
 *    clears it where the C reads greyed0, and a gcwork's dispose sets it
 *    where the C adds its count. The test "greyed unchanged" is "flag clear".
 *  - Allocation is from runs (mcache.c): an allocation loads a run if it has
 *    none, black when the mutator allocates black, and takes an object of
 *    the run's colour. Runs are folded (arun = 0) when allocating black
 *    turns on (mutator_set_allocblack) and at the release (the mcache's
 *    spans are released). A run emptied and reloaded in between takes the
 *    colour of the moment, which is the colour the fold already gives, so
 *    the model keeps one run for as long as it may (the worst case).
 *    MUT_NO_RUN_FOLD leaves out the fold at turn-on.
 *  - The sweep is one atomic step at the bump. In the C spans are swept
 *    lazily, and the span rule (malloc.c, black_sg) makes an allocation
 *    between the bump and the mutator's RELEASE answer survive this sweep and
 *    be white for the next cycle: here, allocation after the bump is white
 *    and the sweep is already over, the same outcome.
 *  - The controller is the only marker; its own gcwork is disposed before each
 *    idleness test in the C, so here it greys straight into the global set.
 *  - A mutator may run any number of operations between safepoints (up to
 *    its bound, below), and other mutators and the controller interleave
 *    between a barrier's flag check and its store, and between the steps of
 *    every answer. Once its bound is spent it only answers, blocks and
 *    unblocks: that is the embedder's promise of a safepoint in bounded time,
 *    on which termination rests.
 *  - Local variables are reset after each use, so that they do not split
 *    states.
 *  - The search is bounded: each mutator does at most B heap operations
 *    (loads, stores, allocations, drops, buffer flushes, assists) per cycle,
 *    from the barrier-on request of one cycle to that of the next; answers,
 *    blocking and unblocking are not bounded. Every race the tests name
 *    takes at most four operations of one mutator in a cycle.
 *
 * Every protocol variable names its C counterpart, and the C names these:
 *   marking        h->phase == GC_MARK
 *   releasing      h->world.releasing
 *   wb[m]          wbstate.head.wb_on & WB_MARKING (barrier.c)
 *   buf[m][o]      wbstate.buf
 *   lgrey[m][o]    tc_mutator.gcw (grey objects not yet disposed)
 *   lcount[m]      tc_mutator.gcw.greyed != 0
 *   ggrey[o]       h->work.full
 *   greyed_since   h->work.greyed != greyed0 (gc.c, ragged_flush)
 *   nassist        h->work.nassist
 *   allocblack[m]  tc_mutator.allocblack; while marking, also the stack
 *                  scanned, so the barrier shades no new value
 *                  (!(wb_on & WB_INSERT), mutator_set_allocblack)
 *   arun[m]        the mcache's runs (tc_alloc_run, mcache.black[]): a run
 *                  loaded while allocating black is marked whole at load
 *                  and serves black until folded; 0 none, 1 white, 2 black
 *   blocked[m]     tc_mutator.status == M_BLOCKED
 *   pend[m]        world.{bar,scan,flush,off,rel}gen != tc_mutator.{barack,
 *                  scangen,flushack,offack,relack}, one bit each
 *   mark[o]        the span's gcmarkbits; alloc[o]: allocated (allocbits)
 *   complete       h->work.complete (the TC_DEBUG check in mark.c)
 *
 * Properties (scripts/model-check.sh):
 *  - safety: at the sweep no freed object is referenced by a stack, the root
 *    or an allocated object (sweep()); at termination every object reachable
 *    from the roots is marked (terminated()); nothing is greyed after
 *    termination (grey_local);
 *  - no load of a freed object (load ops);
 *  - termination: every cycle ends (the controller passes its progress
 *    label), checked as the absence of non-progress cycles under weak
 *    fairness;
 *  - no waiting on others: a mutator's every guard reads only its own state
 *    (blocked[m], ops[m]), so it is never held by another mutator's step;
 *    SPIN's invalid-end-state check confirms no state leaves every process
 *    without a move.
 *
 * Weak references (-DWEAK; gc/weak.c): one global weak reference that a
 * mutator points at an object it holds (tc_weak_new) and reads into its
 * stack (tc_weak_get, with the shade and the gate of weak.c), the gate
 * closed around the termination test (wblock, wactive), and the clearing
 * pass between termination and the barrier-off handshake. Its mutants:
 * MUT_NO_WEAK_SHADE, MUT_NO_WEAK_PUBLISH (the shade left in the reader's
 * gcwork until its next flush), MUT_NO_GATE.
 *
 * Initialising stores (-DINIT_STORE; tc_write_init, barrier/barrier.c): a
 * mutator stores a stack slot into the NIL field of an object only its own
 * stack reaches (fresh[o] == m + 1: set at its allocation, cleared when it
 * is stored anywhere or made a weak target), with no deletion shade and no
 * exchange, shading the new value while its stack is grey. Its mutant,
 * MUT_INIT_SHARED, drops the freshness condition: another mutator may then
 * store into the slot between the check and the store, and the value it
 * stored is lost unshaded (test_handshake's fourth race, by an
 * initialising store). The new value's shade cannot fail here: with
 * precise stacks a fresh object is white while its allocator's stack is
 * grey. It is there for conservative stacks (barrier.c argues it), which
 * the model does not have.
 *
 * Mutants (-DMUT_...): each removes one shade or one handshake step, and
 * each must fail (model-check.sh says which property caught it). The search for a
 * mutant's counterexample may leave out operations its race does not need
 * (-DNO_ALLOC, -DNO_ASSIST, -DNO_BLOCK), bound the second mutator more
 * tightly (B1) and start from a heap shaped for the race (INIT=2..5): a
 * smaller space, in which the search reaches the race's depth. The model
 * itself is checked from the same heaps (model-check.sh), so a trail there
 * is the mutant's, not the starting heap's.
 */

#ifndef NM
#define NM 2
#endif
#ifndef NO
#define NO 3
#endif
#define NS 2
#define NIL 0
#define O1 (NO + 1)

#ifndef B
#define B 4 /* heap operations per mutator per cycle: the bound of the search */
#endif
#ifndef B1
#define B1 B /* the second mutator's bound, when a race needs fewer of its operations */
#endif
#define BOUND(m) (m == 1 -> B1 : B)
#ifndef NCYC
#define NCYC 2 /* cycles the controller runs; then every process ends */
#endif

#define P_BAR 1
#define P_SCAN 2
#define P_FLUSH 4
#define P_OFF 8
#define P_REL 16

byte field[O1];
bool alloc[O1];
bool mark[O1];
bool ggrey[O1];
byte groot;
byte stack[NM * NS];
bool wb[NM];
bool buf[NM * O1];
bool lgrey[NM * O1];
bool lcount[NM];
bool allocblack[NM];
byte arun[NM];   /* the mutator's allocation run: 0 none, 1 loaded white, 2 loaded black */
bool blocked[NM];
#ifdef INIT_STORE
byte fresh[O1];  /* m + 1 while o is reachable from mutator m's stack alone (allocated by m, stored nowhere): tc_write_init's contract */
#endif
byte pend[NM];
byte ops[NM];   /* heap operations this cycle (< B) */
bool marking;
bool releasing;
bool complete;
bool greyed_since;
byte cycles;
byte nassist;
#ifdef WEAK
/* One weak reference (weak.c), held by a global tc_weak: its target (NIL
 * once cleared), and the readers' gate. */
byte wtarget;   /* the tc_weak's target word */
byte wactive;   /* weak.active */
bool wblock;    /* weak.block */
#endif

/* mark_idle: the global list empty and no mutator inside an assist. */
#define NONE_GREY (!ggrey[1] && !ggrey[2] && !ggrey[3] && (NO < 4 || !ggrey[NO]))
#ifdef MUT_NO_ASSIST_CHECK
#define IDLE NONE_GREY
#else
#define IDLE (NONE_GREY && nassist == 0)
#endif

/* ---- greying ---- */

/* grey() into mutator m's gcwork. */
inline grey_local(m, o)
{
	if
	:: (o != NIL && alloc[o] && !mark[o]) ->
		assert(!complete); /* nothing is greyed after termination */
		mark[o] = 1;
		lgrey[m * O1 + o] = 1;
		lcount[m] = 1
	:: else -> skip
	fi
}

/* grey() by the controller (its gcwork is disposed before every test). */
inline grey_global(o)
{
	if
	:: (o != NIL && alloc[o] && !mark[o]) ->
		assert(!complete);
		mark[o] = 1;
		ggrey[o] = 1;
		greyed_since = 1
	:: else -> skip
	fi
}

inline putfull(m)
{
	i = 1;
	do
	:: i <= NO -> if :: lgrey[m * O1 + i] -> ggrey[i] = 1; lgrey[m * O1 + i] = 0 :: else -> skip fi; i++
	:: else -> break
	od;
	i = 0
}

inline count(m)
{
	if :: lcount[m] -> greyed_since = 1; lcount[m] = 0 :: else -> skip fi
}

/* tc__gcw_dispose: putfull, then the greyed count (two steps, as in C). */
inline dispose(m)
{
	d_step { putfull(m) };
	atomic { count(m) }
}

/* tc__wb_flush: every buffered pointer through grey into the gcwork. */
inline wb_flush(m)
{
	d_step { wb_flush_body(m) }
}

inline wb_flush_body(m)
{
	{
		i = 1;
		do
		:: i <= NO ->
			if
			:: buf[m * O1 + i] -> buf[m * O1 + i] = 0; grey_local(m, i)
			:: else -> skip
			fi;
			i++
		:: else -> break
		od;
		i = 0
	}
}

/* The barrier's shade of one value into the buffer. */
inline shade(m, o)
{
	if :: o != NIL -> buf[m * O1 + o] = 1 :: else -> skip fi
}

/* ---- the barrier: tc_write_slow ---- */

/* Store v into the field of t (t == NIL: the global root). The flag check
 * is its own step: a store may be held between it and the store. */
inline store(m, t, v)
{
#ifdef MUT_STALE_OLD
	/* Read the old value with the flag, store later: the race the exchange
	 * closes (barrier.c; test_handshake's fourth test). */
	atomic { w = wb[m]; old = (t == NIL -> groot : field[t]) };
	atomic {
#else
	w = wb[m];
	atomic {
		old = (t == NIL -> groot : field[t]);
#endif
		if :: t == NIL -> groot = v :: else -> field[t] = v fi;
#ifdef INIT_STORE
		if :: v != NIL -> fresh[v] = 0 :: else -> skip fi; /* stored: others may reach it */
#endif
		if
		:: w ->
#ifndef MUT_NO_DELETION
#ifdef MUT_NO_DELETION_BLACK
			/* the deletion shade left out once the stack is black: then
			 * nothing protects what a black stack loads */
			if :: !allocblack[m] -> shade(m, old) :: else -> skip fi;
#else
			shade(m, old);
#endif
#endif
#ifndef MUT_NO_INSERTION
			/* the new value only while m's stack is grey (barrier.c,
			 * WB_INSERT): allocblack is set at its scan */
			if :: !allocblack[m] -> shade(m, v) :: else -> skip fi;
#endif
			skip
		:: else -> skip
		fi
	}
}

/* ---- a mutator's answers (handshake.c, tc__handshake_answer) ---- */

/* Each answer is two steps: its work, which ends with the gcwork's buffers
 * put on the global list (tc__gcw_dispose's putfull), then the greyed count
 * and the acknowledgement (the count is added before the ack is seen, as in
 * C: dispose, then ack). */
inline answer(m)
{
	atomic { if :: pend[m] & P_BAR -> wb[m] = 1; pend[m] = pend[m] & ~P_BAR :: else -> skip fi };
	if
	:: atomic {
		(pend[m] & P_SCAN) && marking ->
		j = 0;
		do
		:: j < NS -> grey_local(m, stack[m * NS + j]); j++
		:: else -> break
		od;
		j = 0;
		putfull(m)
	   };
	   atomic {
		count(m);
#ifndef MUT_WHITE_AFTER_SCAN
#ifndef MUT_NO_RUN_FOLD
		if :: !allocblack[m] -> arun[m] = 0 :: else -> skip fi;
#endif
		allocblack[m] = 1;
#endif
		pend[m] = pend[m] & ~P_SCAN
	   }
	:: else -> skip
	fi;
	if
	:: atomic { (pend[m] & P_FLUSH) && marking -> wb_flush_body(m); putfull(m) };
	   atomic { count(m); pend[m] = pend[m] & ~P_FLUSH }
	:: else -> skip
	fi;
	atomic {
		if
		:: pend[m] & P_OFF ->
			wb[m] = 0;
			i = 1;
			do :: i <= NO -> buf[m * O1 + i] = 0; i++ :: else -> break od;
			i = 0;
			putfull(m);
			count(m);
			pend[m] = pend[m] & ~P_OFF
		:: else -> skip
		fi
	};
	atomic { if :: pend[m] & P_REL -> allocblack[m] = 0; arun[m] = 0; pend[m] = pend[m] & ~P_REL :: else -> skip fi }
}

/* ---- the mutator ---- */

proctype mutator(byte m)
{
	byte i, j, t, v, o, old;
	bool w;
	do
	:: !blocked[m] && ops[m] < BOUND(m) ->
		ops[m]++;
		if
		:: /* load a field: stack[d] = stack[s]->f */
			atomic {
				if :: i = 0 :: i = 1 fi;
				if :: j = 0 :: j = 1 fi;
				t = stack[m * NS + i];
				if
				:: t != NIL -> assert(alloc[t]); v = field[t]; assert(v == NIL || alloc[v]); stack[m * NS + j] = v
				:: else -> skip
				fi;
				i = 0; j = 0; t = 0; v = 0
			}
		:: /* load the root */
			atomic {
				if :: j = 0 :: j = 1 fi;
				v = groot;
				assert(v == NIL || alloc[v]);
				stack[m * NS + j] = v;
				j = 0; v = 0
			}
		:: /* store: stack[d]->f = stack[s], or the root = stack[s] */
			atomic {
				if :: i = 0 :: i = 1 fi;
				if :: j = 0 :: j = 1 fi;
				v = stack[m * NS + i];
				if :: t = stack[m * NS + j] :: t = NIL fi; /* NIL: the root */
				i = 0; j = 0
			};
			store(m, t, v);
			t = 0; v = 0; old = 0; w = 0
		:: /* allocate into stack[d]: the run's colour, but not after
		    * the bump (the span rule) */
#ifdef NO_ALLOC
			false;
#endif
			atomic {
				if :: j = 0 :: j = 1 fi;
				o = 1;
				do
				:: o <= NO && alloc[o] -> o++
				:: else -> break
				od;
				if
				:: o <= NO ->
					if :: arun[m] == 0 -> arun[m] = (allocblack[m] -> 2 : 1) :: else -> skip fi;
					alloc[o] = 1; field[o] = NIL;
					mark[o] = arun[m] == 2 && !releasing;
#ifdef INIT_STORE
					fresh[o] = m + 1;
#endif
					stack[m * NS + j] = o
				:: else -> skip
				fi;
				j = 0; o = 0
			}
		:: /* drop */
			atomic { if :: stack[m * NS] = NIL :: stack[m * NS + 1] = NIL fi }
#ifdef INIT_STORE
		:: /* tc_write_init: stack[d]->f = stack[s], into an object of m's
		    * that nothing else reaches, its field NIL (the contract; in C
		    * the flag read and the store are two steps, but no other
		    * process touches such an object between them). The new value
		    * is shaded while m's stack is grey and its barrier on
		    * (WB_INSERT); never the old one, which is NIL. */
#ifdef MUT_INIT_SHARED
#define INIT_OK(o) (o != NIL && field[o] == NIL)
#else
#define INIT_OK(o) (o != NIL && fresh[o] == m + 1 && field[o] == NIL)
#endif
			atomic {
				INIT_OK(stack[m * NS]) || INIT_OK(stack[m * NS + 1]) ->
				if :: INIT_OK(stack[m * NS]) -> j = 0 :: INIT_OK(stack[m * NS + 1]) -> j = 1 fi;
				if :: i = 0 :: i = 1 fi;
				t = stack[m * NS + j]; v = stack[m * NS + i];
				w = wb[m] && !allocblack[m];
				i = 0; j = 0
#ifdef MUT_INIT_SHARED
			};
			/* the contract broken: another mutator may store into the
			 * slot between the check and this store */
			atomic {
#endif
				skip;
				if :: w -> shade(m, v) :: else -> skip fi;
				field[t] = v;
				if :: v != NIL -> fresh[v] = 0 :: else -> skip fi;
				t = 0; v = 0; w = 0
			}
#endif
#ifdef WEAK
		:: /* tc_weak_new(stack[s]): the weak reference now refers to it */
			atomic {
				wtarget == NIL -> if :: wtarget = stack[m * NS] :: wtarget = stack[m * NS + 1] fi;
#ifdef INIT_STORE
				if :: wtarget != NIL -> fresh[wtarget] = 0 :: else -> skip fi /* a reader may load it */
#else
				skip
#endif
			}
		:: /* stack[d] = tc_weak_get: a reader whose stack is scanned and
		    * whose barrier is on (mutator_shading) shades, inside the
		    * gate, and publishes at once; after termination it answers
		    * from the mark bits; any other reader just loads */
			if
			:: allocblack[m] && wb[m] ->
#ifdef MUT_NO_GATE
				wactive++;
#else
				atomic { !wblock -> wactive++ };
#endif
				atomic {
					if :: j = 0 :: j = 1 fi;
					v = wtarget;
					if
					:: v == NIL -> skip
					:: v != NIL && complete -> assert(alloc[v]); if :: mark[v] -> stack[m * NS + j] = v :: else -> skip fi
					:: v != NIL && !complete ->
						assert(alloc[v]);
#ifndef MUT_NO_WEAK_SHADE
						grey_local(m, v);
#endif
						stack[m * NS + j] = v
					fi;
					j = 0; v = 0
				};
#ifndef MUT_NO_WEAK_PUBLISH
				dispose(m);
#endif
				wactive--
			:: else ->
				atomic {
					if :: j = 0 :: j = 1 fi;
					v = wtarget;
					if :: v != NIL -> assert(alloc[v]); stack[m * NS + j] = v :: else -> skip fi;
					j = 0; v = 0
				}
			fi
#endif
		:: /* a full buffer flushes into the gcwork between safepoints
		    * (tc__gc_shade_full): inside nassist, its greyed count
		    * published at once. Without either, a mutator that answered
		    * the last flush round greys, in its own gcwork, an object
		    * another mutator's unflushed buffer also holds; that buffer's
		    * flush then greys nothing, and the round passes for clean with
		    * the object grey (MUT_FULL_FLUSH_UNCOUNTED, INIT=4). */
#ifdef MUT_FULL_FLUSH_UNCOUNTED
			wb_flush(m)
#else
			nassist++;
			wb_flush(m);
			atomic { count(m) };
			nassist--
#endif
		:: /* assist: take grey work, scan it, dispose (tc__gc_assist);
		    * or, with work.lock taken (tc__gcw_dispose_try), keep the
		    * grey work and publish the count only */
#ifdef NO_ASSIST
			false;
#endif
			marking && !NONE_GREY ->
			nassist++;
			atomic {
				o = 1;
				do
				:: o <= NO && !ggrey[o] -> o++
				:: else -> break
				od;
				if
				:: o <= NO -> ggrey[o] = 0; grey_local(m, field[o])
				:: else -> skip
				fi;
				o = 0
			};
			if
			:: dispose(m)
			:: atomic { count(m) }
			fi;
			nassist--
		fi
	:: !blocked[m] -> answer(m)                   /* tc_safepoint */
#ifndef NO_BLOCK
	:: !blocked[m] -> answer(m); blocked[m] = 1   /* tc_blocking_enter */
#endif
	:: blocked[m] -> blocked[m] = 0                            /* tc_blocking_leave */
	:: cycles == NCYC -> break
	od
}

/* ---- the controller (gc.c, handshake.c) ---- */

/* Answer request bit p for blocked mutator k, if it owes it (for_blocked:
 * the mutator cannot run meanwhile, so one step). */
inline act_one(p, k)
{
	atomic {
		if
		:: blocked[k] && (pend[k] & p) ->
			if
			:: p == P_BAR -> wb[k] = 1
			:: p == P_SCAN ->
#ifndef MUT_NO_BLOCKED_SCAN
				j = 0;
				do
				:: j < NS -> grey_global(stack[k * NS + j]); j++
				:: else -> break
				od;
				j = 0;
#endif
#ifndef MUT_WHITE_AFTER_SCAN
#ifndef MUT_NO_RUN_FOLD
				if :: !allocblack[k] -> arun[k] = 0 :: else -> skip fi;
#endif
				allocblack[k] = 1;
#endif
				skip
			:: p == P_FLUSH ->
				i = 1;
				do
				:: i <= NO -> if :: buf[k * O1 + i] -> buf[k * O1 + i] = 0; grey_global(i) :: else -> skip fi; i++
				:: else -> break
				od;
				i = 1;
				do
				:: i <= NO -> if :: lgrey[k * O1 + i] -> ggrey[i] = 1; lgrey[k * O1 + i] = 0 :: else -> skip fi; i++
				:: else -> break
				od;
				i = 0;
				if :: lcount[k] -> greyed_since = 1; lcount[k] = 0 :: else -> skip fi
			:: p == P_OFF ->
				wb[k] = 0;
				i = 1;
				do
				:: i <= NO -> buf[k * O1 + i] = 0; if :: lgrey[k * O1 + i] -> ggrey[i] = 1; lgrey[k * O1 + i] = 0 :: else -> skip fi; i++
				:: else -> break
				od;
				i = 0
			:: p == P_REL -> allocblack[k] = 0; arun[k] = 0
			:: else -> skip
			fi;
			pend[k] = pend[k] & ~p
		:: else -> skip
		fi
	}
}

inline act_blocked(p)
{
	act_one(p, 0);
#if NM > 1
	act_one(p, 1);
#endif
#if NM > 2
	act_one(p, 2);
#endif
}

inline request(p)
{
	d_step {
		m = 0;
		do
		:: m < NM -> pend[m] = pend[m] | p; if :: p == P_BAR -> ops[m] = 0 :: else -> skip fi; m++
		:: else -> break
		od;
		m = 0
	}
}

#define OWED_BY_BLOCKED(p) ((blocked[0] && (pend[0] & (p))) || (NM > 1 && blocked[NM - 1] && (pend[NM - 1] & (p))) || (NM > 2 && blocked[1] && (pend[1] & (p))))
#define ALL_ANSWERED(p) ((pend[0] & (p)) == 0 && (NM < 2 || (pend[1] & (p)) == 0) && (NM < 3 || (pend[NM - 1] & (p)) == 0))

/* One whole handshake: request, answer for the blocked, wait for the rest. */
inline handshake(p)
{
	request(p);
	do
	:: ALL_ANSWERED(p) -> break
	:: else -> act_blocked(p)
	od
}


/* Which objects do the roots reach? (the safety assertions' own walk) */
bool reach[O1];

inline compute_reach()
{
	d_step {
		i = 1;
		do
		:: i <= NO -> reach[i] = 0; i++
		:: else -> break
		od;
		reach[groot] = 1;
		j = 0;
		do
		:: j < NM * NS -> reach[stack[j]] = 1; j++
		:: else -> break
		od;
		j = 0;
		do
		:: j < NO ->
			i = 1;
			do
			:: i <= NO -> if :: reach[i] && i != NIL -> reach[field[i]] = 1 :: else -> skip fi; i++
			:: else -> break
			od;
			j++
		:: else -> break
		od;
		reach[NIL] = 0;
		i = 0; j = 0
	}
}

inline clear_reach()
{
	d_step { i = 0; do :: i <= NO -> reach[i] = 0; i++ :: else -> break od; i = 0 }
}

proctype controller()
{
	byte m, i, j, o;
	do
	:: cycles == NCYC -> break
	:: cycles < NCYC ->
		/* 1. BARRIER_ON, then phase MARK and the scan request */
#ifdef MUT_NO_BARRIER_WAIT
		request(P_BAR);
#else
		handshake(P_BAR);
#endif
		marking = 1;
		request(P_SCAN);
		atomic { grey_global(groot) };
		/* 2. mark, and 3. ragged flush rounds until one is clean */
		do
		:: atomic {
				!NONE_GREY ->
				o = 1;
				do
				:: o <= NO && !ggrey[o] -> o++
				:: else -> break
				od;
				ggrey[o] = 0;
				grey_global(field[o]);
				o = 0
			}
		:: OWED_BY_BLOCKED(P_SCAN) -> act_blocked(P_SCAN)
		:: IDLE && ALL_ANSWERED(P_SCAN) ->
#ifndef MUT_READ_GREYED_LATE
			greyed_since = 0; /* greyed0 = work.greyed */
#endif
			if
			:: IDLE ->
#ifdef MUT_READ_GREYED_LATE
				greyed_since = 0; /* greyed0 read after the idleness test */
#endif
#ifdef MUT_NO_FLUSH_ROUND
				goto terminated
#else
				request(P_FLUSH);
				do
				:: ALL_ANSWERED(P_FLUSH) ->
#ifdef WEAK
					wblock = 1; /* tc__weak_gate_close */
					(wactive == 0);
#endif
					if
#ifdef MUT_NO_GREYED_CHECK
					:: IDLE -> goto terminated
#else
					:: IDLE && !greyed_since -> goto terminated
#endif
					:: else ->
#ifdef WEAK
						wblock = 0;
#endif
						break
					fi
				:: !ALL_ANSWERED(P_FLUSH) && !IDLE -> break
				:: !ALL_ANSWERED(P_FLUSH) -> act_blocked(P_FLUSH)
				od
#endif
			:: else -> skip
			fi
		od;
terminated:
		atomic {
			complete = 1;
			compute_reach();
			i = 1;
			do
			:: i <= NO -> assert(!reach[i] || mark[i]); i++ /* every reachable object marked */
			:: else -> break
			od;
			i = 0;
			clear_reach()
		};
#ifdef WEAK
		wblock = 0; /* tc__weak_gate_open, after complete */
		/* tc__weak_sweep, before the barrier-off handshake */
		atomic { if :: wtarget != NIL && !mark[wtarget] -> wtarget = NIL :: else -> skip fi };
#endif
		/* BARRIER_OFF, the bump (sweep), RELEASE, phase OFF */
		handshake(P_OFF);
		atomic {
			releasing = 1;
			compute_reach();
			i = 1;
			do
			:: i <= NO ->
				if
				:: alloc[i] && !mark[i] ->
					assert(!reach[i]); /* the sweep frees nothing reachable */
					alloc[i] = 0; field[i] = NIL
				:: else -> skip
				fi;
				mark[i] = 0;
				i++
			:: else -> break
			od;
			i = 0;
			complete = 0;
			clear_reach()
		};
		handshake(P_REL);
		atomic { releasing = 0; marking = 0; cycles++ }
	od
}

/* Termination: under weak fairness every cycle ends (model-check.sh: -a -f). */
ltl cycles_end { <> (cycles == NCYC) }

/* The heap the search starts from: the root holds o1, o1's field o2; the
 * first mutator holds o1 and o2, the second o1 and o3 (o3 reachable only
 * from its stack). Every object is allocated and shared, so that a race
 * takes few operations; allocation, drops and loads change it from there.
 * INIT=2: the same, but the root holds o2, so that o1 is reachable only
 * from the stacks (no marker reads o1's field before a stack scan). INIT=3:
 * as INIT=1, with o3 free (the second mutator holds o1 only), so that the
 * first cycle can allocate. INIT=0: an empty heap and empty stacks (the
 * mutators build the graph: the smallest space, searched exhaustively).
 * INIT=4: a chain root -> o1 -> o2 -> o3, both mutators holding o1: the
 * greyed-count races (a mutator that answered the last flush round greys
 * what the other's unflushed buffer holds; test_handshake's sixth test).
 * The second mutator's one operation clears o1's field, its deletion shade
 * of o2 left in its buffer until it answers last. The first, its stack
 * black, needs four after barrier-on: load o2 from o1 before that, store o2
 * into the root (a black stack's store shades no new value), and after its
 * answer to the flush round overwrite the root (the deletion shade of o2)
 * and flush the full buffer into its own gcwork. Searched with B=4, B1=1,
 * bitstate (model-check.sh): each mutant is caught in about 90 million
 * states. Until this heap gave the second mutator o1 its one operation
 * could not clear the field, and the race was out of reach at any bound
 * but the first mutator's doing both parts, which the three-operation
 * searches of 4da8472 to 05e165a could not finish. INIT=5: o3 weakly referenced and held by the
 * second mutator's stack only, o3's field holding o2, the root o1: the weak
 * reader's races (a read after its last flush answer, of an object that
 * references a white one) in one operation each. */
#ifndef INIT
#define INIT 1
#endif
init
{
	byte k = 0;
	atomic {
#if INIT == 4
		alloc[1] = 1; alloc[2] = 1; alloc[3] = 1;
		groot = 1; field[1] = 2; field[2] = 3;
		stack[0] = 1; stack[NS] = 1;
#elif INIT == 6
		/* MUT_INIT_SHARED's race: o1, its field NIL, held by both stacks;
		 * o2 the root's and the first mutator's; o3 the second's alone. */
		alloc[1] = 1; alloc[2] = 1; alloc[3] = 1;
		groot = 2;
		stack[0] = 1; stack[1] = 2;
		stack[NS] = 1; stack[NS + 1] = 3;
#elif INIT == 7
		/* Initialising stores from the start (INIT_STORE): o1 the first
		 * mutator's fresh object, o2 the root's, held by both stacks, o3
		 * the second mutator's alone. */
		alloc[1] = 1; alloc[2] = 1; alloc[3] = 1;
		groot = 2;
		stack[0] = 1; stack[1] = 2;
		stack[NS] = 2; stack[NS + 1] = 3;
#ifdef INIT_STORE
		fresh[1] = 1;
#endif
#elif INIT == 5
		alloc[1] = 1; alloc[2] = 1; alloc[3] = 1;
		groot = 1; field[3] = 2;
		stack[NS] = 3;
#ifdef WEAK
		wtarget = 3;
#endif
#elif INIT != 0
		alloc[1] = 1; alloc[2] = 1;
#if INIT != 3
		alloc[3] = 1;
#endif
#if INIT == 2
		groot = 2;
#else
		groot = 1;
#endif
		field[1] = 2;
		stack[0] = 1; stack[1] = 2;
		stack[NS] = 1;
#if INIT != 3
		stack[NS + 1] = 3;
#endif
#if NM > 2
		stack[2 * NS] = 2;
#endif
#if defined(WEAK) && INIT != 3
		wtarget = 3; /* o3: the second mutator's; once it drops it, only the weak reference's */
#endif
#endif
		do
		:: k < NM -> run mutator(k); k++
		:: else -> break
		od;
		run controller()
	}
}
