#define rand	pan_rand
#define pthread_equal(a,b)	((a)==(b))
#if defined(HAS_CODE) && defined(VERBOSE)
	#ifdef BFS_PAR
		bfs_printf("Pr: %d Tr: %d\n", II, t->forw);
	#else
		cpu_printf("Pr: %d Tr: %d\n", II, t->forw);
	#endif
#endif
	switch (t->forw) {
	default: Uerror("bad forward move");
	case 0:	/* if without executable clauses */
		continue;
	case 1: /* generic 'goto' or 'skip' */
		IfNotBlocked
		_m = 3; goto P999;
	case 2: /* generic 'else' */
		IfNotBlocked
		if (trpt->o_pm&1) continue;
		_m = 3; goto P999;

		 /* PROC :init: */
	case 3: // STATE 1 - handshake.pml:541 - [((k<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[2][1] = 1;
		if (!((((int)((P2 *)_this)->k)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 4: // STATE 2 - handshake.pml:541 - [(run mutator(k))] (0:0:0 - 1)
		IfNotBlocked
		reached[2][2] = 1;
		if (!(addproc(II, 1, 0, ((int)((P2 *)_this)->k))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 5: // STATE 3 - handshake.pml:541 - [k = (k+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[2][3] = 1;
		(trpt+1)->bup.oval = ((int)((P2 *)_this)->k);
		((P2 *)_this)->k = (((int)((P2 *)_this)->k)+1);
#ifdef VAR_RANGES
		logval(":init::k", ((int)((P2 *)_this)->k));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 6: // STATE 9 - handshake.pml:544 - [(run controller())] (0:0:0 - 1)
		IfNotBlocked
		reached[2][9] = 1;
		if (!(addproc(II, 1, 1, 0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 7: // STATE 11 - handshake.pml:546 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[2][11] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC controller */
	case 8: // STATE 10 - handshake.pml:387 - [D_STEP387]
		IfNotBlocked

		reached[1][10] = 1;
		reached[1][t->st] = 1;
		reached[1][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_622_0: /* 2 */
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
S_629_0: /* 2 */
S_628_0: /* 2 */
S_623_0: /* 2 */
		if (!((((int)((P1 *)_this)->m)<2)))
			goto S_628_1;
S_624_0: /* 2 */
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])|1);
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
S_625_0: /* 2 */
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		goto S_629_0; /* ';' */
S_628_1: /* 3 */
S_626_0: /* 2 */
		/* else */;
S_627_0: /* 2 */
		goto S_630_0;	/* 'goto' */
S_628_2: /* 3 */
		Uerror("blocking sel in d_step (nr.0, near line 387)");
S_630_0: /* 2 */
		goto S_746_0;	/* 'break' */
S_747_0: /* 1 */
S_746_0:	/* break-dest */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 9: // STATE 12 - handshake.pml:397 - [(((((pend[0]&1)==0)&&((2<2)||((pend[1]&1)==0)))&&((2<3)||((pend[2]&1)==0))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][12] = 1;
		if (!(((((((int)now.pend[0])&1)==0)&&((2<2)||((((int)now.pend[1])&1)==0)))&&((2<3)||((((int)now.pend[ Index(2, 2) ])&1)==0)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 10: // STATE 15 - handshake.pml:334 - [m = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][15] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 11: // STATE 16 - handshake.pml:336 - [((m<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][16] = 1;
		if (!((((int)((P1 *)_this)->m)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 12: // STATE 17 - handshake.pml:339 - [((blocked[m]&&(pend[m]&1)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][17] = 1;
		if (!((((int)now.blocked[ Index(((int)((P1 *)_this)->m), 2) ])&&(((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])&1))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 13: // STATE 18 - handshake.pml:341 - [((1==1))] (121:0:3 - 1)
		IfNotBlocked
		reached[1][18] = 1;
		if (!((1==1)))
			continue;
		/* merge: wb[m] = 1(121, 19, 121) */
		reached[1][19] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 111, 121) */
		reached[1][111] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(1))(121, 112, 121) */
		reached[1][112] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 14: // STATE 20 - handshake.pml:342 - [((1==2))] (36:0:1 - 1)
		IfNotBlocked
		reached[1][20] = 1;
		if (!((1==2)))
			continue;
		/* merge: j = 0(0, 21, 36) */
		reached[1][21] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 37, 36) */
		reached[1][37] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 15: // STATE 22 - handshake.pml:346 - [((j<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][22] = 1;
		if (!((((int)((P1 *)_this)->j)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 16: // STATE 23 - handshake.pml:126 - [((((stack[((m*2)+j)]!=0)&&alloc[stack[((m*2)+j)]])&&!(mark[stack[((m*2)+j)]])))] (36:0:4 - 1)
		IfNotBlocked
		reached[1][23] = 1;
		if (!((((((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ])))))
			continue;
		/* merge: assert(!(complete))(36, 24, 36) */
		reached[1][24] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[stack[((m*2)+j)]] = 1(36, 25, 36) */
		reached[1][25] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[stack[((controller:m*2)+controller:j)]]", ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: ggrey[stack[((m*2)+j)]] = 1(36, 26, 36) */
		reached[1][26] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[stack[((controller:m*2)+controller:j)]]", ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(36, 27, 36) */
		reached[1][27] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(36, 31, 36) */
		reached[1][31] = 1;
		;
		/* merge: j = (j+1)(36, 33, 36) */
		reached[1][33] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 37, 36) */
		reached[1][37] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 17: // STATE 29 - handshake.pml:131 - [(1)] (36:0:1 - 1)
		IfNotBlocked
		reached[1][29] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(36, 31, 36) */
		reached[1][31] = 1;
		;
		/* merge: j = (j+1)(36, 33, 36) */
		reached[1][33] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 37, 36) */
		reached[1][37] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 18: // STATE 33 - handshake.pml:346 - [j = (j+1)] (0:36:1 - 3)
		IfNotBlocked
		reached[1][33] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 37, 36) */
		reached[1][37] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 19: // STATE 39 - handshake.pml:351 - [allocblack[m] = 1] (0:40:1 - 3)
		IfNotBlocked
		reached[1][39] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 20: // STATE 40 - handshake.pml:353 - [(1)] (121:0:2 - 1)
		IfNotBlocked
		reached[1][40] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(121, 111, 121) */
		reached[1][111] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(1))(121, 112, 121) */
		reached[1][112] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 21: // STATE 41 - handshake.pml:354 - [((1==4))] (63:0:1 - 1)
		IfNotBlocked
		reached[1][41] = 1;
		if (!((1==4)))
			continue;
		/* merge: i = 1(0, 42, 63) */
		reached[1][42] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 64, 63) */
		reached[1][64] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 22: // STATE 43 - handshake.pml:357 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][43] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 23: // STATE 44 - handshake.pml:357 - [(buf[((m*(3+1))+i)])] (55:0:1 - 1)
		IfNotBlocked
		reached[1][44] = 1;
		if (!(((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 45, 55) */
		reached[1][45] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 24: // STATE 46 - handshake.pml:126 - [((((i!=0)&&alloc[i])&&!(mark[i])))] (63:0:4 - 1)
		IfNotBlocked
		reached[1][46] = 1;
		if (!((((((int)((P1 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ])))))
			continue;
		/* merge: assert(!(complete))(63, 47, 63) */
		reached[1][47] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[i] = 1(63, 48, 63) */
		reached[1][48] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: ggrey[i] = 1(63, 49, 63) */
		reached[1][49] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(63, 50, 63) */
		reached[1][50] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(63, 54, 63) */
		reached[1][54] = 1;
		;
		/* merge: .(goto)(63, 59, 63) */
		reached[1][59] = 1;
		;
		/* merge: i = (i+1)(63, 60, 63) */
		reached[1][60] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 64, 63) */
		reached[1][64] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 25: // STATE 52 - handshake.pml:131 - [(1)] (63:0:1 - 1)
		IfNotBlocked
		reached[1][52] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(63, 54, 63) */
		reached[1][54] = 1;
		;
		/* merge: .(goto)(63, 59, 63) */
		reached[1][59] = 1;
		;
		/* merge: i = (i+1)(63, 60, 63) */
		reached[1][60] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 64, 63) */
		reached[1][64] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 26: // STATE 57 - handshake.pml:357 - [(1)] (63:0:1 - 1)
		IfNotBlocked
		reached[1][57] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(63, 59, 63) */
		reached[1][59] = 1;
		;
		/* merge: i = (i+1)(63, 60, 63) */
		reached[1][60] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 64, 63) */
		reached[1][64] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 27: // STATE 60 - handshake.pml:357 - [i = (i+1)] (0:63:1 - 5)
		IfNotBlocked
		reached[1][60] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 64, 63) */
		reached[1][64] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 28: // STATE 66 - handshake.pml:360 - [i = 1] (0:78:1 - 3)
		IfNotBlocked
		reached[1][66] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 79, 78) */
		reached[1][79] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 29: // STATE 67 - handshake.pml:362 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][67] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 30: // STATE 68 - handshake.pml:362 - [(lgrey[((m*(3+1))+i)])] (78:0:3 - 1)
		IfNotBlocked
		reached[1][68] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(78, 69, 78) */
		reached[1][69] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(78, 70, 78) */
		reached[1][70] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(78, 74, 78) */
		reached[1][74] = 1;
		;
		/* merge: i = (i+1)(78, 75, 78) */
		reached[1][75] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 79, 78) */
		reached[1][79] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 31: // STATE 72 - handshake.pml:362 - [(1)] (78:0:1 - 1)
		IfNotBlocked
		reached[1][72] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(78, 74, 78) */
		reached[1][74] = 1;
		;
		/* merge: i = (i+1)(78, 75, 78) */
		reached[1][75] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 79, 78) */
		reached[1][79] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 32: // STATE 75 - handshake.pml:362 - [i = (i+1)] (0:78:1 - 3)
		IfNotBlocked
		reached[1][75] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 79, 78) */
		reached[1][79] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 33: // STATE 81 - handshake.pml:365 - [(lcount[m])] (121:0:4 - 1)
		IfNotBlocked
		reached[1][81] = 1;
		if (!(((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(121, 82, 121) */
		reached[1][82] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(121, 83, 121) */
		reached[1][83] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[controller:m]", ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 87, 121) */
		reached[1][87] = 1;
		;
		/* merge: .(goto)(121, 111, 121) */
		reached[1][111] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(1))(121, 112, 121) */
		reached[1][112] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 34: // STATE 85 - handshake.pml:365 - [(1)] (121:0:2 - 1)
		IfNotBlocked
		reached[1][85] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(121, 87, 121) */
		reached[1][87] = 1;
		;
		/* merge: .(goto)(121, 111, 121) */
		reached[1][111] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(1))(121, 112, 121) */
		reached[1][112] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 35: // STATE 88 - handshake.pml:366 - [((1==8))] (103:0:2 - 1)
		IfNotBlocked
		reached[1][88] = 1;
		if (!((1==8)))
			continue;
		/* merge: wb[m] = 0(103, 89, 103) */
		reached[1][89] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: i = 1(103, 90, 103) */
		reached[1][90] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 104, 103) */
		reached[1][104] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 36: // STATE 91 - handshake.pml:370 - [((i<=3))] (98:0:1 - 1)
		IfNotBlocked
		reached[1][91] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 92, 98) */
		reached[1][92] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 37: // STATE 93 - handshake.pml:370 - [(lgrey[((m*(3+1))+i)])] (103:0:3 - 1)
		IfNotBlocked
		reached[1][93] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(103, 94, 103) */
		reached[1][94] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(103, 95, 103) */
		reached[1][95] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(103, 99, 103) */
		reached[1][99] = 1;
		;
		/* merge: i = (i+1)(103, 100, 103) */
		reached[1][100] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 104, 103) */
		reached[1][104] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 38: // STATE 97 - handshake.pml:370 - [(1)] (103:0:1 - 1)
		IfNotBlocked
		reached[1][97] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(103, 99, 103) */
		reached[1][99] = 1;
		;
		/* merge: i = (i+1)(103, 100, 103) */
		reached[1][100] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 104, 103) */
		reached[1][104] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 39: // STATE 100 - handshake.pml:370 - [i = (i+1)] (0:103:1 - 3)
		IfNotBlocked
		reached[1][100] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 104, 103) */
		reached[1][104] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 40: // STATE 106 - handshake.pml:373 - [((1==16))] (121:0:3 - 1)
		IfNotBlocked
		reached[1][106] = 1;
		if (!((1==16)))
			continue;
		/* merge: allocblack[m] = 0(121, 107, 121) */
		reached[1][107] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 111, 121) */
		reached[1][111] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(1))(121, 112, 121) */
		reached[1][112] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 41: // STATE 109 - handshake.pml:374 - [(1)] (121:0:2 - 1)
		IfNotBlocked
		reached[1][109] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(121, 111, 121) */
		reached[1][111] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(1))(121, 112, 121) */
		reached[1][112] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 42: // STATE 112 - handshake.pml:376 - [pend[m] = (pend[m]&~(1))] (0:121:2 - 11)
		IfNotBlocked
		reached[1][112] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 43: // STATE 116 - handshake.pml:379 - [.(goto)] (0:121:1 - 2)
		IfNotBlocked
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 44: // STATE 114 - handshake.pml:377 - [(1)] (121:0:1 - 1)
		IfNotBlocked
		reached[1][114] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(121, 116, 121) */
		reached[1][116] = 1;
		;
		/* merge: m = (m+1)(121, 118, 121) */
		reached[1][118] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 122, 121) */
		reached[1][122] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 45: // STATE 129 - handshake.pml:453 - [marking = 1] (0:0:1 - 3)
		IfNotBlocked
		reached[1][129] = 1;
		(trpt+1)->bup.oval = ((int)now.marking);
		now.marking = 1;
#ifdef VAR_RANGES
		logval("marking", ((int)now.marking));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 46: // STATE 139 - handshake.pml:387 - [D_STEP387]
		IfNotBlocked

		reached[1][139] = 1;
		reached[1][t->st] = 1;
		reached[1][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_751_0: /* 2 */
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
S_758_0: /* 2 */
S_757_0: /* 2 */
S_752_0: /* 2 */
		if (!((((int)((P1 *)_this)->m)<2)))
			goto S_757_1;
S_753_0: /* 2 */
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])|2);
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
S_754_0: /* 2 */
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		goto S_758_0; /* ';' */
S_757_1: /* 3 */
S_755_0: /* 2 */
		/* else */;
S_756_0: /* 2 */
		goto S_759_0;	/* 'goto' */
S_757_2: /* 3 */
		Uerror("blocking sel in d_step (nr.1, near line 387)");
S_759_0: /* 2 */
		goto S_772_0;	/* 'break' */
