	switch (t->back) {
	default: Uerror("bad return move");
	case  0: goto R999; /* nothing to undo */

		 /* PROC :init: */
;
		;
		
	case 4: // STATE 2
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 5: // STATE 3
		;
		((P2 *)_this)->k = trpt->bup.oval;
		;
		goto R999;

	case 6: // STATE 9
		;
		;
		delproc(0, now._nr_pr-1);
		;
		goto R999;

	case 7: // STATE 11
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC controller */
	case 8: // STATE 10
		sv_restor();
		goto R999;
;
		;
		
	case 10: // STATE 15
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 13: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 14: // STATE 21
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 16: // STATE 33
		;
		((P1 *)_this)->j = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 17: // STATE 33
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 18: // STATE 33
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 19: // STATE 39
		;
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 20: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 21: // STATE 42
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 23: // STATE 45
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 24: // STATE 60
		;
		((P1 *)_this)->i = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 25: // STATE 60
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 26: // STATE 60
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 27: // STATE 60
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 28: // STATE 66
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 30: // STATE 75
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 31: // STATE 75
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 32: // STATE 75
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 33: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.ovals[3];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[2];
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 34: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 35: // STATE 90
		;
		((P1 *)_this)->i = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 36: // STATE 92
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 37: // STATE 100
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 38: // STATE 100
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 39: // STATE 100
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 40: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 41: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 42: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 43: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 44: // STATE 118
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 45: // STATE 129
		;
		now.marking = trpt->bup.oval;
		;
		goto R999;
	case 46: // STATE 139
		sv_restor();
		goto R999;

	case 47: // STATE 145
		;
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(now.groot, 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.groot, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;
;
		
	case 48: // STATE 149
		goto R999;
;
		
	case 49: // STATE 147
		goto R999;
;
		;
		
	case 51: // STATE 153
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 52: // STATE 155
		;
		((P1 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 53: // STATE 161
		;
		now.ggrey[ Index(((P1 *)_this)->o, 4) ] = trpt->bup.oval;
		;
		goto R999;

	case 54: // STATE 166
		;
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(now.field[ Index(((P1 *)_this)->o, 4) ], 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.field[ Index(((P1 *)_this)->o, 4) ], 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;
;
		
	case 55: // STATE 170
		goto R999;
;
		
	case 56: // STATE 168
		goto R999;

	case 57: // STATE 173
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 60: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 61: // STATE 179
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 63: // STATE 191
		;
		((P1 *)_this)->j = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 64: // STATE 191
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 65: // STATE 191
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 66: // STATE 197
		;
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 67: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 68: // STATE 200
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 70: // STATE 203
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 71: // STATE 218
		;
		((P1 *)_this)->i = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 72: // STATE 218
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 73: // STATE 218
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 74: // STATE 218
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 75: // STATE 224
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 77: // STATE 233
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 78: // STATE 233
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 79: // STATE 233
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 80: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.ovals[3];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[2];
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 81: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 82: // STATE 248
		;
		((P1 *)_this)->i = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 83: // STATE 250
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 84: // STATE 258
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 85: // STATE 258
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 86: // STATE 258
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 87: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 88: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 89: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 90: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 91: // STATE 276
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 93: // STATE 284
		;
		now.greyed_since = trpt->bup.oval;
		;
		goto R999;
;
		;
			case 95: // STATE 295
		sv_restor();
		goto R999;
;
		;
		;
		;
		;
		;
		;
		;
		
	case 100: // STATE 307
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 103: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 104: // STATE 313
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 106: // STATE 325
		;
		((P1 *)_this)->j = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 107: // STATE 325
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 108: // STATE 325
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 109: // STATE 331
		;
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 110: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 111: // STATE 334
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 113: // STATE 337
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 114: // STATE 352
		;
		((P1 *)_this)->i = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 115: // STATE 352
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 116: // STATE 352
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 117: // STATE 352
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 118: // STATE 358
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 120: // STATE 367
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 121: // STATE 367
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 122: // STATE 367
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 123: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.ovals[3];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[2];
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 124: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 125: // STATE 382
		;
		((P1 *)_this)->i = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 126: // STATE 384
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 127: // STATE 392
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 128: // STATE 392
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 129: // STATE 392
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 130: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 131: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 132: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 133: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 134: // STATE 410
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 135: // STATE 427
		;
		now.complete = trpt->bup.oval;
		;
		goto R999;
	case 136: // STATE 470
		sv_restor();
		goto R999;

	case 137: // STATE 472
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 138: // STATE 475
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
	case 139: // STATE 491
		sv_restor();
		goto R999;
;
		;
		
	case 141: // STATE 496
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 144: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 145: // STATE 502
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 147: // STATE 514
		;
		((P1 *)_this)->j = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 148: // STATE 514
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 149: // STATE 514
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 150: // STATE 520
		;
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 151: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 152: // STATE 523
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 154: // STATE 526
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 155: // STATE 541
		;
		((P1 *)_this)->i = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 156: // STATE 541
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 157: // STATE 541
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 158: // STATE 541
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 159: // STATE 547
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 161: // STATE 556
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 162: // STATE 556
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 163: // STATE 556
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 164: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.ovals[3];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[2];
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 165: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 166: // STATE 571
		;
		((P1 *)_this)->i = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 167: // STATE 573
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 168: // STATE 581
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 169: // STATE 581
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 170: // STATE 581
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 171: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 172: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 173: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 174: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 175: // STATE 599
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 176: // STATE 610
		;
		now.releasing = trpt->bup.oval;
		;
		goto R999;
	case 177: // STATE 653
		sv_restor();
		goto R999;

	case 178: // STATE 655
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 180: // STATE 666
		;
		((P1 *)_this)->i = trpt->bup.ovals[3];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[2];
		now.field[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[1];
		now.alloc[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 181: // STATE 666
		;
		((P1 *)_this)->i = trpt->bup.ovals[1];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 182: // STATE 666
		;
		((P1 *)_this)->i = trpt->bup.ovals[1];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 183: // STATE 672
		;
		now.complete = trpt->bup.oval;
		;
		goto R999;
	case 184: // STATE 683
		sv_restor();
		goto R999;
;
		;
		
	case 186: // STATE 688
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 189: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 190: // STATE 694
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 192: // STATE 706
		;
		((P1 *)_this)->j = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.stack[ Index(((((P1 *)_this)->m*2)+((P1 *)_this)->j), 4) ], 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 193: // STATE 706
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 194: // STATE 706
		;
		((P1 *)_this)->j = trpt->bup.oval;
		;
		goto R999;

	case 195: // STATE 712
		;
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 196: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 197: // STATE 715
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 199: // STATE 718
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 200: // STATE 733
		;
		((P1 *)_this)->i = trpt->bup.ovals[3];
		now.greyed_since = trpt->bup.ovals[2];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[1];
		now.mark[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 201: // STATE 733
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 202: // STATE 733
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 203: // STATE 733
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 204: // STATE 739
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 206: // STATE 748
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 207: // STATE 748
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 208: // STATE 748
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 209: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.ovals[3];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[2];
		now.lcount[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;

	case 210: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 211: // STATE 763
		;
		((P1 *)_this)->i = trpt->bup.ovals[1];
		now.wb[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 212: // STATE 765
		;
		now.buf[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 213: // STATE 773
		;
		((P1 *)_this)->i = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P1 *)_this)->m*(3+1))+((P1 *)_this)->i), 8) ] = trpt->bup.ovals[1];
		now.ggrey[ Index(((P1 *)_this)->i, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 214: // STATE 773
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 215: // STATE 773
		;
		((P1 *)_this)->i = trpt->bup.oval;
		;
		goto R999;

	case 216: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.ovals[2];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.allocblack[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 217: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 218: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.ovals[1];
		now.pend[ Index(((P1 *)_this)->m, 2) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 219: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 220: // STATE 791
		;
		((P1 *)_this)->m = trpt->bup.oval;
		;
		goto R999;

	case 221: // STATE 803
		;
		now.marking = trpt->bup.ovals[1];
		now.releasing = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 222: // STATE 809
		;
		p_restor(II);
		;
		;
		goto R999;

		 /* PROC mutator */
;
		;
		
	case 224: // STATE 2
		;
		now.since[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 225: // STATE 3
		;
		((P0 *)_this)->s = trpt->bup.oval;
		;
		goto R999;

	case 226: // STATE 4
		;
		((P0 *)_this)->s = trpt->bup.oval;
		;
		goto R999;

	case 227: // STATE 8
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 228: // STATE 9
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 229: // STATE 13
		;
		((P0 *)_this)->t = trpt->bup.oval;
		;
		goto R999;

	case 230: // STATE 18
		;
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = trpt->bup.ovals[1];
		((P0 *)_this)->v = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 231: // STATE 22
		goto R999;
;
		
	case 232: // STATE 20
		goto R999;

	case 233: // STATE 24
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 234: // STATE 25
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 235: // STATE 31
		;
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = trpt->bup.ovals[1];
		((P0 *)_this)->v = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 236: // STATE 33
		;
		((P0 *)_this)->s = trpt->bup.oval;
		;
		goto R999;

	case 237: // STATE 34
		;
		((P0 *)_this)->s = trpt->bup.oval;
		;
		goto R999;

	case 238: // STATE 38
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 239: // STATE 39
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 240: // STATE 43
		;
		((P0 *)_this)->t = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 242: // STATE 45
		;
		((P0 *)_this)->v = trpt->bup.oval;
		;
		goto R999;

	case 243: // STATE 47
		;
		((P0 *)_this)->old = trpt->bup.ovals[1];
		((P0 *)_this)->w = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 244: // STATE 49
		;
		((P0 *)_this)->old = trpt->bup.oval;
		;
		goto R999;

	case 245: // STATE 51
		;
		now.groot = trpt->bup.ovals[1];
	/* 0 */	((P0 *)_this)->t = trpt->bup.ovals[0];
		;
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;

	case 246: // STATE 53
		;
		now.field[ Index(((P0 *)_this)->t, 4) ] = trpt->bup.oval;
		;
		goto R999;

	case 247: // STATE 56
		;
	/* 0 */	((P0 *)_this)->w = trpt->bup.oval;
		;
		;
		goto R999;

	case 248: // STATE 58
		;
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->old), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 249: // STATE 65
		;
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->v), 8) ] = trpt->bup.oval;
		;
		goto R999;
;
		
	case 250: // STATE 71
		goto R999;
;
		
	case 251: // STATE 73
		goto R999;

	case 252: // STATE 82
		;
		((P0 *)_this)->s = trpt->bup.oval;
		;
		goto R999;

	case 253: // STATE 83
		;
		((P0 *)_this)->s = trpt->bup.oval;
		;
		goto R999;

	case 254: // STATE 87
		;
		((P0 *)_this)->v = trpt->bup.oval;
		;
		goto R999;

	case 255: // STATE 89
		;
		((P0 *)_this)->old = trpt->bup.ovals[1];
		((P0 *)_this)->w = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;

	case 256: // STATE 91
		;
		((P0 *)_this)->old = trpt->bup.oval;
		;
		goto R999;

	case 257: // STATE 93
		;
		now.groot = trpt->bup.oval;
		;
		goto R999;

	case 258: // STATE 95
		;
		now.field[0] = trpt->bup.oval;
		;
		goto R999;

	case 259: // STATE 98
		;
	/* 0 */	((P0 *)_this)->w = trpt->bup.oval;
		;
		;
		goto R999;

	case 260: // STATE 100
		;
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->old), 8) ] = trpt->bup.oval;
		;
		goto R999;

	case 261: // STATE 107
		;
		now.buf[ Index(((((P0 *)_this)->m*(3+1))+((P0 *)_this)->v), 8) ] = trpt->bup.oval;
		;
		goto R999;
;
		
	case 262: // STATE 113
		goto R999;
;
		
	case 263: // STATE 115
		goto R999;

	case 264: // STATE 120
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 265: // STATE 121
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 266: // STATE 125
		;
		((P0 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 267: // STATE 127
		;
		((P0 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 268: // STATE 137
		;
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = trpt->bup.ovals[3];
		now.mark[ Index(((P0 *)_this)->o, 4) ] = trpt->bup.ovals[2];
		now.field[ Index(((P0 *)_this)->o, 4) ] = trpt->bup.ovals[1];
		now.alloc[ Index(((P0 *)_this)->o, 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 4);
		goto R999;
;
		
	case 269: // STATE 141
		goto R999;
;
		
	case 270: // STATE 139
		goto R999;

	case 271: // STATE 143
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 272: // STATE 144
		;
		((P0 *)_this)->d = trpt->bup.oval;
		;
		goto R999;

	case 273: // STATE 148
		;
		now.stack[ Index(((((P0 *)_this)->m*2)+((P0 *)_this)->d), 4) ] = trpt->bup.oval;
		;
		goto R999;
	case 274: // STATE 173
		sv_restor();
		goto R999;
;
		;
		
	case 276: // STATE 176
		;
		now.nassist = trpt->bup.oval;
		;
		goto R999;

	case 277: // STATE 177
		;
		((P0 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 278: // STATE 179
		;
		((P0 *)_this)->o = trpt->bup.oval;
		;
		goto R999;

	case 279: // STATE 186
		;
		now.ggrey[ Index(((P0 *)_this)->o, 4) ] = trpt->bup.oval;
		;
		goto R999;

	case 280: // STATE 191
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[2];
		now.lgrey[ Index(((((P0 *)_this)->m*(3+1))+now.field[ Index(((P0 *)_this)->o, 4) ]), 8) ] = trpt->bup.ovals[1];
		now.mark[ Index(now.field[ Index(((P0 *)_this)->o, 4) ], 4) ] = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 3);
		goto R999;
;
		
	case 281: // STATE 195
		goto R999;
;
		
	case 282: // STATE 193
		goto R999;
;
		
	case 283: // STATE 200
		goto R999;
;
		
	case 284: // STATE 198
		goto R999;
	case 285: // STATE 217
		sv_restor();
		goto R999;

	case 286: // STATE 220
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 287: // STATE 224
		goto R999;
;
		
	case 288: // STATE 222
		goto R999;

	case 289: // STATE 227
		;
		now.nassist = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 292: // STATE 232
		;
		now.wb[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 293: // STATE 233
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
			case 295: // STATE 257
		sv_restor();
		goto R999;
	case 296: // STATE 273
		sv_restor();
		goto R999;

	case 297: // STATE 276
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 298: // STATE 280
		goto R999;
;
		
	case 299: // STATE 278
		goto R999;

	case 300: // STATE 283
		;
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 301: // STATE 284
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
			case 303: // STATE 315
		sv_restor();
		goto R999;
	case 304: // STATE 332
		sv_restor();
		goto R999;

	case 305: // STATE 335
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 306: // STATE 339
		goto R999;
;
		
	case 307: // STATE 337
		goto R999;

	case 308: // STATE 342
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
			case 310: // STATE 358
		sv_restor();
		goto R999;
	case 311: // STATE 374
		sv_restor();
		goto R999;

	case 312: // STATE 377
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 313: // STATE 381
		goto R999;
;
		
	case 314: // STATE 379
		goto R999;

	case 315: // STATE 384
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 317: // STATE 390
		;
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
	case 318: // STATE 406
		sv_restor();
		goto R999;

	case 319: // STATE 409
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 320: // STATE 413
		goto R999;
;
		
	case 321: // STATE 411
		goto R999;

	case 322: // STATE 416
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 323: // STATE 422
		;
		now.since[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		;
		;
		
	case 326: // STATE 425
		;
		now.wb[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 327: // STATE 426
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
			case 329: // STATE 450
		sv_restor();
		goto R999;
	case 330: // STATE 466
		sv_restor();
		goto R999;

	case 331: // STATE 469
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 332: // STATE 473
		goto R999;
;
		
	case 333: // STATE 471
		goto R999;

	case 334: // STATE 476
		;
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 335: // STATE 477
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
			case 337: // STATE 508
		sv_restor();
		goto R999;
	case 338: // STATE 525
		sv_restor();
		goto R999;

	case 339: // STATE 528
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 340: // STATE 532
		goto R999;
;
		
	case 341: // STATE 530
		goto R999;

	case 342: // STATE 535
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
			case 344: // STATE 551
		sv_restor();
		goto R999;
	case 345: // STATE 567
		sv_restor();
		goto R999;

	case 346: // STATE 570
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 347: // STATE 574
		goto R999;
;
		
	case 348: // STATE 572
		goto R999;

	case 349: // STATE 577
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 351: // STATE 583
		;
		now.allocblack[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
	case 352: // STATE 599
		sv_restor();
		goto R999;

	case 353: // STATE 602
		;
		now.lcount[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.ovals[1];
		now.greyed_since = trpt->bup.ovals[0];
		;
		ungrab_ints(trpt->bup.ovals, 2);
		goto R999;
;
		
	case 354: // STATE 606
		goto R999;
;
		
	case 355: // STATE 604
		goto R999;

	case 356: // STATE 609
		;
		now.pend[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 357: // STATE 615
		;
		now.since[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 358: // STATE 616
		;
		now.blocked[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;
;
		;
		
	case 360: // STATE 618
		;
		now.blocked[ Index(((P0 *)_this)->m, 2) ] = trpt->bup.oval;
		;
		goto R999;

	case 361: // STATE 622
		;
		p_restor(II);
		;
		;
		goto R999;
	}