S_772_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 47: // STATE 141 - handshake.pml:126 - [((((groot!=0)&&alloc[groot])&&!(mark[groot])))] (424:0:3 - 1)
		IfNotBlocked
		reached[1][141] = 1;
		if (!((((((int)now.groot)!=0)&&((int)now.alloc[ Index(((int)now.groot), 4) ]))&& !(((int)now.mark[ Index(((int)now.groot), 4) ])))))
			continue;
		/* merge: assert(!(complete))(424, 142, 424) */
		reached[1][142] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[groot] = 1(424, 143, 424) */
		reached[1][143] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.groot), 4) ]);
		now.mark[ Index(now.groot, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[groot]", ((int)now.mark[ Index(((int)now.groot), 4) ]));
#endif
		;
		/* merge: ggrey[groot] = 1(424, 144, 424) */
		reached[1][144] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)now.groot), 4) ]);
		now.ggrey[ Index(now.groot, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[groot]", ((int)now.ggrey[ Index(((int)now.groot), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(424, 145, 424) */
		reached[1][145] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(424, 149, 424) */
		reached[1][149] = 1;
		;
		/* merge: .(goto)(0, 425, 424) */
		reached[1][425] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 48: // STATE 149 - handshake.pml:133 - [.(goto)] (0:424:0 - 2)
		IfNotBlocked
		reached[1][149] = 1;
		;
		/* merge: .(goto)(0, 425, 424) */
		reached[1][425] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 49: // STATE 147 - handshake.pml:131 - [(1)] (424:0:0 - 1)
		IfNotBlocked
		reached[1][147] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(424, 149, 424) */
		reached[1][149] = 1;
		;
		/* merge: .(goto)(0, 425, 424) */
		reached[1][425] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 50: // STATE 152 - handshake.pml:458 - [(!((((!(ggrey[1])&&!(ggrey[2]))&&!(ggrey[3]))&&((3<4)||!(ggrey[3])))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][152] = 1;
		if (!( !(((( !(((int)now.ggrey[1]))&& !(((int)now.ggrey[2])))&& !(((int)now.ggrey[3])))&&((3<4)|| !(((int)now.ggrey[3])))))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 51: // STATE 153 - handshake.pml:460 - [o = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][153] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = 1;
#ifdef VAR_RANGES
		logval("controller:o", ((int)((P1 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 52: // STATE 154 - handshake.pml:462 - [(((o<=3)&&!(ggrey[o])))] (158:0:1 - 1)
		IfNotBlocked
		reached[1][154] = 1;
		if (!(((((int)((P1 *)_this)->o)<=3)&& !(((int)now.ggrey[ Index(((int)((P1 *)_this)->o), 4) ])))))
			continue;
		/* merge: o = (o+1)(0, 155, 158) */
		reached[1][155] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->o);
		((P1 *)_this)->o = (((int)((P1 *)_this)->o)+1);
#ifdef VAR_RANGES
		logval("controller:o", ((int)((P1 *)_this)->o));
#endif
		;
		/* merge: .(goto)(0, 159, 158) */
		reached[1][159] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 53: // STATE 161 - handshake.pml:465 - [ggrey[o] = 0] (0:171:1 - 3)
		IfNotBlocked
		reached[1][161] = 1;
		(trpt+1)->bup.oval = ((int)now.ggrey[ Index(((int)((P1 *)_this)->o), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->o, 4) ] = 0;
#ifdef VAR_RANGES
		logval("ggrey[controller:o]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->o), 4) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 54: // STATE 162 - handshake.pml:126 - [((((field[o]!=0)&&alloc[field[o]])&&!(mark[field[o]])))] (424:0:3 - 1)
		IfNotBlocked
		reached[1][162] = 1;
		if (!((((((int)now.field[ Index(((int)((P1 *)_this)->o), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.field[ Index(((int)((P1 *)_this)->o), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.field[ Index(((int)((P1 *)_this)->o), 4) ]), 4) ])))))
			continue;
		/* merge: assert(!(complete))(424, 163, 424) */
		reached[1][163] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[field[o]] = 1(424, 164, 424) */
		reached[1][164] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.field[ Index(((int)((P1 *)_this)->o), 4) ]), 4) ]);
		now.mark[ Index(now.field[ Index(((P1 *)_this)->o, 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[field[controller:o]]", ((int)now.mark[ Index(((int)now.field[ Index(((int)((P1 *)_this)->o), 4) ]), 4) ]));
#endif
		;
		/* merge: ggrey[field[o]] = 1(424, 165, 424) */
		reached[1][165] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)now.field[ Index(((int)((P1 *)_this)->o), 4) ]), 4) ]);
		now.ggrey[ Index(now.field[ Index(((P1 *)_this)->o, 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[field[controller:o]]", ((int)now.ggrey[ Index(((int)now.field[ Index(((int)((P1 *)_this)->o), 4) ]), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(424, 166, 424) */
		reached[1][166] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(424, 170, 424) */
		reached[1][170] = 1;
		;
		/* merge: .(goto)(0, 425, 424) */
		reached[1][425] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 55: // STATE 170 - handshake.pml:133 - [.(goto)] (0:424:0 - 2)
		IfNotBlocked
		reached[1][170] = 1;
		;
		/* merge: .(goto)(0, 425, 424) */
		reached[1][425] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 56: // STATE 168 - handshake.pml:131 - [(1)] (424:0:0 - 1)
		IfNotBlocked
		reached[1][168] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(424, 170, 424) */
		reached[1][170] = 1;
		;
		/* merge: .(goto)(0, 425, 424) */
		reached[1][425] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 57: // STATE 173 - handshake.pml:334 - [m = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][173] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 58: // STATE 174 - handshake.pml:336 - [((m<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][174] = 1;
		if (!((((int)((P1 *)_this)->m)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 59: // STATE 175 - handshake.pml:339 - [((blocked[m]&&(pend[m]&2)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][175] = 1;
		if (!((((int)now.blocked[ Index(((int)((P1 *)_this)->m), 2) ])&&(((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])&2))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 60: // STATE 176 - handshake.pml:341 - [((2==1))] (279:0:3 - 1)
		IfNotBlocked
		reached[1][176] = 1;
		if (!((2==1)))
			continue;
		/* merge: wb[m] = 1(279, 177, 279) */
		reached[1][177] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 269, 279) */
		reached[1][269] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(2))(279, 270, 279) */
		reached[1][270] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 61: // STATE 178 - handshake.pml:342 - [((2==2))] (194:0:1 - 1)
		IfNotBlocked
		reached[1][178] = 1;
		if (!((2==2)))
			continue;
		/* merge: j = 0(0, 179, 194) */
		reached[1][179] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 195, 194) */
		reached[1][195] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 62: // STATE 180 - handshake.pml:346 - [((j<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][180] = 1;
		if (!((((int)((P1 *)_this)->j)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 63: // STATE 181 - handshake.pml:126 - [((((stack[((m*2)+j)]!=0)&&alloc[stack[((m*2)+j)]])&&!(mark[stack[((m*2)+j)]])))] (194:0:4 - 1)
		IfNotBlocked
		reached[1][181] = 1;
		if (!((((((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ])))))
			continue;
		/* merge: assert(!(complete))(194, 182, 194) */
		reached[1][182] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[stack[((m*2)+j)]] = 1(194, 183, 194) */
		reached[1][183] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[stack[((controller:m*2)+controller:j)]]", ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: ggrey[stack[((m*2)+j)]] = 1(194, 184, 194) */
		reached[1][184] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[stack[((controller:m*2)+controller:j)]]", ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(194, 185, 194) */
		reached[1][185] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(194, 189, 194) */
		reached[1][189] = 1;
		;
		/* merge: j = (j+1)(194, 191, 194) */
		reached[1][191] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 195, 194) */
		reached[1][195] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 64: // STATE 187 - handshake.pml:131 - [(1)] (194:0:1 - 1)
		IfNotBlocked
		reached[1][187] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(194, 189, 194) */
		reached[1][189] = 1;
		;
		/* merge: j = (j+1)(194, 191, 194) */
		reached[1][191] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 195, 194) */
		reached[1][195] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 65: // STATE 191 - handshake.pml:346 - [j = (j+1)] (0:194:1 - 3)
		IfNotBlocked
		reached[1][191] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 195, 194) */
		reached[1][195] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 66: // STATE 197 - handshake.pml:351 - [allocblack[m] = 1] (0:198:1 - 3)
		IfNotBlocked
		reached[1][197] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 67: // STATE 198 - handshake.pml:353 - [(1)] (279:0:2 - 1)
		IfNotBlocked
		reached[1][198] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(279, 269, 279) */
		reached[1][269] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(2))(279, 270, 279) */
		reached[1][270] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 68: // STATE 199 - handshake.pml:354 - [((2==4))] (221:0:1 - 1)
		IfNotBlocked
		reached[1][199] = 1;
		if (!((2==4)))
			continue;
		/* merge: i = 1(0, 200, 221) */
		reached[1][200] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 222, 221) */
		reached[1][222] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 69: // STATE 201 - handshake.pml:357 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][201] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 70: // STATE 202 - handshake.pml:357 - [(buf[((m*(3+1))+i)])] (213:0:1 - 1)
		IfNotBlocked
		reached[1][202] = 1;
		if (!(((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 203, 213) */
		reached[1][203] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 71: // STATE 204 - handshake.pml:126 - [((((i!=0)&&alloc[i])&&!(mark[i])))] (221:0:4 - 1)
		IfNotBlocked
		reached[1][204] = 1;
		if (!((((((int)((P1 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ])))))
			continue;
		/* merge: assert(!(complete))(221, 205, 221) */
		reached[1][205] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[i] = 1(221, 206, 221) */
		reached[1][206] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: ggrey[i] = 1(221, 207, 221) */
		reached[1][207] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(221, 208, 221) */
		reached[1][208] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(221, 212, 221) */
		reached[1][212] = 1;
		;
		/* merge: .(goto)(221, 217, 221) */
		reached[1][217] = 1;
		;
		/* merge: i = (i+1)(221, 218, 221) */
		reached[1][218] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 222, 221) */
		reached[1][222] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 72: // STATE 210 - handshake.pml:131 - [(1)] (221:0:1 - 1)
		IfNotBlocked
		reached[1][210] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(221, 212, 221) */
		reached[1][212] = 1;
		;
		/* merge: .(goto)(221, 217, 221) */
		reached[1][217] = 1;
		;
		/* merge: i = (i+1)(221, 218, 221) */
		reached[1][218] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 222, 221) */
		reached[1][222] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 73: // STATE 215 - handshake.pml:357 - [(1)] (221:0:1 - 1)
		IfNotBlocked
		reached[1][215] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(221, 217, 221) */
		reached[1][217] = 1;
		;
		/* merge: i = (i+1)(221, 218, 221) */
		reached[1][218] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 222, 221) */
		reached[1][222] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 74: // STATE 218 - handshake.pml:357 - [i = (i+1)] (0:221:1 - 5)
		IfNotBlocked
		reached[1][218] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 222, 221) */
		reached[1][222] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 75: // STATE 224 - handshake.pml:360 - [i = 1] (0:236:1 - 3)
		IfNotBlocked
		reached[1][224] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 237, 236) */
		reached[1][237] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 76: // STATE 225 - handshake.pml:362 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][225] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 77: // STATE 226 - handshake.pml:362 - [(lgrey[((m*(3+1))+i)])] (236:0:3 - 1)
		IfNotBlocked
		reached[1][226] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(236, 227, 236) */
		reached[1][227] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(236, 228, 236) */
		reached[1][228] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(236, 232, 236) */
		reached[1][232] = 1;
		;
		/* merge: i = (i+1)(236, 233, 236) */
		reached[1][233] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 237, 236) */
		reached[1][237] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 78: // STATE 230 - handshake.pml:362 - [(1)] (236:0:1 - 1)
		IfNotBlocked
		reached[1][230] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(236, 232, 236) */
		reached[1][232] = 1;
		;
		/* merge: i = (i+1)(236, 233, 236) */
		reached[1][233] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 237, 236) */
		reached[1][237] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 79: // STATE 233 - handshake.pml:362 - [i = (i+1)] (0:236:1 - 3)
		IfNotBlocked
		reached[1][233] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 237, 236) */
		reached[1][237] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 80: // STATE 239 - handshake.pml:365 - [(lcount[m])] (279:0:4 - 1)
		IfNotBlocked
		reached[1][239] = 1;
		if (!(((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(279, 240, 279) */
		reached[1][240] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(279, 241, 279) */
		reached[1][241] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[controller:m]", ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 245, 279) */
		reached[1][245] = 1;
		;
		/* merge: .(goto)(279, 269, 279) */
		reached[1][269] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(2))(279, 270, 279) */
		reached[1][270] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 81: // STATE 243 - handshake.pml:365 - [(1)] (279:0:2 - 1)
		IfNotBlocked
		reached[1][243] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(279, 245, 279) */
		reached[1][245] = 1;
		;
		/* merge: .(goto)(279, 269, 279) */
		reached[1][269] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(2))(279, 270, 279) */
		reached[1][270] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 82: // STATE 246 - handshake.pml:366 - [((2==8))] (261:0:2 - 1)
		IfNotBlocked
		reached[1][246] = 1;
		if (!((2==8)))
			continue;
		/* merge: wb[m] = 0(261, 247, 261) */
		reached[1][247] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: i = 1(261, 248, 261) */
		reached[1][248] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 262, 261) */
		reached[1][262] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 83: // STATE 249 - handshake.pml:370 - [((i<=3))] (256:0:1 - 1)
		IfNotBlocked
		reached[1][249] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 250, 256) */
		reached[1][250] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 84: // STATE 251 - handshake.pml:370 - [(lgrey[((m*(3+1))+i)])] (261:0:3 - 1)
		IfNotBlocked
		reached[1][251] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(261, 252, 261) */
		reached[1][252] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(261, 253, 261) */
		reached[1][253] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(261, 257, 261) */
		reached[1][257] = 1;
		;
		/* merge: i = (i+1)(261, 258, 261) */
		reached[1][258] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 262, 261) */
		reached[1][262] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 85: // STATE 255 - handshake.pml:370 - [(1)] (261:0:1 - 1)
		IfNotBlocked
		reached[1][255] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(261, 257, 261) */
		reached[1][257] = 1;
		;
		/* merge: i = (i+1)(261, 258, 261) */
		reached[1][258] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 262, 261) */
		reached[1][262] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 86: // STATE 258 - handshake.pml:370 - [i = (i+1)] (0:261:1 - 3)
		IfNotBlocked
		reached[1][258] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 262, 261) */
		reached[1][262] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 87: // STATE 264 - handshake.pml:373 - [((2==16))] (279:0:3 - 1)
		IfNotBlocked
		reached[1][264] = 1;
		if (!((2==16)))
			continue;
		/* merge: allocblack[m] = 0(279, 265, 279) */
		reached[1][265] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 269, 279) */
		reached[1][269] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(2))(279, 270, 279) */
		reached[1][270] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 88: // STATE 267 - handshake.pml:374 - [(1)] (279:0:2 - 1)
		IfNotBlocked
		reached[1][267] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(279, 269, 279) */
		reached[1][269] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(2))(279, 270, 279) */
		reached[1][270] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 89: // STATE 270 - handshake.pml:376 - [pend[m] = (pend[m]&~(2))] (0:279:2 - 11)
		IfNotBlocked
		reached[1][270] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 90: // STATE 274 - handshake.pml:379 - [.(goto)] (0:279:1 - 2)
		IfNotBlocked
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 91: // STATE 272 - handshake.pml:377 - [(1)] (279:0:1 - 1)
		IfNotBlocked
		reached[1][272] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(279, 274, 279) */
		reached[1][274] = 1;
		;
		/* merge: m = (m+1)(279, 276, 279) */
		reached[1][276] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 280, 279) */
		reached[1][280] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 92: // STATE 283 - handshake.pml:469 - [((((((!(ggrey[1])&&!(ggrey[2]))&&!(ggrey[3]))&&((3<4)||!(ggrey[3])))&&(nassist==0))&&((((pend[0]&2)==0)&&((2<2)||((pend[1]&2)==0)))&&((2<3)||((pend[2]&2)==0)))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][283] = 1;
		if (!(((((( !(((int)now.ggrey[1]))&& !(((int)now.ggrey[2])))&& !(((int)now.ggrey[3])))&&((3<4)|| !(((int)now.ggrey[3]))))&&(((int)now.nassist)==0))&&((((((int)now.pend[0])&2)==0)&&((2<2)||((((int)now.pend[1])&2)==0)))&&((2<3)||((((int)now.pend[ Index(2, 2) ])&2)==0))))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 93: // STATE 284 - handshake.pml:471 - [greyed_since = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][284] = 1;
		(trpt+1)->bup.oval = ((int)now.greyed_since);
		now.greyed_since = 0;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 94: // STATE 285 - handshake.pml:474 - [(((((!(ggrey[1])&&!(ggrey[2]))&&!(ggrey[3]))&&((3<4)||!(ggrey[3])))&&(nassist==0)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][285] = 1;
		if (!((((( !(((int)now.ggrey[1]))&& !(((int)now.ggrey[2])))&& !(((int)now.ggrey[3])))&&((3<4)|| !(((int)now.ggrey[3]))))&&(((int)now.nassist)==0))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 95: // STATE 295 - handshake.pml:387 - [D_STEP387]
		IfNotBlocked

		reached[1][295] = 1;
		reached[1][t->st] = 1;
		reached[1][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_907_0: /* 2 */
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
S_914_0: /* 2 */
S_913_0: /* 2 */
S_908_0: /* 2 */
		if (!((((int)((P1 *)_this)->m)<2)))
			goto S_913_1;
S_909_0: /* 2 */
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])|4);
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
S_910_0: /* 2 */
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		goto S_914_0; /* ';' */
S_913_1: /* 3 */
S_911_0: /* 2 */
		/* else */;
S_912_0: /* 2 */
		goto S_915_0;	/* 'goto' */
S_913_2: /* 3 */
		Uerror("blocking sel in d_step (nr.2, near line 387)");
S_915_0: /* 2 */
		goto S_1038_0;	/* 'break' */
S_1039_0: /* 1 */
S_1038_0:	/* break-dest */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 96: // STATE 297 - handshake.pml:483 - [(((((pend[0]&4)==0)&&((2<2)||((pend[1]&4)==0)))&&((2<3)||((pend[2]&4)==0))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][297] = 1;
		if (!(((((((int)now.pend[0])&4)==0)&&((2<2)||((((int)now.pend[1])&4)==0)))&&((2<3)||((((int)now.pend[ Index(2, 2) ])&4)==0)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 97: // STATE 298 - handshake.pml:488 - [((((((!(ggrey[1])&&!(ggrey[2]))&&!(ggrey[3]))&&((3<4)||!(ggrey[3])))&&(nassist==0))&&!(greyed_since)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][298] = 1;
		if (!(((((( !(((int)now.ggrey[1]))&& !(((int)now.ggrey[2])))&& !(((int)now.ggrey[3])))&&((3<4)|| !(((int)now.ggrey[3]))))&&(((int)now.nassist)==0))&& !(((int)now.greyed_since)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 98: // STATE 304 - handshake.pml:492 - [((!(((((pend[0]&4)==0)&&((2<2)||((pend[1]&4)==0)))&&((2<3)||((pend[2]&4)==0))))&&!(((((!(ggrey[1])&&!(ggrey[2]))&&!(ggrey[3]))&&((3<4)||!(ggrey[3])))&&(nassist==0)))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][304] = 1;
		if (!(( !(((((((int)now.pend[0])&4)==0)&&((2<2)||((((int)now.pend[1])&4)==0)))&&((2<3)||((((int)now.pend[ Index(2, 2) ])&4)==0))))&& !((((( !(((int)now.ggrey[1]))&& !(((int)now.ggrey[2])))&& !(((int)now.ggrey[3])))&&((3<4)|| !(((int)now.ggrey[3]))))&&(((int)now.nassist)==0))))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 99: // STATE 306 - handshake.pml:493 - [(!(((((pend[0]&4)==0)&&((2<2)||((pend[1]&4)==0)))&&((2<3)||((pend[2]&4)==0)))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][306] = 1;
		if (!( !(((((((int)now.pend[0])&4)==0)&&((2<2)||((((int)now.pend[1])&4)==0)))&&((2<3)||((((int)now.pend[ Index(2, 2) ])&4)==0))))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 100: // STATE 307 - handshake.pml:334 - [m = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][307] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 101: // STATE 308 - handshake.pml:336 - [((m<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][308] = 1;
		if (!((((int)((P1 *)_this)->m)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 102: // STATE 309 - handshake.pml:339 - [((blocked[m]&&(pend[m]&4)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][309] = 1;
		if (!((((int)now.blocked[ Index(((int)((P1 *)_this)->m), 2) ])&&(((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])&4))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 103: // STATE 310 - handshake.pml:341 - [((4==1))] (413:0:3 - 1)
		IfNotBlocked
		reached[1][310] = 1;
		if (!((4==1)))
			continue;
		/* merge: wb[m] = 1(413, 311, 413) */
		reached[1][311] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 403, 413) */
		reached[1][403] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(4))(413, 404, 413) */
		reached[1][404] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 104: // STATE 312 - handshake.pml:342 - [((4==2))] (328:0:1 - 1)
		IfNotBlocked
		reached[1][312] = 1;
		if (!((4==2)))
			continue;
		/* merge: j = 0(0, 313, 328) */
		reached[1][313] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 329, 328) */
		reached[1][329] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 105: // STATE 314 - handshake.pml:346 - [((j<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][314] = 1;
		if (!((((int)((P1 *)_this)->j)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 106: // STATE 315 - handshake.pml:126 - [((((stack[((m*2)+j)]!=0)&&alloc[stack[((m*2)+j)]])&&!(mark[stack[((m*2)+j)]])))] (328:0:4 - 1)
		IfNotBlocked
		reached[1][315] = 1;
		if (!((((((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ])))))
			continue;
		/* merge: assert(!(complete))(328, 316, 328) */
		reached[1][316] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[stack[((m*2)+j)]] = 1(328, 317, 328) */
		reached[1][317] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[stack[((controller:m*2)+controller:j)]]", ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: ggrey[stack[((m*2)+j)]] = 1(328, 318, 328) */
		reached[1][318] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[stack[((controller:m*2)+controller:j)]]", ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(328, 319, 328) */
		reached[1][319] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(328, 323, 328) */
		reached[1][323] = 1;
		;
		/* merge: j = (j+1)(328, 325, 328) */
		reached[1][325] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 329, 328) */
		reached[1][329] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 107: // STATE 321 - handshake.pml:131 - [(1)] (328:0:1 - 1)
		IfNotBlocked
		reached[1][321] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(328, 323, 328) */
		reached[1][323] = 1;
		;
		/* merge: j = (j+1)(328, 325, 328) */
		reached[1][325] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 329, 328) */
		reached[1][329] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 108: // STATE 325 - handshake.pml:346 - [j = (j+1)] (0:328:1 - 3)
		IfNotBlocked
		reached[1][325] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 329, 328) */
		reached[1][329] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 109: // STATE 331 - handshake.pml:351 - [allocblack[m] = 1] (0:332:1 - 3)
		IfNotBlocked
		reached[1][331] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 110: // STATE 332 - handshake.pml:353 - [(1)] (413:0:2 - 1)
		IfNotBlocked
		reached[1][332] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(413, 403, 413) */
		reached[1][403] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(4))(413, 404, 413) */
		reached[1][404] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 111: // STATE 333 - handshake.pml:354 - [((4==4))] (355:0:1 - 1)
		IfNotBlocked
		reached[1][333] = 1;
		if (!((4==4)))
			continue;
		/* merge: i = 1(0, 334, 355) */
		reached[1][334] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 356, 355) */
		reached[1][356] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 112: // STATE 335 - handshake.pml:357 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][335] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 113: // STATE 336 - handshake.pml:357 - [(buf[((m*(3+1))+i)])] (347:0:1 - 1)
		IfNotBlocked
		reached[1][336] = 1;
		if (!(((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 337, 347) */
		reached[1][337] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 114: // STATE 338 - handshake.pml:126 - [((((i!=0)&&alloc[i])&&!(mark[i])))] (355:0:4 - 1)
		IfNotBlocked
		reached[1][338] = 1;
		if (!((((((int)((P1 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ])))))
			continue;
		/* merge: assert(!(complete))(355, 339, 355) */
		reached[1][339] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[i] = 1(355, 340, 355) */
		reached[1][340] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: ggrey[i] = 1(355, 341, 355) */
		reached[1][341] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(355, 342, 355) */
		reached[1][342] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(355, 346, 355) */
		reached[1][346] = 1;
		;
		/* merge: .(goto)(355, 351, 355) */
		reached[1][351] = 1;
		;
		/* merge: i = (i+1)(355, 352, 355) */
		reached[1][352] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 356, 355) */
		reached[1][356] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 115: // STATE 344 - handshake.pml:131 - [(1)] (355:0:1 - 1)
		IfNotBlocked
		reached[1][344] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(355, 346, 355) */
		reached[1][346] = 1;
		;
		/* merge: .(goto)(355, 351, 355) */
		reached[1][351] = 1;
		;
		/* merge: i = (i+1)(355, 352, 355) */
		reached[1][352] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 356, 355) */
		reached[1][356] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 116: // STATE 349 - handshake.pml:357 - [(1)] (355:0:1 - 1)
		IfNotBlocked
		reached[1][349] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(355, 351, 355) */
		reached[1][351] = 1;
		;
		/* merge: i = (i+1)(355, 352, 355) */
		reached[1][352] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 356, 355) */
		reached[1][356] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 117: // STATE 352 - handshake.pml:357 - [i = (i+1)] (0:355:1 - 5)
		IfNotBlocked
		reached[1][352] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 356, 355) */
		reached[1][356] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 118: // STATE 358 - handshake.pml:360 - [i = 1] (0:370:1 - 3)
		IfNotBlocked
		reached[1][358] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 371, 370) */
		reached[1][371] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 119: // STATE 359 - handshake.pml:362 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][359] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 120: // STATE 360 - handshake.pml:362 - [(lgrey[((m*(3+1))+i)])] (370:0:3 - 1)
		IfNotBlocked
		reached[1][360] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(370, 361, 370) */
		reached[1][361] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(370, 362, 370) */
		reached[1][362] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(370, 366, 370) */
		reached[1][366] = 1;
		;
		/* merge: i = (i+1)(370, 367, 370) */
		reached[1][367] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 371, 370) */
		reached[1][371] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 121: // STATE 364 - handshake.pml:362 - [(1)] (370:0:1 - 1)
		IfNotBlocked
		reached[1][364] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(370, 366, 370) */
		reached[1][366] = 1;
		;
		/* merge: i = (i+1)(370, 367, 370) */
		reached[1][367] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 371, 370) */
		reached[1][371] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 122: // STATE 367 - handshake.pml:362 - [i = (i+1)] (0:370:1 - 3)
		IfNotBlocked
		reached[1][367] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 371, 370) */
		reached[1][371] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 123: // STATE 373 - handshake.pml:365 - [(lcount[m])] (413:0:4 - 1)
		IfNotBlocked
		reached[1][373] = 1;
		if (!(((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(413, 374, 413) */
		reached[1][374] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(413, 375, 413) */
		reached[1][375] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[controller:m]", ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 379, 413) */
		reached[1][379] = 1;
		;
		/* merge: .(goto)(413, 403, 413) */
		reached[1][403] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(4))(413, 404, 413) */
		reached[1][404] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 124: // STATE 377 - handshake.pml:365 - [(1)] (413:0:2 - 1)
		IfNotBlocked
		reached[1][377] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(413, 379, 413) */
		reached[1][379] = 1;
		;
		/* merge: .(goto)(413, 403, 413) */
		reached[1][403] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(4))(413, 404, 413) */
		reached[1][404] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 125: // STATE 380 - handshake.pml:366 - [((4==8))] (395:0:2 - 1)
		IfNotBlocked
		reached[1][380] = 1;
		if (!((4==8)))
			continue;
		/* merge: wb[m] = 0(395, 381, 395) */
		reached[1][381] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: i = 1(395, 382, 395) */
		reached[1][382] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 396, 395) */
		reached[1][396] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 126: // STATE 383 - handshake.pml:370 - [((i<=3))] (390:0:1 - 1)
		IfNotBlocked
		reached[1][383] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 384, 390) */
		reached[1][384] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 127: // STATE 385 - handshake.pml:370 - [(lgrey[((m*(3+1))+i)])] (395:0:3 - 1)
		IfNotBlocked
		reached[1][385] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(395, 386, 395) */
		reached[1][386] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(395, 387, 395) */
		reached[1][387] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(395, 391, 395) */
		reached[1][391] = 1;
		;
		/* merge: i = (i+1)(395, 392, 395) */
		reached[1][392] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 396, 395) */
		reached[1][396] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 128: // STATE 389 - handshake.pml:370 - [(1)] (395:0:1 - 1)
		IfNotBlocked
		reached[1][389] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(395, 391, 395) */
		reached[1][391] = 1;
		;
		/* merge: i = (i+1)(395, 392, 395) */
		reached[1][392] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 396, 395) */
		reached[1][396] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 129: // STATE 392 - handshake.pml:370 - [i = (i+1)] (0:395:1 - 3)
		IfNotBlocked
		reached[1][392] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 396, 395) */
		reached[1][396] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 130: // STATE 398 - handshake.pml:373 - [((4==16))] (413:0:3 - 1)
		IfNotBlocked
		reached[1][398] = 1;
		if (!((4==16)))
			continue;
		/* merge: allocblack[m] = 0(413, 399, 413) */
		reached[1][399] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 403, 413) */
		reached[1][403] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(4))(413, 404, 413) */
		reached[1][404] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 131: // STATE 401 - handshake.pml:374 - [(1)] (413:0:2 - 1)
		IfNotBlocked
		reached[1][401] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(413, 403, 413) */
		reached[1][403] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(4))(413, 404, 413) */
		reached[1][404] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 132: // STATE 404 - handshake.pml:376 - [pend[m] = (pend[m]&~(4))] (0:413:2 - 11)
		IfNotBlocked
		reached[1][404] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 133: // STATE 408 - handshake.pml:379 - [.(goto)] (0:413:1 - 2)
		IfNotBlocked
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 134: // STATE 406 - handshake.pml:377 - [(1)] (413:0:1 - 1)
		IfNotBlocked
		reached[1][406] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(413, 408, 413) */
		reached[1][408] = 1;
		;
		/* merge: m = (m+1)(413, 410, 413) */
		reached[1][410] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 414, 413) */
		reached[1][414] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 135: // STATE 427 - handshake.pml:501 - [complete = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][427] = 1;
		(trpt+1)->bup.oval = ((int)now.complete);
		now.complete = 1;
#ifdef VAR_RANGES
		logval("complete", ((int)now.complete));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 136: // STATE 470 - handshake.pml:415 - [D_STEP415]
		IfNotBlocked

		reached[1][470] = 1;
		reached[1][t->st] = 1;
		reached[1][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1049_0: /* 2 */
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
S_1056_0: /* 2 */
S_1055_0: /* 2 */
S_1050_0: /* 2 */
		if (!((((int)((P1 *)_this)->i)<=3)))
			goto S_1055_1;
S_1051_0: /* 2 */
		now.reach[ Index(((P1 *)_this)->i, 4) ] = 0;
#ifdef VAR_RANGES
		logval("reach[controller:i]", ((int)now.reach[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
S_1052_0: /* 2 */
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		goto S_1056_0; /* ';' */
S_1055_1: /* 3 */
S_1053_0: /* 2 */
		/* else */;
S_1054_0: /* 2 */
		goto S_1058_0;	/* 'goto' */
S_1055_2: /* 3 */
		Uerror("blocking sel in d_step (nr.3, near line 417)");
S_1057_0: /* 2 */
		goto S_1058_0;	/* 'break' */
S_1058_0: /* 2 */
		now.reach[ Index(now.groot, 4) ] = 1;
#ifdef VAR_RANGES
		logval("reach[groot]", ((int)now.reach[ Index(((int)now.groot), 4) ]));
#endif
		;
S_1059_0: /* 2 */
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
S_1066_0: /* 2 */
S_1065_0: /* 2 */
S_1060_0: /* 2 */
		if (!((((int)((P1 *)_this)->j)<(2*2))))
			goto S_1065_1;
S_1061_0: /* 2 */
		now.reach[ Index(now.stack[ Index(((P1 *)_this)->j, 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("reach[stack[controller:j]]", ((int)now.reach[ Index(((int)now.stack[ Index(((int)((P1 *)_this)->j), 4) ]), 4) ]));
#endif
		;
S_1062_0: /* 2 */
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		goto S_1066_0; /* ';' */
S_1065_1: /* 3 */
S_1063_0: /* 2 */
		/* else */;
S_1064_0: /* 2 */
		goto S_1068_0;	/* 'goto' */
S_1065_2: /* 3 */
		Uerror("blocking sel in d_step (nr.4, near line 423)");
S_1067_0: /* 2 */
		goto S_1068_0;	/* 'break' */
S_1068_0: /* 2 */
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
S_1088_0: /* 2 */
S_1087_0: /* 2 */
S_1069_0: /* 2 */
		if (!((((int)((P1 *)_this)->j)<3)))
			goto S_1087_1;
S_1070_0: /* 2 */
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
S_1082_0: /* 2 */
S_1081_0: /* 2 */
S_1071_0: /* 2 */
		if (!((((int)((P1 *)_this)->i)<=3)))
			goto S_1081_1;
S_1076_0: /* 2 */
S_1072_0: /* 2 */
		if (!((((int)now.reach[ Index(((int)((P1 *)_this)->i), 4) ])&&(((int)((P1 *)_this)->i)!=0))))
			goto S_1076_1;
S_1073_0: /* 2 */
		now.reach[ Index(now.field[ Index(((P1 *)_this)->i, 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("reach[field[controller:i]]", ((int)now.reach[ Index(((int)now.field[ Index(((int)((P1 *)_this)->i), 4) ]), 4) ]));
#endif
		;
		goto S_1077_0;
S_1076_1: /* 3 */
S_1074_0: /* 2 */
		/* else */;
S_1075_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1077_0;
S_1076_2: /* 3 */
		Uerror("blocking sel in d_step (nr.5, near line 432)");
S_1077_0: /* 2 */
S_1078_0: /* 2 */
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		goto S_1082_0; /* ';' */
S_1081_1: /* 3 */
S_1079_0: /* 2 */
		/* else */;
S_1080_0: /* 2 */
		goto S_1084_0;	/* 'goto' */
S_1081_2: /* 3 */
		Uerror("blocking sel in d_step (nr.6, near line 431)");
S_1083_0: /* 2 */
		goto S_1084_0;	/* 'break' */
S_1084_0: /* 2 */
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		goto S_1088_0; /* ';' */
S_1087_1: /* 3 */
S_1085_0: /* 2 */
		/* else */;
S_1086_0: /* 2 */
		goto S_1089_0;	/* 'goto' */
S_1087_2: /* 3 */
		Uerror("blocking sel in d_step (nr.7, near line 428)");
S_1089_0: /* 2 */
		goto S_1090_0;	/* 'break' */
S_1090_0: /* 2 */
		now.reach[0] = 0;
#ifdef VAR_RANGES
		logval("reach[0]", ((int)now.reach[0]));
#endif
		;
		goto S_1093_0;
S_1093_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 137: // STATE 472 - handshake.pml:503 - [i = 1] (0:478:1 - 1)
		IfNotBlocked
		reached[1][472] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 479, 478) */
		reached[1][479] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 138: // STATE 473 - handshake.pml:505 - [((i<=3))] (478:0:1 - 1)
		IfNotBlocked
		reached[1][473] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		/* merge: assert((!(reach[i])||mark[i]))(478, 474, 478) */
		reached[1][474] = 1;
		spin_assert(( !(((int)now.reach[ Index(((int)((P1 *)_this)->i), 4) ]))||((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ])), "( !(reach[i])||mark[i])", II, tt, t);
		/* merge: i = (i+1)(478, 475, 478) */
		reached[1][475] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 479, 478) */
		reached[1][479] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 139: // STATE 491 - handshake.pml:387 - [D_STEP387]
		IfNotBlocked

		reached[1][491] = 1;
		reached[1][t->st] = 1;
		reached[1][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1103_0: /* 2 */
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
S_1110_0: /* 2 */
S_1109_0: /* 2 */
S_1104_0: /* 2 */
		if (!((((int)((P1 *)_this)->m)<2)))
			goto S_1109_1;
S_1105_0: /* 2 */
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])|8);
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
S_1106_0: /* 2 */
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		goto S_1110_0; /* ';' */
S_1109_1: /* 3 */
S_1107_0: /* 2 */
		/* else */;
S_1108_0: /* 2 */
		goto S_1111_0;	/* 'goto' */
S_1109_2: /* 3 */
		Uerror("blocking sel in d_step (nr.8, near line 387)");
S_1111_0: /* 2 */
		goto S_1227_0;	/* 'break' */
S_1228_0: /* 1 */
S_1227_0:	/* break-dest */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 140: // STATE 493 - handshake.pml:397 - [(((((pend[0]&8)==0)&&((2<2)||((pend[1]&8)==0)))&&((2<3)||((pend[2]&8)==0))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][493] = 1;
		if (!(((((((int)now.pend[0])&8)==0)&&((2<2)||((((int)now.pend[1])&8)==0)))&&((2<3)||((((int)now.pend[ Index(2, 2) ])&8)==0)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 141: // STATE 496 - handshake.pml:334 - [m = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][496] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 142: // STATE 497 - handshake.pml:336 - [((m<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][497] = 1;
		if (!((((int)((P1 *)_this)->m)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 143: // STATE 498 - handshake.pml:339 - [((blocked[m]&&(pend[m]&8)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][498] = 1;
		if (!((((int)now.blocked[ Index(((int)((P1 *)_this)->m), 2) ])&&(((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])&8))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 144: // STATE 499 - handshake.pml:341 - [((8==1))] (602:0:3 - 1)
		IfNotBlocked
		reached[1][499] = 1;
		if (!((8==1)))
			continue;
		/* merge: wb[m] = 1(602, 500, 602) */
		reached[1][500] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 592, 602) */
		reached[1][592] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(8))(602, 593, 602) */
		reached[1][593] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 145: // STATE 501 - handshake.pml:342 - [((8==2))] (517:0:1 - 1)
		IfNotBlocked
		reached[1][501] = 1;
		if (!((8==2)))
			continue;
		/* merge: j = 0(0, 502, 517) */
		reached[1][502] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 518, 517) */
		reached[1][518] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 146: // STATE 503 - handshake.pml:346 - [((j<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][503] = 1;
		if (!((((int)((P1 *)_this)->j)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 147: // STATE 504 - handshake.pml:126 - [((((stack[((m*2)+j)]!=0)&&alloc[stack[((m*2)+j)]])&&!(mark[stack[((m*2)+j)]])))] (517:0:4 - 1)
		IfNotBlocked
		reached[1][504] = 1;
		if (!((((((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ])))))
			continue;
		/* merge: assert(!(complete))(517, 505, 517) */
		reached[1][505] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[stack[((m*2)+j)]] = 1(517, 506, 517) */
		reached[1][506] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[stack[((controller:m*2)+controller:j)]]", ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: ggrey[stack[((m*2)+j)]] = 1(517, 507, 517) */
		reached[1][507] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[stack[((controller:m*2)+controller:j)]]", ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(517, 508, 517) */
		reached[1][508] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(517, 512, 517) */
		reached[1][512] = 1;
		;
		/* merge: j = (j+1)(517, 514, 517) */
		reached[1][514] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 518, 517) */
		reached[1][518] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 148: // STATE 510 - handshake.pml:131 - [(1)] (517:0:1 - 1)
		IfNotBlocked
		reached[1][510] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(517, 512, 517) */
		reached[1][512] = 1;
		;
		/* merge: j = (j+1)(517, 514, 517) */
		reached[1][514] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 518, 517) */
		reached[1][518] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 149: // STATE 514 - handshake.pml:346 - [j = (j+1)] (0:517:1 - 3)
		IfNotBlocked
		reached[1][514] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 518, 517) */
		reached[1][518] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 150: // STATE 520 - handshake.pml:351 - [allocblack[m] = 1] (0:521:1 - 3)
		IfNotBlocked
		reached[1][520] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 151: // STATE 521 - handshake.pml:353 - [(1)] (602:0:2 - 1)
		IfNotBlocked
		reached[1][521] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(602, 592, 602) */
		reached[1][592] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(8))(602, 593, 602) */
		reached[1][593] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 152: // STATE 522 - handshake.pml:354 - [((8==4))] (544:0:1 - 1)
		IfNotBlocked
		reached[1][522] = 1;
		if (!((8==4)))
			continue;
		/* merge: i = 1(0, 523, 544) */
		reached[1][523] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 545, 544) */
		reached[1][545] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 153: // STATE 524 - handshake.pml:357 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][524] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 154: // STATE 525 - handshake.pml:357 - [(buf[((m*(3+1))+i)])] (536:0:1 - 1)
		IfNotBlocked
		reached[1][525] = 1;
		if (!(((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 526, 536) */
		reached[1][526] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 155: // STATE 527 - handshake.pml:126 - [((((i!=0)&&alloc[i])&&!(mark[i])))] (544:0:4 - 1)
		IfNotBlocked
		reached[1][527] = 1;
		if (!((((((int)((P1 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ])))))
			continue;
		/* merge: assert(!(complete))(544, 528, 544) */
		reached[1][528] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[i] = 1(544, 529, 544) */
		reached[1][529] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: ggrey[i] = 1(544, 530, 544) */
		reached[1][530] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(544, 531, 544) */
		reached[1][531] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(544, 535, 544) */
		reached[1][535] = 1;
		;
		/* merge: .(goto)(544, 540, 544) */
		reached[1][540] = 1;
		;
		/* merge: i = (i+1)(544, 541, 544) */
		reached[1][541] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 545, 544) */
		reached[1][545] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 156: // STATE 533 - handshake.pml:131 - [(1)] (544:0:1 - 1)
		IfNotBlocked
		reached[1][533] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(544, 535, 544) */
		reached[1][535] = 1;
		;
		/* merge: .(goto)(544, 540, 544) */
		reached[1][540] = 1;
		;
		/* merge: i = (i+1)(544, 541, 544) */
		reached[1][541] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 545, 544) */
		reached[1][545] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 157: // STATE 538 - handshake.pml:357 - [(1)] (544:0:1 - 1)
		IfNotBlocked
		reached[1][538] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(544, 540, 544) */
		reached[1][540] = 1;
		;
		/* merge: i = (i+1)(544, 541, 544) */
		reached[1][541] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 545, 544) */
		reached[1][545] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 158: // STATE 541 - handshake.pml:357 - [i = (i+1)] (0:544:1 - 5)
		IfNotBlocked
		reached[1][541] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 545, 544) */
		reached[1][545] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 159: // STATE 547 - handshake.pml:360 - [i = 1] (0:559:1 - 3)
		IfNotBlocked
		reached[1][547] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 560, 559) */
		reached[1][560] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 160: // STATE 548 - handshake.pml:362 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][548] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 161: // STATE 549 - handshake.pml:362 - [(lgrey[((m*(3+1))+i)])] (559:0:3 - 1)
		IfNotBlocked
		reached[1][549] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(559, 550, 559) */
		reached[1][550] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(559, 551, 559) */
		reached[1][551] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(559, 555, 559) */
		reached[1][555] = 1;
		;
		/* merge: i = (i+1)(559, 556, 559) */
		reached[1][556] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 560, 559) */
		reached[1][560] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 162: // STATE 553 - handshake.pml:362 - [(1)] (559:0:1 - 1)
		IfNotBlocked
		reached[1][553] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(559, 555, 559) */
		reached[1][555] = 1;
		;
		/* merge: i = (i+1)(559, 556, 559) */
		reached[1][556] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 560, 559) */
		reached[1][560] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 163: // STATE 556 - handshake.pml:362 - [i = (i+1)] (0:559:1 - 3)
		IfNotBlocked
		reached[1][556] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 560, 559) */
		reached[1][560] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 164: // STATE 562 - handshake.pml:365 - [(lcount[m])] (602:0:4 - 1)
		IfNotBlocked
		reached[1][562] = 1;
		if (!(((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(602, 563, 602) */
		reached[1][563] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(602, 564, 602) */
		reached[1][564] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[controller:m]", ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 568, 602) */
		reached[1][568] = 1;
		;
		/* merge: .(goto)(602, 592, 602) */
		reached[1][592] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(8))(602, 593, 602) */
		reached[1][593] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 165: // STATE 566 - handshake.pml:365 - [(1)] (602:0:2 - 1)
		IfNotBlocked
		reached[1][566] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(602, 568, 602) */
		reached[1][568] = 1;
		;
		/* merge: .(goto)(602, 592, 602) */
		reached[1][592] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(8))(602, 593, 602) */
		reached[1][593] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 166: // STATE 569 - handshake.pml:366 - [((8==8))] (584:0:2 - 1)
		IfNotBlocked
		reached[1][569] = 1;
		if (!((8==8)))
			continue;
		/* merge: wb[m] = 0(584, 570, 584) */
		reached[1][570] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: i = 1(584, 571, 584) */
		reached[1][571] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 585, 584) */
		reached[1][585] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 167: // STATE 572 - handshake.pml:370 - [((i<=3))] (579:0:1 - 1)
		IfNotBlocked
		reached[1][572] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 573, 579) */
		reached[1][573] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 168: // STATE 574 - handshake.pml:370 - [(lgrey[((m*(3+1))+i)])] (584:0:3 - 1)
		IfNotBlocked
		reached[1][574] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(584, 575, 584) */
		reached[1][575] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(584, 576, 584) */
		reached[1][576] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(584, 580, 584) */
		reached[1][580] = 1;
		;
		/* merge: i = (i+1)(584, 581, 584) */
		reached[1][581] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 585, 584) */
		reached[1][585] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 169: // STATE 578 - handshake.pml:370 - [(1)] (584:0:1 - 1)
		IfNotBlocked
		reached[1][578] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(584, 580, 584) */
		reached[1][580] = 1;
		;
		/* merge: i = (i+1)(584, 581, 584) */
		reached[1][581] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 585, 584) */
		reached[1][585] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 170: // STATE 581 - handshake.pml:370 - [i = (i+1)] (0:584:1 - 3)
		IfNotBlocked
		reached[1][581] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 585, 584) */
		reached[1][585] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 171: // STATE 587 - handshake.pml:373 - [((8==16))] (602:0:3 - 1)
		IfNotBlocked
		reached[1][587] = 1;
		if (!((8==16)))
			continue;
		/* merge: allocblack[m] = 0(602, 588, 602) */
		reached[1][588] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 592, 602) */
		reached[1][592] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(8))(602, 593, 602) */
		reached[1][593] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 172: // STATE 590 - handshake.pml:374 - [(1)] (602:0:2 - 1)
		IfNotBlocked
		reached[1][590] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(602, 592, 602) */
		reached[1][592] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(8))(602, 593, 602) */
		reached[1][593] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 173: // STATE 593 - handshake.pml:376 - [pend[m] = (pend[m]&~(8))] (0:602:2 - 11)
		IfNotBlocked
		reached[1][593] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 174: // STATE 597 - handshake.pml:379 - [.(goto)] (0:602:1 - 2)
		IfNotBlocked
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 175: // STATE 595 - handshake.pml:377 - [(1)] (602:0:1 - 1)
		IfNotBlocked
		reached[1][595] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(602, 597, 602) */
		reached[1][597] = 1;
		;
		/* merge: m = (m+1)(602, 599, 602) */
		reached[1][599] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 603, 602) */
		reached[1][603] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 176: // STATE 610 - handshake.pml:512 - [releasing = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[1][610] = 1;
		(trpt+1)->bup.oval = ((int)now.releasing);
		now.releasing = 1;
#ifdef VAR_RANGES
		logval("releasing", ((int)now.releasing));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 177: // STATE 653 - handshake.pml:415 - [D_STEP415]
		IfNotBlocked

		reached[1][653] = 1;
		reached[1][t->st] = 1;
		reached[1][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1232_0: /* 2 */
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
S_1239_0: /* 2 */
S_1238_0: /* 2 */
S_1233_0: /* 2 */
		if (!((((int)((P1 *)_this)->i)<=3)))
			goto S_1238_1;
S_1234_0: /* 2 */
		now.reach[ Index(((P1 *)_this)->i, 4) ] = 0;
#ifdef VAR_RANGES
		logval("reach[controller:i]", ((int)now.reach[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
S_1235_0: /* 2 */
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		goto S_1239_0; /* ';' */
S_1238_1: /* 3 */
S_1236_0: /* 2 */
		/* else */;
S_1237_0: /* 2 */
		goto S_1241_0;	/* 'goto' */
S_1238_2: /* 3 */
		Uerror("blocking sel in d_step (nr.9, near line 417)");
S_1240_0: /* 2 */
		goto S_1241_0;	/* 'break' */
S_1241_0: /* 2 */
		now.reach[ Index(now.groot, 4) ] = 1;
#ifdef VAR_RANGES
		logval("reach[groot]", ((int)now.reach[ Index(((int)now.groot), 4) ]));
#endif
		;
S_1242_0: /* 2 */
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
S_1249_0: /* 2 */
S_1248_0: /* 2 */
S_1243_0: /* 2 */
		if (!((((int)((P1 *)_this)->j)<(2*2))))
			goto S_1248_1;
S_1244_0: /* 2 */
		now.reach[ Index(now.stack[ Index(((P1 *)_this)->j, 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("reach[stack[controller:j]]", ((int)now.reach[ Index(((int)now.stack[ Index(((int)((P1 *)_this)->j), 4) ]), 4) ]));
#endif
		;
S_1245_0: /* 2 */
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		goto S_1249_0; /* ';' */
S_1248_1: /* 3 */
S_1246_0: /* 2 */
		/* else */;
S_1247_0: /* 2 */
		goto S_1251_0;	/* 'goto' */
S_1248_2: /* 3 */
		Uerror("blocking sel in d_step (nr.10, near line 423)");
S_1250_0: /* 2 */
		goto S_1251_0;	/* 'break' */
S_1251_0: /* 2 */
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
S_1271_0: /* 2 */
S_1270_0: /* 2 */
S_1252_0: /* 2 */
		if (!((((int)((P1 *)_this)->j)<3)))
			goto S_1270_1;
S_1253_0: /* 2 */
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
S_1265_0: /* 2 */
S_1264_0: /* 2 */
S_1254_0: /* 2 */
		if (!((((int)((P1 *)_this)->i)<=3)))
			goto S_1264_1;
S_1259_0: /* 2 */
S_1255_0: /* 2 */
		if (!((((int)now.reach[ Index(((int)((P1 *)_this)->i), 4) ])&&(((int)((P1 *)_this)->i)!=0))))
			goto S_1259_1;
S_1256_0: /* 2 */
		now.reach[ Index(now.field[ Index(((P1 *)_this)->i, 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("reach[field[controller:i]]", ((int)now.reach[ Index(((int)now.field[ Index(((int)((P1 *)_this)->i), 4) ]), 4) ]));
#endif
		;
		goto S_1260_0;
S_1259_1: /* 3 */
S_1257_0: /* 2 */
		/* else */;
S_1258_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_1260_0;
S_1259_2: /* 3 */
		Uerror("blocking sel in d_step (nr.11, near line 432)");
S_1260_0: /* 2 */
S_1261_0: /* 2 */
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		goto S_1265_0; /* ';' */
S_1264_1: /* 3 */
S_1262_0: /* 2 */
		/* else */;
S_1263_0: /* 2 */
		goto S_1267_0;	/* 'goto' */
S_1264_2: /* 3 */
		Uerror("blocking sel in d_step (nr.12, near line 431)");
S_1266_0: /* 2 */
		goto S_1267_0;	/* 'break' */
S_1267_0: /* 2 */
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		goto S_1271_0; /* ';' */
S_1270_1: /* 3 */
S_1268_0: /* 2 */
		/* else */;
S_1269_0: /* 2 */
		goto S_1272_0;	/* 'goto' */
S_1270_2: /* 3 */
		Uerror("blocking sel in d_step (nr.13, near line 428)");
S_1272_0: /* 2 */
		goto S_1273_0;	/* 'break' */
S_1273_0: /* 2 */
		now.reach[0] = 0;
#ifdef VAR_RANGES
		logval("reach[0]", ((int)now.reach[0]));
#endif
		;
		goto S_1276_0;
S_1276_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 178: // STATE 655 - handshake.pml:514 - [i = 1] (0:669:1 - 1)
		IfNotBlocked
		reached[1][655] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 670, 669) */
		reached[1][670] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 179: // STATE 656 - handshake.pml:516 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][656] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 180: // STATE 657 - handshake.pml:518 - [((alloc[i]&&!(mark[i])))] (669:0:4 - 1)
		IfNotBlocked
		reached[1][657] = 1;
		if (!((((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ])&& !(((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ])))))
			continue;
		/* merge: assert(!(reach[i]))(669, 658, 669) */
		reached[1][658] = 1;
		spin_assert( !(((int)now.reach[ Index(((int)((P1 *)_this)->i), 4) ])), " !(reach[i])", II, tt, t);
		/* merge: alloc[i] = 0(669, 659, 669) */
		reached[1][659] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.alloc[ Index(((P1 *)_this)->i, 4) ] = 0;
#ifdef VAR_RANGES
		logval("alloc[controller:i]", ((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: field[i] = 0(669, 660, 669) */
		reached[1][660] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.field[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.field[ Index(((P1 *)_this)->i, 4) ] = 0;
#ifdef VAR_RANGES
		logval("field[controller:i]", ((int)now.field[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: .(goto)(669, 664, 669) */
		reached[1][664] = 1;
		;
		/* merge: mark[i] = 0(669, 665, 669) */
		reached[1][665] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 0;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: i = (i+1)(669, 666, 669) */
		reached[1][666] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 670, 669) */
		reached[1][670] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 181: // STATE 662 - handshake.pml:521 - [(1)] (669:0:2 - 1)
		IfNotBlocked
		reached[1][662] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(669, 664, 669) */
		reached[1][664] = 1;
		;
		/* merge: mark[i] = 0(669, 665, 669) */
		reached[1][665] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 0;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: i = (i+1)(669, 666, 669) */
		reached[1][666] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 670, 669) */
		reached[1][670] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 182: // STATE 665 - handshake.pml:523 - [mark[i] = 0] (0:669:2 - 3)
		IfNotBlocked
		reached[1][665] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 0;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: i = (i+1)(669, 666, 669) */
		reached[1][666] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 670, 669) */
		reached[1][670] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 183: // STATE 672 - handshake.pml:527 - [complete = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][672] = 1;
		(trpt+1)->bup.oval = ((int)now.complete);
		now.complete = 0;
#ifdef VAR_RANGES
		logval("complete", ((int)now.complete));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 184: // STATE 683 - handshake.pml:387 - [D_STEP387]
		IfNotBlocked

		reached[1][683] = 1;
		reached[1][t->st] = 1;
		reached[1][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_1295_0: /* 2 */
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
S_1302_0: /* 2 */
S_1301_0: /* 2 */
S_1296_0: /* 2 */
		if (!((((int)((P1 *)_this)->m)<2)))
			goto S_1301_1;
S_1297_0: /* 2 */
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])|16);
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
S_1298_0: /* 2 */
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		goto S_1302_0; /* ';' */
S_1301_1: /* 3 */
S_1299_0: /* 2 */
		/* else */;
S_1300_0: /* 2 */
		goto S_1303_0;	/* 'goto' */
S_1301_2: /* 3 */
		Uerror("blocking sel in d_step (nr.14, near line 387)");
S_1303_0: /* 2 */
		goto S_1419_0;	/* 'break' */
S_1420_0: /* 1 */
S_1419_0:	/* break-dest */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 185: // STATE 685 - handshake.pml:397 - [(((((pend[0]&16)==0)&&((2<2)||((pend[1]&16)==0)))&&((2<3)||((pend[2]&16)==0))))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][685] = 1;
		if (!(((((((int)now.pend[0])&16)==0)&&((2<2)||((((int)now.pend[1])&16)==0)))&&((2<3)||((((int)now.pend[ Index(2, 2) ])&16)==0)))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 186: // STATE 688 - handshake.pml:334 - [m = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[1][688] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = 0;
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 187: // STATE 689 - handshake.pml:336 - [((m<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][689] = 1;
		if (!((((int)((P1 *)_this)->m)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 188: // STATE 690 - handshake.pml:339 - [((blocked[m]&&(pend[m]&16)))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][690] = 1;
		if (!((((int)now.blocked[ Index(((int)((P1 *)_this)->m), 2) ])&&(((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])&16))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 189: // STATE 691 - handshake.pml:341 - [((16==1))] (794:0:3 - 1)
		IfNotBlocked
		reached[1][691] = 1;
		if (!((16==1)))
			continue;
		/* merge: wb[m] = 1(794, 692, 794) */
		reached[1][692] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 784, 794) */
		reached[1][784] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(16))(794, 785, 794) */
		reached[1][785] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 190: // STATE 693 - handshake.pml:342 - [((16==2))] (709:0:1 - 1)
		IfNotBlocked
		reached[1][693] = 1;
		if (!((16==2)))
			continue;
		/* merge: j = 0(0, 694, 709) */
		reached[1][694] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 710, 709) */
		reached[1][710] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 191: // STATE 695 - handshake.pml:346 - [((j<2))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][695] = 1;
		if (!((((int)((P1 *)_this)->j)<2)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 192: // STATE 696 - handshake.pml:126 - [((((stack[((m*2)+j)]!=0)&&alloc[stack[((m*2)+j)]])&&!(mark[stack[((m*2)+j)]])))] (709:0:4 - 1)
		IfNotBlocked
		reached[1][696] = 1;
		if (!((((((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ])))))
			continue;
		/* merge: assert(!(complete))(709, 697, 709) */
		reached[1][697] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[stack[((m*2)+j)]] = 1(709, 698, 709) */
		reached[1][698] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[stack[((controller:m*2)+controller:j)]]", ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: ggrey[stack[((m*2)+j)]] = 1(709, 699, 709) */
		reached[1][699] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]);
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[stack[((controller:m*2)+controller:j)]]", ((int)now.ggrey[ Index(((int)now.stack[ Index(((((int)((P1 *)_this)->m)*2)+((int)((P1 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(709, 700, 709) */
		reached[1][700] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(709, 704, 709) */
		reached[1][704] = 1;
		;
		/* merge: j = (j+1)(709, 706, 709) */
		reached[1][706] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 710, 709) */
		reached[1][710] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 193: // STATE 702 - handshake.pml:131 - [(1)] (709:0:1 - 1)
		IfNotBlocked
		reached[1][702] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(709, 704, 709) */
		reached[1][704] = 1;
		;
		/* merge: j = (j+1)(709, 706, 709) */
		reached[1][706] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 710, 709) */
		reached[1][710] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 194: // STATE 706 - handshake.pml:346 - [j = (j+1)] (0:709:1 - 3)
		IfNotBlocked
		reached[1][706] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->j);
		((P1 *)_this)->j = (((int)((P1 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("controller:j", ((int)((P1 *)_this)->j));
#endif
		;
		/* merge: .(goto)(0, 710, 709) */
		reached[1][710] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 195: // STATE 712 - handshake.pml:351 - [allocblack[m] = 1] (0:713:1 - 3)
		IfNotBlocked
		reached[1][712] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 196: // STATE 713 - handshake.pml:353 - [(1)] (794:0:2 - 1)
		IfNotBlocked
		reached[1][713] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(794, 784, 794) */
		reached[1][784] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(16))(794, 785, 794) */
		reached[1][785] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 197: // STATE 714 - handshake.pml:354 - [((16==4))] (736:0:1 - 1)
		IfNotBlocked
		reached[1][714] = 1;
		if (!((16==4)))
			continue;
		/* merge: i = 1(0, 715, 736) */
		reached[1][715] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 737, 736) */
		reached[1][737] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 198: // STATE 716 - handshake.pml:357 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][716] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 199: // STATE 717 - handshake.pml:357 - [(buf[((m*(3+1))+i)])] (728:0:1 - 1)
		IfNotBlocked
		reached[1][717] = 1;
		if (!(((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 718, 728) */
		reached[1][718] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 200: // STATE 719 - handshake.pml:126 - [((((i!=0)&&alloc[i])&&!(mark[i])))] (736:0:4 - 1)
		IfNotBlocked
		reached[1][719] = 1;
		if (!((((((int)((P1 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P1 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ])))))
			continue;
		/* merge: assert(!(complete))(736, 720, 736) */
		reached[1][720] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[i] = 1(736, 721, 736) */
		reached[1][721] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.mark[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[controller:i]", ((int)now.mark[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: ggrey[i] = 1(736, 722, 736) */
		reached[1][722] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: greyed_since = 1(736, 723, 736) */
		reached[1][723] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: .(goto)(736, 727, 736) */
		reached[1][727] = 1;
		;
		/* merge: .(goto)(736, 732, 736) */
		reached[1][732] = 1;
		;
		/* merge: i = (i+1)(736, 733, 736) */
		reached[1][733] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 737, 736) */
		reached[1][737] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 201: // STATE 725 - handshake.pml:131 - [(1)] (736:0:1 - 1)
		IfNotBlocked
		reached[1][725] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(736, 727, 736) */
		reached[1][727] = 1;
		;
		/* merge: .(goto)(736, 732, 736) */
		reached[1][732] = 1;
		;
		/* merge: i = (i+1)(736, 733, 736) */
		reached[1][733] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 737, 736) */
		reached[1][737] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 202: // STATE 730 - handshake.pml:357 - [(1)] (736:0:1 - 1)
		IfNotBlocked
		reached[1][730] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(736, 732, 736) */
		reached[1][732] = 1;
		;
		/* merge: i = (i+1)(736, 733, 736) */
		reached[1][733] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 737, 736) */
		reached[1][737] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 203: // STATE 733 - handshake.pml:357 - [i = (i+1)] (0:736:1 - 5)
		IfNotBlocked
		reached[1][733] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 737, 736) */
		reached[1][737] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 204: // STATE 739 - handshake.pml:360 - [i = 1] (0:751:1 - 3)
		IfNotBlocked
		reached[1][739] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 752, 751) */
		reached[1][752] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 205: // STATE 740 - handshake.pml:362 - [((i<=3))] (0:0:0 - 1)
		IfNotBlocked
		reached[1][740] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 206: // STATE 741 - handshake.pml:362 - [(lgrey[((m*(3+1))+i)])] (751:0:3 - 1)
		IfNotBlocked
		reached[1][741] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(751, 742, 751) */
		reached[1][742] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(751, 743, 751) */
		reached[1][743] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(751, 747, 751) */
		reached[1][747] = 1;
		;
		/* merge: i = (i+1)(751, 748, 751) */
		reached[1][748] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 752, 751) */
		reached[1][752] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 207: // STATE 745 - handshake.pml:362 - [(1)] (751:0:1 - 1)
		IfNotBlocked
		reached[1][745] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(751, 747, 751) */
		reached[1][747] = 1;
		;
		/* merge: i = (i+1)(751, 748, 751) */
		reached[1][748] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 752, 751) */
		reached[1][752] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 208: // STATE 748 - handshake.pml:362 - [i = (i+1)] (0:751:1 - 3)
		IfNotBlocked
		reached[1][748] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 752, 751) */
		reached[1][752] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 209: // STATE 754 - handshake.pml:365 - [(lcount[m])] (794:0:4 - 1)
		IfNotBlocked
		reached[1][754] = 1;
		if (!(((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(794, 755, 794) */
		reached[1][755] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(794, 756, 794) */
		reached[1][756] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[controller:m]", ((int)now.lcount[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 760, 794) */
		reached[1][760] = 1;
		;
		/* merge: .(goto)(794, 784, 794) */
		reached[1][784] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(16))(794, 785, 794) */
		reached[1][785] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.ovals[3] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 8 */
	case 210: // STATE 758 - handshake.pml:365 - [(1)] (794:0:2 - 1)
		IfNotBlocked
		reached[1][758] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(794, 760, 794) */
		reached[1][760] = 1;
		;
		/* merge: .(goto)(794, 784, 794) */
		reached[1][784] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(16))(794, 785, 794) */
		reached[1][785] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 211: // STATE 761 - handshake.pml:366 - [((16==8))] (776:0:2 - 1)
		IfNotBlocked
		reached[1][761] = 1;
		if (!((16==8)))
			continue;
		/* merge: wb[m] = 0(776, 762, 776) */
		reached[1][762] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.wb[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wb[controller:m]", ((int)now.wb[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: i = 1(776, 763, 776) */
		reached[1][763] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 777, 776) */
		reached[1][777] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 212: // STATE 764 - handshake.pml:370 - [((i<=3))] (771:0:1 - 1)
		IfNotBlocked
		reached[1][764] = 1;
		if (!((((int)((P1 *)_this)->i)<=3)))
			continue;
		/* merge: buf[((m*(3+1))+i)] = 0(0, 765, 771) */
		reached[1][765] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((controller:m*(3+1))+controller:i)]", ((int)now.buf[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 213: // STATE 766 - handshake.pml:370 - [(lgrey[((m*(3+1))+i)])] (776:0:3 - 1)
		IfNotBlocked
		reached[1][766] = 1;
		if (!(((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ])))
			continue;
		/* merge: ggrey[i] = 1(776, 767, 776) */
		reached[1][767] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]);
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[controller:i]", ((int)now.ggrey[ Index(((int)((P1 *)_this)->i), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+i)] = 0(776, 768, 776) */
		reached[1][768] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]);
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((controller:m*(3+1))+controller:i)]", ((int)now.lgrey[ Index(((((int)((P1 *)_this)->m)*(3+1))+((int)((P1 *)_this)->i)), 8) ]));
#endif
		;
		/* merge: .(goto)(776, 772, 776) */
		reached[1][772] = 1;
		;
		/* merge: i = (i+1)(776, 773, 776) */
		reached[1][773] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 777, 776) */
		reached[1][777] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 214: // STATE 770 - handshake.pml:370 - [(1)] (776:0:1 - 1)
		IfNotBlocked
		reached[1][770] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(776, 772, 776) */
		reached[1][772] = 1;
		;
		/* merge: i = (i+1)(776, 773, 776) */
		reached[1][773] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 777, 776) */
		reached[1][777] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 215: // STATE 773 - handshake.pml:370 - [i = (i+1)] (0:776:1 - 3)
		IfNotBlocked
		reached[1][773] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->i);
		((P1 *)_this)->i = (((int)((P1 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("controller:i", ((int)((P1 *)_this)->i));
#endif
		;
		/* merge: .(goto)(0, 777, 776) */
		reached[1][777] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 216: // STATE 779 - handshake.pml:373 - [((16==16))] (794:0:3 - 1)
		IfNotBlocked
		reached[1][779] = 1;
		if (!((16==16)))
			continue;
		/* merge: allocblack[m] = 0(794, 780, 794) */
		reached[1][780] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("allocblack[controller:m]", ((int)now.allocblack[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 784, 794) */
		reached[1][784] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(16))(794, 785, 794) */
		reached[1][785] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.ovals[2] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 217: // STATE 782 - handshake.pml:374 - [(1)] (794:0:2 - 1)
		IfNotBlocked
		reached[1][782] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(794, 784, 794) */
		reached[1][784] = 1;
		;
		/* merge: pend[m] = (pend[m]&~(16))(794, 785, 794) */
		reached[1][785] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 5 */
	case 218: // STATE 785 - handshake.pml:376 - [pend[m] = (pend[m]&~(16))] (0:794:2 - 11)
		IfNotBlocked
		reached[1][785] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]);
		now.pend[ Index(((P1 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[controller:m]", ((int)now.pend[ Index(((int)((P1 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 219: // STATE 789 - handshake.pml:379 - [.(goto)] (0:794:1 - 2)
		IfNotBlocked
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 220: // STATE 787 - handshake.pml:377 - [(1)] (794:0:1 - 1)
		IfNotBlocked
		reached[1][787] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(794, 789, 794) */
		reached[1][789] = 1;
		;
		/* merge: m = (m+1)(794, 791, 794) */
		reached[1][791] = 1;
		(trpt+1)->bup.oval = ((int)((P1 *)_this)->m);
		((P1 *)_this)->m = (((int)((P1 *)_this)->m)+1);
#ifdef VAR_RANGES
		logval("controller:m", ((int)((P1 *)_this)->m));
#endif
		;
		/* merge: .(goto)(0, 795, 794) */
		reached[1][795] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 221: // STATE 802 - handshake.pml:530 - [releasing = 0] (0:805:2 - 1)
		IfNotBlocked
		reached[1][802] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.releasing);
		now.releasing = 0;
#ifdef VAR_RANGES
		logval("releasing", ((int)now.releasing));
#endif
		;
		/* merge: marking = 0(805, 803, 805) */
		reached[1][803] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.marking);
		now.marking = 0;
#ifdef VAR_RANGES
		logval("marking", ((int)now.marking));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 222: // STATE 809 - handshake.pml:534 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[1][809] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */

		 /* PROC mutator */
	case 223: // STATE 1 - handshake.pml:258 - [((!(blocked[m])&&(since[m]<2)))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][1] = 1;
		if (!(( !(((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ]))&&(((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ])<2))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 224: // STATE 2 - handshake.pml:259 - [since[m] = (since[m]+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[0][2] = 1;
		(trpt+1)->bup.oval = ((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.since[ Index(((P0 *)_this)->m, 2) ] = (((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ])+1);
#ifdef VAR_RANGES
		logval("since[mutator:m]", ((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 225: // STATE 3 - handshake.pml:250 - [s = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][3] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->s);
		((P0 *)_this)->s = 0;
#ifdef VAR_RANGES
		logval("mutator:s", ((int)((P0 *)_this)->s));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 226: // STATE 4 - handshake.pml:250 - [s = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][4] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->s);
		((P0 *)_this)->s = 1;
#ifdef VAR_RANGES
		logval("mutator:s", ((int)((P0 *)_this)->s));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 227: // STATE 8 - handshake.pml:250 - [d = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][8] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 0;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 228: // STATE 9 - handshake.pml:250 - [d = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][9] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 1;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 229: // STATE 13 - handshake.pml:264 - [t = stack[((m*2)+s)]] (0:0:1 - 1)
		IfNotBlocked
		reached[0][13] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->t);
		((P0 *)_this)->t = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->s)), 4) ]);
#ifdef VAR_RANGES
		logval("mutator:t", ((int)((P0 *)_this)->t));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 230: // STATE 14 - handshake.pml:266 - [((t!=0))] (619:0:2 - 1)
		IfNotBlocked
		reached[0][14] = 1;
		if (!((((int)((P0 *)_this)->t)!=0)))
			continue;
		/* merge: assert(alloc[t])(619, 15, 619) */
		reached[0][15] = 1;
		spin_assert(((int)now.alloc[ Index(((int)((P0 *)_this)->t), 4) ]), "alloc[t]", II, tt, t);
		/* merge: v = field[t](619, 16, 619) */
		reached[0][16] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P0 *)_this)->v);
		((P0 *)_this)->v = ((int)now.field[ Index(((int)((P0 *)_this)->t), 4) ]);
#ifdef VAR_RANGES
		logval("mutator:v", ((int)((P0 *)_this)->v));
#endif
		;
		/* merge: assert(((v==0)||alloc[v]))(619, 17, 619) */
		reached[0][17] = 1;
		spin_assert(((((int)((P0 *)_this)->v)==0)||((int)now.alloc[ Index(((int)((P0 *)_this)->v), 4) ])), "((v==0)||alloc[v])", II, tt, t);
		/* merge: stack[((m*2)+d)] = v(619, 18, 619) */
		reached[0][18] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]);
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = ((int)((P0 *)_this)->v);
#ifdef VAR_RANGES
		logval("stack[((mutator:m*2)+mutator:d)]", ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]));
#endif
		;
		/* merge: .(goto)(619, 22, 619) */
		reached[0][22] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 231: // STATE 22 - handshake.pml:269 - [.(goto)] (0:619:0 - 2)
		IfNotBlocked
		reached[0][22] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 232: // STATE 20 - handshake.pml:267 - [(1)] (619:0:0 - 1)
		IfNotBlocked
		reached[0][20] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(619, 22, 619) */
		reached[0][22] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 233: // STATE 24 - handshake.pml:250 - [d = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][24] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 0;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 234: // STATE 25 - handshake.pml:250 - [d = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][25] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 1;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 235: // STATE 29 - handshake.pml:272 - [v = groot] (0:619:2 - 1)
		IfNotBlocked
		reached[0][29] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)((P0 *)_this)->v);
		((P0 *)_this)->v = ((int)now.groot);
#ifdef VAR_RANGES
		logval("mutator:v", ((int)((P0 *)_this)->v));
#endif
		;
		/* merge: assert(((v==0)||alloc[v]))(619, 30, 619) */
		reached[0][30] = 1;
		spin_assert(((((int)((P0 *)_this)->v)==0)||((int)now.alloc[ Index(((int)((P0 *)_this)->v), 4) ])), "((v==0)||alloc[v])", II, tt, t);
		/* merge: stack[((m*2)+d)] = v(619, 31, 619) */
		reached[0][31] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]);
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = ((int)((P0 *)_this)->v);
#ifdef VAR_RANGES
		logval("stack[((mutator:m*2)+mutator:d)]", ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]));
#endif
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 236: // STATE 33 - handshake.pml:250 - [s = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][33] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->s);
		((P0 *)_this)->s = 0;
#ifdef VAR_RANGES
		logval("mutator:s", ((int)((P0 *)_this)->s));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 237: // STATE 34 - handshake.pml:250 - [s = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][34] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->s);
		((P0 *)_this)->s = 1;
#ifdef VAR_RANGES
		logval("mutator:s", ((int)((P0 *)_this)->s));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 238: // STATE 38 - handshake.pml:250 - [d = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][38] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 0;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 239: // STATE 39 - handshake.pml:250 - [d = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][39] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 1;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 240: // STATE 43 - handshake.pml:275 - [t = stack[((m*2)+d)]] (0:0:1 - 3)
		IfNotBlocked
		reached[0][43] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->t);
		((P0 *)_this)->t = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]);
#ifdef VAR_RANGES
		logval("mutator:t", ((int)((P0 *)_this)->t));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 241: // STATE 44 - handshake.pml:277 - [((t!=0))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][44] = 1;
		if (!((((int)((P0 *)_this)->t)!=0)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 242: // STATE 45 - handshake.pml:277 - [v = stack[((m*2)+s)]] (0:0:1 - 1)
		IfNotBlocked
		reached[0][45] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->v);
		((P0 *)_this)->v = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->s)), 4) ]);
#ifdef VAR_RANGES
		logval("mutator:v", ((int)((P0 *)_this)->v));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 243: // STATE 46 - handshake.pml:177 - [w = wb[m]] (0:76:3 - 1)
		IfNotBlocked
		reached[0][46] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)((P0 *)_this)->w);
		((P0 *)_this)->w = ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]);
#ifdef VAR_RANGES
		logval("mutator:w", ((int)((P0 *)_this)->w));
#endif
		;
		/* merge: old = ( ((t==0)) -> (groot) : (field[t]) )(76, 47, 76) */
		reached[0][47] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P0 *)_this)->old);
		((P0 *)_this)->old = ( ((((int)((P0 *)_this)->t)==0)) ? (((int)now.groot)) : (((int)now.field[ Index(((int)((P0 *)_this)->t), 4) ])) );
#ifdef VAR_RANGES
		logval("mutator:old", ((int)((P0 *)_this)->old));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: old */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P0 *)_this)->old = 0;
		_m = 3; goto P999; /* 1 */
	case 244: // STATE 49 - handshake.pml:184 - [old = ( ((t==0)) -> (groot) : (field[t]) )] (0:0:1 - 1)
		IfNotBlocked
		reached[0][49] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->old);
		((P0 *)_this)->old = ( ((((int)((P0 *)_this)->t)==0)) ? (((int)now.groot)) : (((int)now.field[ Index(((int)((P0 *)_this)->t), 4) ])) );
#ifdef VAR_RANGES
		logval("mutator:old", ((int)((P0 *)_this)->old));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 245: // STATE 50 - handshake.pml:186 - [((t==0))] (74:0:2 - 1)
		IfNotBlocked
		reached[0][50] = 1;
		if (!((((int)((P0 *)_this)->t)==0)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: t */  (trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((P0 *)_this)->t;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P0 *)_this)->t = 0;
		/* merge: groot = v(0, 51, 74) */
		reached[0][51] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.groot);
		now.groot = ((int)((P0 *)_this)->v);
#ifdef VAR_RANGES
		logval("groot", ((int)now.groot));
#endif
		;
		/* merge: .(goto)(0, 55, 74) */
		reached[0][55] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 246: // STATE 53 - handshake.pml:186 - [field[t] = v] (0:0:1 - 1)
		IfNotBlocked
		reached[0][53] = 1;
		(trpt+1)->bup.oval = ((int)now.field[ Index(((int)((P0 *)_this)->t), 4) ]);
		now.field[ Index(((P0 *)_this)->t, 4) ] = ((int)((P0 *)_this)->v);
#ifdef VAR_RANGES
		logval("field[mutator:t]", ((int)now.field[ Index(((int)((P0 *)_this)->t), 4) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 247: // STATE 56 - handshake.pml:188 - [(w)] (0:0:1 - 1)
		IfNotBlocked
		reached[0][56] = 1;
		if (!(((int)((P0 *)_this)->w)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: w */  (trpt+1)->bup.oval = ((P0 *)_this)->w;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P0 *)_this)->w = 0;
		_m = 3; goto P999; /* 0 */
	case 248: // STATE 57 - handshake.pml:168 - [((old!=0))] (70:0:1 - 1)
		IfNotBlocked
		reached[0][57] = 1;
		if (!((((int)((P0 *)_this)->old)!=0)))
			continue;
		/* merge: buf[((m*(3+1))+old)] = 1(0, 58, 70) */
		reached[0][58] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->old)), 8) ]);
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->old), 8) ] = 1;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:old)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->old)), 8) ]));
#endif
		;
		/* merge: .(goto)(0, 62, 70) */
		reached[0][62] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 249: // STATE 64 - handshake.pml:168 - [((v!=0))] (71:0:1 - 1)
		IfNotBlocked
		reached[0][64] = 1;
		if (!((((int)((P0 *)_this)->v)!=0)))
			continue;
		/* merge: buf[((m*(3+1))+v)] = 1(0, 65, 71) */
		reached[0][65] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->v)), 8) ]);
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->v), 8) ] = 1;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:v)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->v)), 8) ]));
#endif
		;
		/* merge: .(goto)(0, 69, 71) */
		reached[0][69] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 250: // STATE 71 - handshake.pml:195 - [(1)] (619:0:0 - 3)
		IfNotBlocked
		reached[0][71] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(0, 75, 619) */
		reached[0][75] = 1;
		;
		/* merge: .(goto)(0, 81, 619) */
		reached[0][81] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 251: // STATE 73 - handshake.pml:196 - [(1)] (619:0:0 - 1)
		IfNotBlocked
		reached[0][73] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(0, 75, 619) */
		reached[0][75] = 1;
		;
		/* merge: .(goto)(0, 81, 619) */
		reached[0][81] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 4 */
	case 252: // STATE 82 - handshake.pml:250 - [s = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][82] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->s);
		((P0 *)_this)->s = 0;
#ifdef VAR_RANGES
		logval("mutator:s", ((int)((P0 *)_this)->s));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 253: // STATE 83 - handshake.pml:250 - [s = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][83] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->s);
		((P0 *)_this)->s = 1;
#ifdef VAR_RANGES
		logval("mutator:s", ((int)((P0 *)_this)->s));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 254: // STATE 87 - handshake.pml:282 - [v = stack[((m*2)+s)]] (0:0:1 - 3)
		IfNotBlocked
		reached[0][87] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->v);
		((P0 *)_this)->v = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->s)), 4) ]);
#ifdef VAR_RANGES
		logval("mutator:v", ((int)((P0 *)_this)->v));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 255: // STATE 88 - handshake.pml:177 - [w = wb[m]] (0:118:3 - 1)
		IfNotBlocked
		reached[0][88] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)((P0 *)_this)->w);
		((P0 *)_this)->w = ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]);
#ifdef VAR_RANGES
		logval("mutator:w", ((int)((P0 *)_this)->w));
#endif
		;
		/* merge: old = ( ((0==0)) -> (groot) : (field[0]) )(118, 89, 118) */
		reached[0][89] = 1;
		(trpt+1)->bup.ovals[1] = ((int)((P0 *)_this)->old);
		((P0 *)_this)->old = ( ((0==0)) ? (((int)now.groot)) : (((int)now.field[0])) );
#ifdef VAR_RANGES
		logval("mutator:old", ((int)((P0 *)_this)->old));
#endif
		;
		if (TstOnly) return 1; /* TT */
		/* dead 2: old */  
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P0 *)_this)->old = 0;
		_m = 3; goto P999; /* 1 */
	case 256: // STATE 91 - handshake.pml:184 - [old = ( ((0==0)) -> (groot) : (field[0]) )] (0:0:1 - 1)
		IfNotBlocked
		reached[0][91] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->old);
		((P0 *)_this)->old = ( ((0==0)) ? (((int)now.groot)) : (((int)now.field[0])) );
#ifdef VAR_RANGES
		logval("mutator:old", ((int)((P0 *)_this)->old));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 257: // STATE 92 - handshake.pml:186 - [((0==0))] (116:0:1 - 1)
		IfNotBlocked
		reached[0][92] = 1;
		if (!((0==0)))
			continue;
		/* merge: groot = v(0, 93, 116) */
		reached[0][93] = 1;
		(trpt+1)->bup.oval = ((int)now.groot);
		now.groot = ((int)((P0 *)_this)->v);
#ifdef VAR_RANGES
		logval("groot", ((int)now.groot));
#endif
		;
		/* merge: .(goto)(0, 97, 116) */
		reached[0][97] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 258: // STATE 95 - handshake.pml:186 - [field[0] = v] (0:0:1 - 1)
		IfNotBlocked
		reached[0][95] = 1;
		(trpt+1)->bup.oval = ((int)now.field[0]);
		now.field[0] = ((int)((P0 *)_this)->v);
#ifdef VAR_RANGES
		logval("field[0]", ((int)now.field[0]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 259: // STATE 98 - handshake.pml:188 - [(w)] (0:0:1 - 1)
		IfNotBlocked
		reached[0][98] = 1;
		if (!(((int)((P0 *)_this)->w)))
			continue;
		if (TstOnly) return 1; /* TT */
		/* dead 1: w */  (trpt+1)->bup.oval = ((P0 *)_this)->w;
#ifdef HAS_CODE
		if (!readtrail)
#endif
			((P0 *)_this)->w = 0;
		_m = 3; goto P999; /* 0 */
	case 260: // STATE 99 - handshake.pml:168 - [((old!=0))] (112:0:1 - 1)
		IfNotBlocked
		reached[0][99] = 1;
		if (!((((int)((P0 *)_this)->old)!=0)))
			continue;
		/* merge: buf[((m*(3+1))+old)] = 1(0, 100, 112) */
		reached[0][100] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->old)), 8) ]);
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->old), 8) ] = 1;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:old)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->old)), 8) ]));
#endif
		;
		/* merge: .(goto)(0, 104, 112) */
		reached[0][104] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 261: // STATE 106 - handshake.pml:168 - [((v!=0))] (113:0:1 - 1)
		IfNotBlocked
		reached[0][106] = 1;
		if (!((((int)((P0 *)_this)->v)!=0)))
			continue;
		/* merge: buf[((m*(3+1))+v)] = 1(0, 107, 113) */
		reached[0][107] = 1;
		(trpt+1)->bup.oval = ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->v)), 8) ]);
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->v), 8) ] = 1;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:v)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->v)), 8) ]));
#endif
		;
		/* merge: .(goto)(0, 111, 113) */
		reached[0][111] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 262: // STATE 113 - handshake.pml:195 - [(1)] (619:0:0 - 3)
		IfNotBlocked
		reached[0][113] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(0, 117, 619) */
		reached[0][117] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 263: // STATE 115 - handshake.pml:196 - [(1)] (619:0:0 - 1)
		IfNotBlocked
		reached[0][115] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(0, 117, 619) */
		reached[0][117] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 264: // STATE 120 - handshake.pml:250 - [d = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][120] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 0;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 265: // STATE 121 - handshake.pml:250 - [d = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][121] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 1;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 266: // STATE 125 - handshake.pml:288 - [o = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][125] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->o);
		((P0 *)_this)->o = 1;
#ifdef VAR_RANGES
		logval("mutator:o", ((int)((P0 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 267: // STATE 126 - handshake.pml:290 - [(((o<=3)&&alloc[o]))] (130:0:1 - 1)
		IfNotBlocked
		reached[0][126] = 1;
		if (!(((((int)((P0 *)_this)->o)<=3)&&((int)now.alloc[ Index(((int)((P0 *)_this)->o), 4) ]))))
			continue;
		/* merge: o = (o+1)(0, 127, 130) */
		reached[0][127] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->o);
		((P0 *)_this)->o = (((int)((P0 *)_this)->o)+1);
#ifdef VAR_RANGES
		logval("mutator:o", ((int)((P0 *)_this)->o));
#endif
		;
		/* merge: .(goto)(0, 131, 130) */
		reached[0][131] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 268: // STATE 133 - handshake.pml:294 - [((o<=3))] (619:0:4 - 1)
		IfNotBlocked
		reached[0][133] = 1;
		if (!((((int)((P0 *)_this)->o)<=3)))
			continue;
		/* merge: alloc[o] = 1(619, 134, 619) */
		reached[0][134] = 1;
		(trpt+1)->bup.ovals = grab_ints(4);
		(trpt+1)->bup.ovals[0] = ((int)now.alloc[ Index(((int)((P0 *)_this)->o), 4) ]);
		now.alloc[ Index(((P0 *)_this)->o, 4) ] = 1;
#ifdef VAR_RANGES
		logval("alloc[mutator:o]", ((int)now.alloc[ Index(((int)((P0 *)_this)->o), 4) ]));
#endif
		;
		/* merge: field[o] = 0(619, 135, 619) */
		reached[0][135] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ]);
		now.field[ Index(((P0 *)_this)->o, 4) ] = 0;
#ifdef VAR_RANGES
		logval("field[mutator:o]", ((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ]));
#endif
		;
		/* merge: mark[o] = (allocblack[m]&&!(releasing))(619, 136, 619) */
		reached[0][136] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.mark[ Index(((int)((P0 *)_this)->o), 4) ]);
		now.mark[ Index(((P0 *)_this)->o, 4) ] = (((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ])&& !(((int)now.releasing)));
#ifdef VAR_RANGES
		logval("mark[mutator:o]", ((int)now.mark[ Index(((int)((P0 *)_this)->o), 4) ]));
#endif
		;
		/* merge: stack[((m*2)+d)] = o(619, 137, 619) */
		reached[0][137] = 1;
		(trpt+1)->bup.ovals[3] = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]);
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = ((int)((P0 *)_this)->o);
#ifdef VAR_RANGES
		logval("stack[((mutator:m*2)+mutator:d)]", ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]));
#endif
		;
		/* merge: .(goto)(619, 141, 619) */
		reached[0][141] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 7 */
	case 269: // STATE 141 - handshake.pml:300 - [.(goto)] (0:619:0 - 2)
		IfNotBlocked
		reached[0][141] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 270: // STATE 139 - handshake.pml:298 - [(1)] (619:0:0 - 1)
		IfNotBlocked
		reached[0][139] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(619, 141, 619) */
		reached[0][141] = 1;
		;
		/* merge: .(goto)(0, 229, 619) */
		reached[0][229] = 1;
		;
		/* merge: .(goto)(0, 620, 619) */
		reached[0][620] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 271: // STATE 143 - handshake.pml:250 - [d = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][143] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 0;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 272: // STATE 144 - handshake.pml:250 - [d = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][144] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->d);
		((P0 *)_this)->d = 1;
#ifdef VAR_RANGES
		logval("mutator:d", ((int)((P0 *)_this)->d));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 273: // STATE 148 - handshake.pml:303 - [stack[((m*2)+d)] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[0][148] = 1;
		(trpt+1)->bup.oval = ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]);
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = 0;
#ifdef VAR_RANGES
		logval("stack[((mutator:m*2)+mutator:d)]", ((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->d)), 4) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 274: // STATE 173 - handshake.pml:151 - [D_STEP151]
		IfNotBlocked

		reached[0][173] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_148_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_170_0: /* 2 */
S_169_0: /* 2 */
S_149_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_169_1;
S_164_0: /* 2 */
S_150_0: /* 2 */
		if (!(((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_164_1;
S_151_0: /* 2 */
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:i)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_161_0: /* 2 */
S_159_0: /* 2 */
S_152_0: /* 2 */
		if (!((((((int)((P0 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P0 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P0 *)_this)->i), 4) ])))))
			goto S_159_1;
S_153_0: /* 2 */
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
S_154_0: /* 2 */
		now.mark[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[mutator:i]", ((int)now.mark[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_155_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 1;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_156_0: /* 2 */
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		goto S_160_0;
S_159_1: /* 3 */
S_157_0: /* 2 */
		/* else */;
S_158_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_160_0;
S_159_2: /* 3 */
		Uerror("blocking sel in d_step (nr.15, near line 112)");
S_160_0: /* 2 */
		goto S_165_0;
S_164_1: /* 3 */
S_162_0: /* 2 */
		/* else */;
S_163_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_165_0;
S_164_2: /* 3 */
		Uerror("blocking sel in d_step (nr.16, near line 155)");
S_165_0: /* 2 */
S_166_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_170_0; /* ';' */
S_169_1: /* 3 */
S_167_0: /* 2 */
		/* else */;
S_168_0: /* 2 */
		goto S_171_0;	/* 'goto' */
S_169_2: /* 3 */
		Uerror("blocking sel in d_step (nr.17, near line 153)");
S_171_0: /* 2 */
		goto S_618_0;	/* 'break' */
S_228_0: /* 1 */
S_618_0:	/* break-dest */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 275: // STATE 175 - handshake.pml:307 - [(marking)] (0:0:0 - 1)
		IfNotBlocked
		reached[0][175] = 1;
		if (!(((int)now.marking)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 276: // STATE 176 - handshake.pml:308 - [nassist = (nassist+1)] (0:0:1 - 1)
		IfNotBlocked
		reached[0][176] = 1;
		(trpt+1)->bup.oval = ((int)now.nassist);
		now.nassist = (((int)now.nassist)+1);
#ifdef VAR_RANGES
		logval("nassist", ((int)now.nassist));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 277: // STATE 177 - handshake.pml:310 - [o = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][177] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->o);
		((P0 *)_this)->o = 1;
#ifdef VAR_RANGES
		logval("mutator:o", ((int)((P0 *)_this)->o));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 278: // STATE 178 - handshake.pml:312 - [(((o<=3)&&!(ggrey[o])))] (182:0:1 - 1)
		IfNotBlocked
		reached[0][178] = 1;
		if (!(((((int)((P0 *)_this)->o)<=3)&& !(((int)now.ggrey[ Index(((int)((P0 *)_this)->o), 4) ])))))
			continue;
		/* merge: o = (o+1)(0, 179, 182) */
		reached[0][179] = 1;
		(trpt+1)->bup.oval = ((int)((P0 *)_this)->o);
		((P0 *)_this)->o = (((int)((P0 *)_this)->o)+1);
#ifdef VAR_RANGES
		logval("mutator:o", ((int)((P0 *)_this)->o));
#endif
		;
		/* merge: .(goto)(0, 183, 182) */
		reached[0][183] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 279: // STATE 185 - handshake.pml:316 - [((o<=3))] (196:0:1 - 1)
		IfNotBlocked
		reached[0][185] = 1;
		if (!((((int)((P0 *)_this)->o)<=3)))
			continue;
		/* merge: ggrey[o] = 0(0, 186, 196) */
		reached[0][186] = 1;
		(trpt+1)->bup.oval = ((int)now.ggrey[ Index(((int)((P0 *)_this)->o), 4) ]);
		now.ggrey[ Index(((P0 *)_this)->o, 4) ] = 0;
#ifdef VAR_RANGES
		logval("ggrey[mutator:o]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->o), 4) ]));
#endif
		;
		_m = 3; goto P999; /* 1 */
	case 280: // STATE 187 - handshake.pml:113 - [((((field[o]!=0)&&alloc[field[o]])&&!(mark[field[o]])))] (226:0:3 - 1)
		IfNotBlocked
		reached[0][187] = 1;
		if (!((((((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ]), 4) ])))))
			continue;
		/* merge: assert(!(complete))(226, 188, 226) */
		reached[0][188] = 1;
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
		/* merge: mark[field[o]] = 1(226, 189, 226) */
		reached[0][189] = 1;
		(trpt+1)->bup.ovals = grab_ints(3);
		(trpt+1)->bup.ovals[0] = ((int)now.mark[ Index(((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ]), 4) ]);
		now.mark[ Index(now.field[ Index(((P0 *)_this)->o, 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[field[mutator:o]]", ((int)now.mark[ Index(((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ]), 4) ]));
#endif
		;
		/* merge: lgrey[((m*(3+1))+field[o])] = 1(226, 190, 226) */
		reached[0][190] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ])), 8) ]);
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+now.field[ Index(((P0 *)_this)->o, 4) ]), 8) ] = 1;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+field[mutator:o])]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)now.field[ Index(((int)((P0 *)_this)->o), 4) ])), 8) ]));
#endif
		;
		/* merge: lcount[m] = 1(226, 191, 226) */
		reached[0][191] = 1;
		(trpt+1)->bup.ovals[2] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(226, 195, 226) */
		reached[0][195] = 1;
		;
		/* merge: .(goto)(226, 200, 226) */
		reached[0][200] = 1;
		;
		_m = 3; goto P999; /* 6 */
	case 281: // STATE 195 - handshake.pml:120 - [.(goto)] (0:226:0 - 2)
		IfNotBlocked
		reached[0][195] = 1;
		;
		/* merge: .(goto)(226, 200, 226) */
		reached[0][200] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 282: // STATE 193 - handshake.pml:118 - [(1)] (226:0:0 - 1)
		IfNotBlocked
		reached[0][193] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(226, 195, 226) */
		reached[0][195] = 1;
		;
		/* merge: .(goto)(226, 200, 226) */
		reached[0][200] = 1;
		;
		_m = 3; goto P999; /* 2 */
	case 283: // STATE 200 - handshake.pml:319 - [.(goto)] (0:226:0 - 2)
		IfNotBlocked
		reached[0][200] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 284: // STATE 198 - handshake.pml:317 - [(1)] (226:0:0 - 1)
		IfNotBlocked
		reached[0][198] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(226, 200, 226) */
		reached[0][200] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 285: // STATE 217 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][217] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_201_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_214_0: /* 2 */
S_213_0: /* 2 */
S_202_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_213_1;
S_208_0: /* 2 */
S_203_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_208_1;
S_204_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_205_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_209_0;
S_208_1: /* 3 */
S_206_0: /* 2 */
		/* else */;
S_207_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_209_0;
S_208_2: /* 3 */
		Uerror("blocking sel in d_step (nr.18, near line 141)");
S_209_0: /* 2 */
S_210_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_214_0; /* ';' */
S_213_1: /* 3 */
S_211_0: /* 2 */
		/* else */;
S_212_0: /* 2 */
		goto S_215_0;	/* 'goto' */
S_213_2: /* 3 */
		Uerror("blocking sel in d_step (nr.19, near line 140)");
S_215_0: /* 2 */
		goto S_224_0;	/* 'break' */
S_224_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 286: // STATE 218 - handshake.pml:145 - [(lcount[m])] (227:0:2 - 1)
		IfNotBlocked
		reached[0][218] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(227, 219, 227) */
		reached[0][219] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(227, 220, 227) */
		reached[0][220] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(227, 224, 227) */
		reached[0][224] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 287: // STATE 224 - handshake.pml:145 - [.(goto)] (0:227:0 - 2)
		IfNotBlocked
		reached[0][224] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 288: // STATE 222 - handshake.pml:145 - [(1)] (227:0:0 - 1)
		IfNotBlocked
		reached[0][222] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(227, 224, 227) */
		reached[0][224] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 289: // STATE 227 - handshake.pml:321 - [nassist = (nassist-1)] (0:0:1 - 1)
		IfNotBlocked
		reached[0][227] = 1;
		(trpt+1)->bup.oval = ((int)now.nassist);
		now.nassist = (((int)now.nassist)-1);
#ifdef VAR_RANGES
		logval("nassist", ((int)now.nassist));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 290: // STATE 230 - handshake.pml:323 - [(!(blocked[m]))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][230] = 1;
		if (!( !(((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ]))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 291: // STATE 231 - handshake.pml:222 - [((pend[m]&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][231] = 1;
		if (!((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 292: // STATE 232 - handshake.pml:222 - [wb[m] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][232] = 1;
		(trpt+1)->bup.oval = ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.wb[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("wb[mutator:m]", ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 293: // STATE 233 - handshake.pml:222 - [pend[m] = (pend[m]&~(1))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][233] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 294: // STATE 238 - handshake.pml:226 - [(((pend[m]&2)&&marking))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][238] = 1;
		if (!(((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&2)&&((int)now.marking))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 295: // STATE 257 - handshake.pml:205 - [D_STEP205]
		IfNotBlocked

		reached[0][257] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_238_0: /* 2 */
		((P0 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("mutator:j", ((int)((P0 *)_this)->j));
#endif
		;
S_254_0: /* 2 */
S_253_0: /* 2 */
S_239_0: /* 2 */
		if (!((((int)((P0 *)_this)->j)<2)))
			goto S_253_1;
S_249_0: /* 2 */
S_247_0: /* 2 */
S_240_0: /* 2 */
		if (!((((((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ]), 4) ])))))
			goto S_247_1;
S_241_0: /* 2 */
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
S_242_0: /* 2 */
		now.mark[ Index(now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[stack[((mutator:m*2)+mutator:j)]]", ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
S_243_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->j), 4) ]), 8) ] = 1;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+stack[((mutator:m*2)+mutator:j)])]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ])), 8) ]));
#endif
		;
S_244_0: /* 2 */
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		goto S_248_0;
S_247_1: /* 3 */
S_245_0: /* 2 */
		/* else */;
S_246_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_248_0;
S_247_2: /* 3 */
		Uerror("blocking sel in d_step (nr.20, near line 112)");
S_248_0: /* 2 */
		goto S_250_0;
S_250_0: /* 2 */
		((P0 *)_this)->j = (((int)((P0 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("mutator:j", ((int)((P0 *)_this)->j));
#endif
		;
		goto S_254_0; /* ';' */
S_253_1: /* 3 */
S_251_0: /* 2 */
		/* else */;
S_252_0: /* 2 */
		goto S_255_0;	/* 'goto' */
S_253_2: /* 3 */
		Uerror("blocking sel in d_step (nr.21, near line 207)");
S_255_0: /* 2 */
		goto S_281_0;	/* 'break' */
S_281_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 296: // STATE 273 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][273] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_257_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_270_0: /* 2 */
S_269_0: /* 2 */
S_258_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_269_1;
S_264_0: /* 2 */
S_259_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_264_1;
S_260_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_261_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_265_0;
S_264_1: /* 3 */
S_262_0: /* 2 */
		/* else */;
S_263_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_265_0;
S_264_2: /* 3 */
		Uerror("blocking sel in d_step (nr.22, near line 141)");
S_265_0: /* 2 */
S_266_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_270_0; /* ';' */
S_269_1: /* 3 */
S_267_0: /* 2 */
		/* else */;
S_268_0: /* 2 */
		goto S_271_0;	/* 'goto' */
S_269_2: /* 3 */
		Uerror("blocking sel in d_step (nr.23, near line 140)");
S_271_0: /* 2 */
		goto S_280_0;	/* 'break' */
S_280_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 297: // STATE 274 - handshake.pml:145 - [(lcount[m])] (283:0:2 - 1)
		IfNotBlocked
		reached[0][274] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(283, 275, 283) */
		reached[0][275] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(283, 276, 283) */
		reached[0][276] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(283, 280, 283) */
		reached[0][280] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 298: // STATE 280 - handshake.pml:145 - [.(goto)] (0:283:0 - 2)
		IfNotBlocked
		reached[0][280] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 299: // STATE 278 - handshake.pml:145 - [(1)] (283:0:0 - 1)
		IfNotBlocked
		reached[0][278] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(283, 280, 283) */
		reached[0][280] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 300: // STATE 283 - handshake.pml:214 - [allocblack[m] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][283] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("allocblack[mutator:m]", ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 301: // STATE 284 - handshake.pml:216 - [pend[m] = (pend[m]&~(2))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][284] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 302: // STATE 290 - handshake.pml:230 - [(((pend[m]&4)&&marking))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][290] = 1;
		if (!(((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&4)&&((int)now.marking))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 303: // STATE 315 - handshake.pml:151 - [D_STEP151]
		IfNotBlocked

		reached[0][315] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_290_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_312_0: /* 2 */
S_311_0: /* 2 */
S_291_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_311_1;
S_306_0: /* 2 */
S_292_0: /* 2 */
		if (!(((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_306_1;
S_293_0: /* 2 */
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:i)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_303_0: /* 2 */
S_301_0: /* 2 */
S_294_0: /* 2 */
		if (!((((((int)((P0 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P0 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P0 *)_this)->i), 4) ])))))
			goto S_301_1;
S_295_0: /* 2 */
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
S_296_0: /* 2 */
		now.mark[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[mutator:i]", ((int)now.mark[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_297_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 1;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_298_0: /* 2 */
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		goto S_302_0;
S_301_1: /* 3 */
S_299_0: /* 2 */
		/* else */;
S_300_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_302_0;
S_301_2: /* 3 */
		Uerror("blocking sel in d_step (nr.24, near line 112)");
S_302_0: /* 2 */
		goto S_307_0;
S_306_1: /* 3 */
S_304_0: /* 2 */
		/* else */;
S_305_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_307_0;
S_306_2: /* 3 */
		Uerror("blocking sel in d_step (nr.25, near line 155)");
S_307_0: /* 2 */
S_308_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_312_0; /* ';' */
S_311_1: /* 3 */
S_309_0: /* 2 */
		/* else */;
S_310_0: /* 2 */
		goto S_313_0;	/* 'goto' */
S_311_2: /* 3 */
		Uerror("blocking sel in d_step (nr.26, near line 153)");
S_313_0: /* 2 */
		goto S_340_0;	/* 'break' */
S_340_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 304: // STATE 332 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][332] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_316_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_329_0: /* 2 */
S_328_0: /* 2 */
S_317_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_328_1;
S_323_0: /* 2 */
S_318_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_323_1;
S_319_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_320_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_324_0;
S_323_1: /* 3 */
S_321_0: /* 2 */
		/* else */;
S_322_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_324_0;
S_323_2: /* 3 */
		Uerror("blocking sel in d_step (nr.27, near line 141)");
S_324_0: /* 2 */
S_325_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_329_0; /* ';' */
S_328_1: /* 3 */
S_326_0: /* 2 */
		/* else */;
S_327_0: /* 2 */
		goto S_330_0;	/* 'goto' */
S_328_2: /* 3 */
		Uerror("blocking sel in d_step (nr.28, near line 140)");
S_330_0: /* 2 */
		goto S_339_0;	/* 'break' */
S_339_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 305: // STATE 333 - handshake.pml:145 - [(lcount[m])] (342:0:2 - 1)
		IfNotBlocked
		reached[0][333] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(342, 334, 342) */
		reached[0][334] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(342, 335, 342) */
		reached[0][335] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(342, 339, 342) */
		reached[0][339] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 306: // STATE 339 - handshake.pml:145 - [.(goto)] (0:342:0 - 2)
		IfNotBlocked
		reached[0][339] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 307: // STATE 337 - handshake.pml:145 - [(1)] (342:0:0 - 1)
		IfNotBlocked
		reached[0][337] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(342, 339, 342) */
		reached[0][339] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 308: // STATE 342 - handshake.pml:230 - [pend[m] = (pend[m]&~(4))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][342] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 309: // STATE 347 - handshake.pml:234 - [((pend[m]&8))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][347] = 1;
		if (!((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&8)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 310: // STATE 358 - handshake.pml:235 - [D_STEP235]
		IfNotBlocked

		reached[0][358] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_347_0: /* 2 */
		now.wb[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wb[mutator:m]", ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
S_348_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_355_0: /* 2 */
S_354_0: /* 2 */
S_349_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_354_1;
S_350_0: /* 2 */
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:i)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_351_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_355_0; /* ';' */
S_354_1: /* 3 */
S_352_0: /* 2 */
		/* else */;
S_353_0: /* 2 */
		goto S_356_0;	/* 'goto' */
S_354_2: /* 3 */
		Uerror("blocking sel in d_step (nr.29, near line 235)");
S_356_0: /* 2 */
		goto S_382_0;	/* 'break' */
S_382_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 311: // STATE 374 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][374] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_358_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_371_0: /* 2 */
S_370_0: /* 2 */
S_359_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_370_1;
S_365_0: /* 2 */
S_360_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_365_1;
S_361_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_362_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_366_0;
S_365_1: /* 3 */
S_363_0: /* 2 */
		/* else */;
S_364_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_366_0;
S_365_2: /* 3 */
		Uerror("blocking sel in d_step (nr.30, near line 141)");
S_366_0: /* 2 */
S_367_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_371_0; /* ';' */
S_370_1: /* 3 */
S_368_0: /* 2 */
		/* else */;
S_369_0: /* 2 */
		goto S_372_0;	/* 'goto' */
S_370_2: /* 3 */
		Uerror("blocking sel in d_step (nr.31, near line 140)");
S_372_0: /* 2 */
		goto S_381_0;	/* 'break' */
S_381_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 312: // STATE 375 - handshake.pml:145 - [(lcount[m])] (384:0:2 - 1)
		IfNotBlocked
		reached[0][375] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(384, 376, 384) */
		reached[0][376] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(384, 377, 384) */
		reached[0][377] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(384, 381, 384) */
		reached[0][381] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 313: // STATE 381 - handshake.pml:145 - [.(goto)] (0:384:0 - 2)
		IfNotBlocked
		reached[0][381] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 314: // STATE 379 - handshake.pml:145 - [(1)] (384:0:0 - 1)
		IfNotBlocked
		reached[0][379] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(384, 381, 384) */
		reached[0][381] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 315: // STATE 384 - handshake.pml:237 - [pend[m] = (pend[m]&~(8))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][384] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 316: // STATE 389 - handshake.pml:241 - [((pend[m]&16))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][389] = 1;
		if (!((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&16)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 317: // STATE 390 - handshake.pml:241 - [allocblack[m] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][390] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("allocblack[mutator:m]", ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 318: // STATE 406 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][406] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_390_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_403_0: /* 2 */
S_402_0: /* 2 */
S_391_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_402_1;
S_397_0: /* 2 */
S_392_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_397_1;
S_393_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_394_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_398_0;
S_397_1: /* 3 */
S_395_0: /* 2 */
		/* else */;
S_396_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_398_0;
S_397_2: /* 3 */
		Uerror("blocking sel in d_step (nr.32, near line 141)");
S_398_0: /* 2 */
S_399_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_403_0; /* ';' */
S_402_1: /* 3 */
S_400_0: /* 2 */
		/* else */;
S_401_0: /* 2 */
		goto S_404_0;	/* 'goto' */
S_402_2: /* 3 */
		Uerror("blocking sel in d_step (nr.33, near line 140)");
S_404_0: /* 2 */
		goto S_413_0;	/* 'break' */
S_413_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 319: // STATE 407 - handshake.pml:145 - [(lcount[m])] (416:0:2 - 1)
		IfNotBlocked
		reached[0][407] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(416, 408, 416) */
		reached[0][408] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(416, 409, 416) */
		reached[0][409] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(416, 413, 416) */
		reached[0][413] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 320: // STATE 413 - handshake.pml:145 - [.(goto)] (0:416:0 - 2)
		IfNotBlocked
		reached[0][413] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 321: // STATE 411 - handshake.pml:145 - [(1)] (416:0:0 - 1)
		IfNotBlocked
		reached[0][411] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(416, 413, 416) */
		reached[0][413] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 322: // STATE 416 - handshake.pml:241 - [pend[m] = (pend[m]&~(16))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][416] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 323: // STATE 422 - handshake.pml:323 - [since[m] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[0][422] = 1;
		(trpt+1)->bup.oval = ((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.since[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("since[mutator:m]", ((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 324: // STATE 423 - handshake.pml:324 - [(!(blocked[m]))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][423] = 1;
		if (!( !(((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ]))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 325: // STATE 424 - handshake.pml:222 - [((pend[m]&1))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][424] = 1;
		if (!((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&1)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 326: // STATE 425 - handshake.pml:222 - [wb[m] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][425] = 1;
		(trpt+1)->bup.oval = ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.wb[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("wb[mutator:m]", ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 327: // STATE 426 - handshake.pml:222 - [pend[m] = (pend[m]&~(1))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][426] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(1));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 328: // STATE 431 - handshake.pml:226 - [(((pend[m]&2)&&marking))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][431] = 1;
		if (!(((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&2)&&((int)now.marking))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 329: // STATE 450 - handshake.pml:205 - [D_STEP205]
		IfNotBlocked

		reached[0][450] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_431_0: /* 2 */
		((P0 *)_this)->j = 0;
#ifdef VAR_RANGES
		logval("mutator:j", ((int)((P0 *)_this)->j));
#endif
		;
S_447_0: /* 2 */
S_446_0: /* 2 */
S_432_0: /* 2 */
		if (!((((int)((P0 *)_this)->j)<2)))
			goto S_446_1;
S_442_0: /* 2 */
S_440_0: /* 2 */
S_433_0: /* 2 */
		if (!((((((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ])!=0)&&((int)now.alloc[ Index(((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ]), 4) ]))&& !(((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ]), 4) ])))))
			goto S_440_1;
S_434_0: /* 2 */
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
S_435_0: /* 2 */
		now.mark[ Index(now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->j), 4) ], 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[stack[((mutator:m*2)+mutator:j)]]", ((int)now.mark[ Index(((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ]), 4) ]));
#endif
		;
S_436_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->j), 4) ]), 8) ] = 1;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+stack[((mutator:m*2)+mutator:j)])]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)now.stack[ Index(((((int)((P0 *)_this)->m)*2)+((int)((P0 *)_this)->j)), 4) ])), 8) ]));
#endif
		;
S_437_0: /* 2 */
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		goto S_441_0;
S_440_1: /* 3 */
S_438_0: /* 2 */
		/* else */;
S_439_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_441_0;
S_440_2: /* 3 */
		Uerror("blocking sel in d_step (nr.34, near line 112)");
S_441_0: /* 2 */
		goto S_443_0;
S_443_0: /* 2 */
		((P0 *)_this)->j = (((int)((P0 *)_this)->j)+1);
#ifdef VAR_RANGES
		logval("mutator:j", ((int)((P0 *)_this)->j));
#endif
		;
		goto S_447_0; /* ';' */
S_446_1: /* 3 */
S_444_0: /* 2 */
		/* else */;
S_445_0: /* 2 */
		goto S_448_0;	/* 'goto' */
S_446_2: /* 3 */
		Uerror("blocking sel in d_step (nr.35, near line 207)");
S_448_0: /* 2 */
		goto S_474_0;	/* 'break' */
S_474_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 330: // STATE 466 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][466] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_450_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_463_0: /* 2 */
S_462_0: /* 2 */
S_451_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_462_1;
S_457_0: /* 2 */
S_452_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_457_1;
S_453_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_454_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_458_0;
S_457_1: /* 3 */
S_455_0: /* 2 */
		/* else */;
S_456_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_458_0;
S_457_2: /* 3 */
		Uerror("blocking sel in d_step (nr.36, near line 141)");
S_458_0: /* 2 */
S_459_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_463_0; /* ';' */
S_462_1: /* 3 */
S_460_0: /* 2 */
		/* else */;
S_461_0: /* 2 */
		goto S_464_0;	/* 'goto' */
S_462_2: /* 3 */
		Uerror("blocking sel in d_step (nr.37, near line 140)");
S_464_0: /* 2 */
		goto S_473_0;	/* 'break' */
S_473_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 331: // STATE 467 - handshake.pml:145 - [(lcount[m])] (476:0:2 - 1)
		IfNotBlocked
		reached[0][467] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(476, 468, 476) */
		reached[0][468] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(476, 469, 476) */
		reached[0][469] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(476, 473, 476) */
		reached[0][473] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 332: // STATE 473 - handshake.pml:145 - [.(goto)] (0:476:0 - 2)
		IfNotBlocked
		reached[0][473] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 333: // STATE 471 - handshake.pml:145 - [(1)] (476:0:0 - 1)
		IfNotBlocked
		reached[0][471] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(476, 473, 476) */
		reached[0][473] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 334: // STATE 476 - handshake.pml:214 - [allocblack[m] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][476] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("allocblack[mutator:m]", ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 335: // STATE 477 - handshake.pml:216 - [pend[m] = (pend[m]&~(2))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][477] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(2));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 336: // STATE 483 - handshake.pml:230 - [(((pend[m]&4)&&marking))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][483] = 1;
		if (!(((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&4)&&((int)now.marking))))
			continue;
		_m = 3; goto P999; /* 0 */
	case 337: // STATE 508 - handshake.pml:151 - [D_STEP151]
		IfNotBlocked

		reached[0][508] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_483_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_505_0: /* 2 */
S_504_0: /* 2 */
S_484_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_504_1;
S_499_0: /* 2 */
S_485_0: /* 2 */
		if (!(((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_499_1;
S_486_0: /* 2 */
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:i)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_496_0: /* 2 */
S_494_0: /* 2 */
S_487_0: /* 2 */
		if (!((((((int)((P0 *)_this)->i)!=0)&&((int)now.alloc[ Index(((int)((P0 *)_this)->i), 4) ]))&& !(((int)now.mark[ Index(((int)((P0 *)_this)->i), 4) ])))))
			goto S_494_1;
S_488_0: /* 2 */
		spin_assert( !(((int)now.complete)), " !(complete)", II, tt, t);
S_489_0: /* 2 */
		now.mark[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("mark[mutator:i]", ((int)now.mark[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_490_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 1;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_491_0: /* 2 */
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		goto S_495_0;
S_494_1: /* 3 */
S_492_0: /* 2 */
		/* else */;
S_493_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_495_0;
S_494_2: /* 3 */
		Uerror("blocking sel in d_step (nr.38, near line 112)");
S_495_0: /* 2 */
		goto S_500_0;
S_499_1: /* 3 */
S_497_0: /* 2 */
		/* else */;
S_498_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_500_0;
S_499_2: /* 3 */
		Uerror("blocking sel in d_step (nr.39, near line 155)");
S_500_0: /* 2 */
S_501_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_505_0; /* ';' */
S_504_1: /* 3 */
S_502_0: /* 2 */
		/* else */;
S_503_0: /* 2 */
		goto S_506_0;	/* 'goto' */
S_504_2: /* 3 */
		Uerror("blocking sel in d_step (nr.40, near line 153)");
S_506_0: /* 2 */
		goto S_533_0;	/* 'break' */
S_533_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 338: // STATE 525 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][525] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_509_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_522_0: /* 2 */
S_521_0: /* 2 */
S_510_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_521_1;
S_516_0: /* 2 */
S_511_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_516_1;
S_512_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_513_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_517_0;
S_516_1: /* 3 */
S_514_0: /* 2 */
		/* else */;
S_515_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_517_0;
S_516_2: /* 3 */
		Uerror("blocking sel in d_step (nr.41, near line 141)");
S_517_0: /* 2 */
S_518_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_522_0; /* ';' */
S_521_1: /* 3 */
S_519_0: /* 2 */
		/* else */;
S_520_0: /* 2 */
		goto S_523_0;	/* 'goto' */
S_521_2: /* 3 */
		Uerror("blocking sel in d_step (nr.42, near line 140)");
S_523_0: /* 2 */
		goto S_532_0;	/* 'break' */
S_532_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 339: // STATE 526 - handshake.pml:145 - [(lcount[m])] (535:0:2 - 1)
		IfNotBlocked
		reached[0][526] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(535, 527, 535) */
		reached[0][527] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(535, 528, 535) */
		reached[0][528] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(535, 532, 535) */
		reached[0][532] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 340: // STATE 532 - handshake.pml:145 - [.(goto)] (0:535:0 - 2)
		IfNotBlocked
		reached[0][532] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 341: // STATE 530 - handshake.pml:145 - [(1)] (535:0:0 - 1)
		IfNotBlocked
		reached[0][530] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(535, 532, 535) */
		reached[0][532] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 342: // STATE 535 - handshake.pml:230 - [pend[m] = (pend[m]&~(4))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][535] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(4));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 343: // STATE 540 - handshake.pml:234 - [((pend[m]&8))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][540] = 1;
		if (!((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&8)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 344: // STATE 551 - handshake.pml:235 - [D_STEP235]
		IfNotBlocked

		reached[0][551] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_540_0: /* 2 */
		now.wb[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("wb[mutator:m]", ((int)now.wb[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
S_541_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_548_0: /* 2 */
S_547_0: /* 2 */
S_542_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_547_1;
S_543_0: /* 2 */
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("buf[((mutator:m*(3+1))+mutator:i)]", ((int)now.buf[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
S_544_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_548_0; /* ';' */
S_547_1: /* 3 */
S_545_0: /* 2 */
		/* else */;
S_546_0: /* 2 */
		goto S_549_0;	/* 'goto' */
S_547_2: /* 3 */
		Uerror("blocking sel in d_step (nr.43, near line 235)");
S_549_0: /* 2 */
		goto S_575_0;	/* 'break' */
S_575_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 345: // STATE 567 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][567] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_551_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_564_0: /* 2 */
S_563_0: /* 2 */
S_552_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_563_1;
S_558_0: /* 2 */
S_553_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_558_1;
S_554_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_555_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_559_0;
S_558_1: /* 3 */
S_556_0: /* 2 */
		/* else */;
S_557_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_559_0;
S_558_2: /* 3 */
		Uerror("blocking sel in d_step (nr.44, near line 141)");
S_559_0: /* 2 */
S_560_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_564_0; /* ';' */
S_563_1: /* 3 */
S_561_0: /* 2 */
		/* else */;
S_562_0: /* 2 */
		goto S_565_0;	/* 'goto' */
S_563_2: /* 3 */
		Uerror("blocking sel in d_step (nr.45, near line 140)");
S_565_0: /* 2 */
		goto S_574_0;	/* 'break' */
S_574_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 346: // STATE 568 - handshake.pml:145 - [(lcount[m])] (577:0:2 - 1)
		IfNotBlocked
		reached[0][568] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(577, 569, 577) */
		reached[0][569] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(577, 570, 577) */
		reached[0][570] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(577, 574, 577) */
		reached[0][574] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 347: // STATE 574 - handshake.pml:145 - [.(goto)] (0:577:0 - 2)
		IfNotBlocked
		reached[0][574] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 348: // STATE 572 - handshake.pml:145 - [(1)] (577:0:0 - 1)
		IfNotBlocked
		reached[0][572] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(577, 574, 577) */
		reached[0][574] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 349: // STATE 577 - handshake.pml:237 - [pend[m] = (pend[m]&~(8))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][577] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(8));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 350: // STATE 582 - handshake.pml:241 - [((pend[m]&16))] (0:0:0 - 1)
		IfNotBlocked
		reached[0][582] = 1;
		if (!((((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])&16)))
			continue;
		_m = 3; goto P999; /* 0 */
	case 351: // STATE 583 - handshake.pml:241 - [allocblack[m] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][583] = 1;
		(trpt+1)->bup.oval = ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("allocblack[mutator:m]", ((int)now.allocblack[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 352: // STATE 599 - handshake.pml:138 - [D_STEP138]
		IfNotBlocked

		reached[0][599] = 1;
		reached[0][t->st] = 1;
		reached[0][tt] = 1;

		if (TstOnly) return 1;

		sv_save();
		S_583_0: /* 2 */
		((P0 *)_this)->i = 1;
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
S_596_0: /* 2 */
S_595_0: /* 2 */
S_584_0: /* 2 */
		if (!((((int)((P0 *)_this)->i)<=3)))
			goto S_595_1;
S_590_0: /* 2 */
S_585_0: /* 2 */
		if (!(((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ])))
			goto S_590_1;
S_586_0: /* 2 */
		now.ggrey[ Index(((P0 *)_this)->i, 4) ] = 1;
#ifdef VAR_RANGES
		logval("ggrey[mutator:i]", ((int)now.ggrey[ Index(((int)((P0 *)_this)->i), 4) ]));
#endif
		;
S_587_0: /* 2 */
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->i), 8) ] = 0;
#ifdef VAR_RANGES
		logval("lgrey[((mutator:m*(3+1))+mutator:i)]", ((int)now.lgrey[ Index(((((int)((P0 *)_this)->m)*(3+1))+((int)((P0 *)_this)->i)), 8) ]));
#endif
		;
		goto S_591_0;
S_590_1: /* 3 */
S_588_0: /* 2 */
		/* else */;
S_589_0: /* 2 */
		if (!(1))
			Uerror("block in d_step seq");
		goto S_591_0;
S_590_2: /* 3 */
		Uerror("blocking sel in d_step (nr.46, near line 141)");
S_591_0: /* 2 */
S_592_0: /* 2 */
		((P0 *)_this)->i = (((int)((P0 *)_this)->i)+1);
#ifdef VAR_RANGES
		logval("mutator:i", ((int)((P0 *)_this)->i));
#endif
		;
		goto S_596_0; /* ';' */
S_595_1: /* 3 */
S_593_0: /* 2 */
		/* else */;
S_594_0: /* 2 */
		goto S_597_0;	/* 'goto' */
S_595_2: /* 3 */
		Uerror("blocking sel in d_step (nr.47, near line 140)");
S_597_0: /* 2 */
		goto S_606_0;	/* 'break' */
S_606_0: /* 1 */

#if defined(C_States) && (HAS_TRACK==1)
		c_update((uchar *) &(now.c_state[0]));
#endif
		_m = 3; goto P999;

	case 353: // STATE 600 - handshake.pml:145 - [(lcount[m])] (609:0:2 - 1)
		IfNotBlocked
		reached[0][600] = 1;
		if (!(((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		/* merge: greyed_since = 1(609, 601, 609) */
		reached[0][601] = 1;
		(trpt+1)->bup.ovals = grab_ints(2);
		(trpt+1)->bup.ovals[0] = ((int)now.greyed_since);
		now.greyed_since = 1;
#ifdef VAR_RANGES
		logval("greyed_since", ((int)now.greyed_since));
#endif
		;
		/* merge: lcount[m] = 0(609, 602, 609) */
		reached[0][602] = 1;
		(trpt+1)->bup.ovals[1] = ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("lcount[mutator:m]", ((int)now.lcount[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		/* merge: .(goto)(609, 606, 609) */
		reached[0][606] = 1;
		;
		_m = 3; goto P999; /* 3 */
	case 354: // STATE 606 - handshake.pml:145 - [.(goto)] (0:609:0 - 2)
		IfNotBlocked
		reached[0][606] = 1;
		;
		_m = 3; goto P999; /* 0 */
	case 355: // STATE 604 - handshake.pml:145 - [(1)] (609:0:0 - 1)
		IfNotBlocked
		reached[0][604] = 1;
		if (!(1))
			continue;
		/* merge: .(goto)(609, 606, 609) */
		reached[0][606] = 1;
		;
		_m = 3; goto P999; /* 1 */
	case 356: // STATE 609 - handshake.pml:241 - [pend[m] = (pend[m]&~(16))] (0:0:1 - 1)
		IfNotBlocked
		reached[0][609] = 1;
		(trpt+1)->bup.oval = ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.pend[ Index(((P0 *)_this)->m, 2) ] = (((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ])& ~(16));
#ifdef VAR_RANGES
		logval("pend[mutator:m]", ((int)now.pend[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 357: // STATE 615 - handshake.pml:324 - [since[m] = 0] (0:0:1 - 3)
		IfNotBlocked
		reached[0][615] = 1;
		(trpt+1)->bup.oval = ((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.since[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("since[mutator:m]", ((int)now.since[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 358: // STATE 616 - handshake.pml:324 - [blocked[m] = 1] (0:0:1 - 1)
		IfNotBlocked
		reached[0][616] = 1;
		(trpt+1)->bup.oval = ((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.blocked[ Index(((P0 *)_this)->m, 2) ] = 1;
#ifdef VAR_RANGES
		logval("blocked[mutator:m]", ((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 359: // STATE 617 - handshake.pml:325 - [(blocked[m])] (0:0:0 - 1)
		IfNotBlocked
		reached[0][617] = 1;
		if (!(((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ])))
			continue;
		_m = 3; goto P999; /* 0 */
	case 360: // STATE 618 - handshake.pml:325 - [blocked[m] = 0] (0:0:1 - 1)
		IfNotBlocked
		reached[0][618] = 1;
		(trpt+1)->bup.oval = ((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ]);
		now.blocked[ Index(((P0 *)_this)->m, 2) ] = 0;
#ifdef VAR_RANGES
		logval("blocked[mutator:m]", ((int)now.blocked[ Index(((int)((P0 *)_this)->m), 2) ]));
#endif
		;
		_m = 3; goto P999; /* 0 */
	case 361: // STATE 622 - handshake.pml:327 - [-end-] (0:0:0 - 1)
		IfNotBlocked
		reached[0][622] = 1;
		if (!delproc(1, II)) continue;
		_m = 3; goto P999; /* 0 */
	case  _T5:	/* np_ */
		if (!((!(trpt->o_pm&4) && !(trpt->tau&128))))
			continue;
		/* else fall through */
	case  _T2:	/* true */
		_m = 3; goto P999;
#undef rand
	}

