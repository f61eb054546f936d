#!/usr/bin/env bash
# scripts/model-check.sh — model-check tricolor's marking protocol
# (verify/handshake.pml) with SPIN: the properties, then every mutant, each
# of which must produce a counterexample trail. Prints one line per run: the
# configuration, states stored, the depth, errors, seconds, and the verdict;
# exits non-zero when a property fails or a mutant is not caught. Installs
# spin and gcc with apt-get when missing.
#
#   scripts/model-check.sh ci     the smallest exhaustive safety run and the
#                                 mutants caught in seconds (about 1 min;
#                                 scripts/test.sh runs it)
#   scripts/model-check.sh        full: adds the larger exhaustive runs and
#                                 termination (about 31 min; the suite runs it)
#   scripts/model-check.sh big    adds bitstate searches of spaces too large to
#                                 finish (3 mutators, 4 objects, more
#                                 operations) and the variants believed
#                                 redundant; each bitstate search stops after
#                                 BIGMIN minutes (10): about 2 hours.
# MEM=MiB bounds pan's memory (default 12000), TIMEOUT=s each run (900; in
# big mode BIGMIN*60+300),
# TRAILS=DIR keeps each mutant's counterexample trail there; ONLY=REGEX runs
# only the runs whose names match.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
mode=${1:-full}
case "$mode" in ci|full|big) ;; *) echo "model-check.sh: unknown mode '$mode' (ci, full, big)" >&2; exit 2;; esac
mem=${MEM:-12000}
[ "$mode" = big ] && : "${TIMEOUT:=$(( ${BIGMIN:-10} * 60 + 300 ))}"
need=()
command -v spin >/dev/null || need+=(spin)
command -v gcc >/dev/null || need+=(gcc)
if ((${#need[@]})); then
  sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get install -y "${need[@]}" >/dev/null
fi
trails=${TRAILS:-}
[ -n "$trails" ] && mkdir -p "$trails" && trails=$(cd "$trails" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$here/verify/handshake.pml" "$work/"
cd "$work"
status=0
t_all=$SECONDS

# run NAME EXPECT(ok|fail) SPIN-DEFINES -- CC-DEFINES -- PAN-FLAGS
run() {
  local name=$1 expect=$2; shift 2
  [ -n "${ONLY:-}" ] && ! [[ $name =~ $ONLY ]] && return 0
  local sdefs=() cdefs=() pflags=()
  while [ "$1" != -- ]; do sdefs+=("$1"); shift; done; shift
  while [ "$1" != -- ]; do cdefs+=("$1"); shift; done; shift
  pflags=("$@")
  rm -f pan pan.* ./*.trail
  spin "${sdefs[@]}" -a handshake.pml >/dev/null
  gcc -O2 -w "-DMEMLIM=$mem" "${cdefs[@]}" -o pan pan.c
  local t0=$SECONDS out
  out=$(timeout "${TIMEOUT:-900}" ./pan "${pflags[@]}" 2>&1 || true)
  local errs states depth verdict
  errs=$(sed -n 's/.*errors: \([0-9]*\).*/\1/p' <<<"$out" | tail -1)
  states=$(sed -n 's/^ *\([0-9.e+]*\) states, stored.*/\1/p' <<<"$out" | tail -1)
  depth=$(sed -n 's/.*depth reached \([0-9]*\).*/\1/p' <<<"$out" | tail -1)
  local what
  what=$(grep -m1 -oE 'assertion violated.*|acceptance cycle.*|invalid end state.*' <<<"$out" || true)
  local partial=
  grep -q 'max search depth too small\|reached -DMEMLIM' <<<"$out" && partial=" (search incomplete: depth or memory bound)"
  grep -qi 'time.limit\|limit.*reached.*time' <<<"$out" && partial=" (search stopped at the time limit)"
  if [ -z "$errs" ]; then
    verdict="INCOMPLETE: pan ran past ${TIMEOUT:-900} s"
    status=1
  elif [ "$expect" = ok ]; then
    if [ "${errs:-1}" = 0 ]; then verdict="holds$partial"; else verdict="FAILS: $what"; status=1; fi
  else
    if [ "${errs:-0}" != 0 ] && [ -f handshake.pml.trail ]; then
      verdict="caught: $what"
      [ -n "$trails" ] && cp handshake.pml.trail "$trails/${name%% *}.trail" && echo "${sdefs[*]}" >"$trails/${name%% *}.defines"
    else verdict="NOT CAUGHT$partial"; status=1; fi
  fi
  printf '%-58s %10s states %6s deep %2s errors %4ss  %s\n' "$name" "${states:-?}" "${depth:-?}" "${errs:-?}" \
    $((SECONDS - t0)) "$verdict"
}

exh=(-DSAFETY -DNOCLAIM -DHC4)       # exhaustive (hash-compact: pan prints the odds of a missed state)
bits=(-DSAFETY -DNOCLAIM -DBITSTATE) # supertrace: as far as memory allows, not exhaustive
q="-Q${BIGMIN:-10}"                   # big mode: each bitstate search stops after BIGMIN minutes
echo "== properties (NM mutators, NO objects, B heap operations per mutator per cycle)"
# INIT=0: an empty heap; the mutators build the graph (the smallest space).
if [ "$mode" = ci ]; then
  run "safety: NM=2 NO=3 empty heap, 1 cycle, B=1, no assist/block" ok -DINIT=0 -DNCYC=1 -DB=1 -DNO_ASSIST -DNO_BLOCK \
    -- "${exh[@]}" -- -m200000 -w26
  # INIT=7, initialising stores: o1 fresh, the first mutator's alone.
  run "safety, initialising stores: INIT=7, B=1 (second mutator 0), no alloc/assist/block" ok -DINIT_STORE -DINIT=7 \
    -DNCYC=1 -DB=1 -DB1=0 -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK -- "${exh[@]}" -- -m200000 -w26
else
  run "safety, initialising stores: INIT=7, B=1, no alloc/assist/block" ok -DINIT_STORE -DINIT=7 -DNCYC=1 -DB=1 \
    -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK -- "${exh[@]}" -- -m200000 -w26
  # The heap MUT_INIT_SHARED starts from, at its bounds (bitstate, 3 minutes;
  # exhaustive it holds too: 2.5e8 states, 8 min).
  run "safety, initialising stores: INIT=6, B=1 (second mutator 3), no alloc/assist/block (bitstate)" ok -DINIT_STORE \
    -DINIT=6 -DNCYC=1 -DB=1 -DB1=3 -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK -- "${bits[@]}" -- -m200000 -w31 -Q3
  run "safety: NM=2 NO=3 empty heap, 1 cycle, B=1" ok -DINIT=0 -DNCYC=1 -DB=1 -- "${exh[@]}" -- -m200000 -w27
  # INIT=5, the weak reference: o3 weakly referenced, held by the second
  # mutator's stack only, and o3's field holds o2.
  run "safety, a weak reference: INIT=5, B=1, no alloc/assist/block" ok -DWEAK -DINIT=5 -DNCYC=1 -DB=1 -DNO_ALLOC \
    -DNO_ASSIST -DNO_BLOCK -- "${exh[@]}" -- -m200000 -w27
  # Liveness doubles the space: split by what a mutator may do besides
  # heap operations and safepoints.
  run "termination: B=1, no assists or blocking, weak fairness" ok -DINIT=0 -DNCYC=1 -DB=1 -DNO_ASSIST -DNO_BLOCK \
    -- -DHC4 -- -a -f -m200000 -w27
  run "termination: B=1, blocking, no assists, weak fairness" ok -DINIT=0 -DNCYC=1 -DB=1 -DNO_ASSIST \
    -- -DHC4 -- -a -f -m200000 -w28
  run "termination: B=1, assists, no blocking, weak fairness" ok -DINIT=0 -DNCYC=1 -DB=1 -DNO_BLOCK \
    -- -DHC4 -- -a -f -m200000 -w28
  run "safety, a weak reference: INIT=1 shared heap, B=1, no alloc/assist/block" ok -DWEAK -DINIT=1 \
    -DNCYC=1 -DB=1 -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK -- "${exh[@]}" -- -m200000 -w27
  # The heap the greyed-count mutants start from, at their bound: the
  # model itself must hold there (a bitstate search, stopped at 5 minutes).
  run "safety: INIT=4, B=4 (second mutator 1), no alloc/assist/block (bitstate)" ok -DINIT=4 -DNCYC=1 -DB=4 -DB1=1 \
    -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK -- "${bits[@]}" -- -m200000 -w31 -Q5
fi
if [ "$mode" = big ]; then
  run "safety, initialising stores: empty heap, B=2, no assist/block" ok -DINIT_STORE -DINIT=0 -DNCYC=1 -DB=2 \
    -DNO_ASSIST -DNO_BLOCK -- "${exh[@]}" -- -m200000 -w27
  run "termination: B=1, assists and blocking (bitstate)" ok -DINIT=0 -DNCYC=1 -DB=1 -- -DBITSTATE -- -a -f -m200000 -w33 "$q"
  run "safety: INIT=4, B=5 (second mutator 2), no alloc/assist/block (bitstate)" ok -DINIT=4 -DNCYC=1 -DB=5 -DB1=2 \
    -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK -- "${bits[@]}" -- -m200000 -w33 "$q"
  run "safety: NM=2 NO=3 shared heap, 2 cycles, B=3 (bitstate)" ok -DINIT=1 -DNCYC=2 -DB=3 -- "${bits[@]}" -- -m200000 -w33 "$q"
  run "safety: NM=3 NO=3 shared heap, 1 cycle, B=2 (bitstate)" ok -DNM=3 -DINIT=1 -DNCYC=1 -DB=2 -- "${bits[@]}" -- -m200000 -w33 "$q"
  run "safety: NM=3 NO=3 empty heap, 1 cycle, B=1 (bitstate)" ok -DNM=3 -DINIT=0 -DNCYC=1 -DB=1 -- "${bits[@]}" -- -m200000 -w33 "$q"
  run "safety: NM=2 NO=4 shared heap, 1 cycle, B=2 (bitstate)" ok -DNO=4 -DINIT=1 -DNCYC=1 -DB=2 -- "${bits[@]}" -- -m200000 -w33 "$q"
fi

echo "== mutants: each must be caught (the search leaves out operations the race does not need)"
small=(-DNCYC=1 -DB=3 -DNO_BLOCK -DNO_ASSIST)
run "MUT_NO_DELETION (deletion shade)" fail -DNCYC=2 -DB=3 -DMUT_NO_DELETION -- "${bits[@]}" -- -m200000 -w31
# The three that take half a minute each are left out of the ci mode.
slow() { [ "$mode" != ci ]; }
run "MUT_NO_DELETION_BLACK (deletion shade, black stacks)" fail -DNCYC=2 -DB=3 -DMUT_NO_DELETION_BLACK -- "${bits[@]}" -- -m200000 -w31
run "MUT_NO_INSERTION (insertion shade)" fail -DNCYC=2 -DB=3 -DMUT_NO_INSERTION -- "${bits[@]}" -- -m200000 -w31
slow && run "MUT_STALE_OLD (old value read apart from the store)" fail "${small[@]}" -DINIT=2 -DMUT_STALE_OLD -- "${exh[@]}" -- -m200000 -w26
# INIT=6: o1, its field NIL, held by both mutators; the first's
# initialising store into it races the second's stores (test_handshake's
# fourth race, by an initialising store; about 2 min).
slow && run "MUT_INIT_SHARED (tc_write_init into a shared object)" fail -DINIT_STORE -DINIT=6 -DNCYC=1 -DB=1 -DB1=3 \
  -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK -DMUT_INIT_SHARED -- "${exh[@]}" -- -m200000 -w26
run "MUT_NO_BARRIER_WAIT (barrier-on answers)" fail "${small[@]}" -DINIT=2 -DMUT_NO_BARRIER_WAIT -- "${exh[@]}" -- -m200000 -w26
run "MUT_NO_BLOCKED_SCAN (blocked stacks)" fail -DNCYC=2 -DB=3 -DMUT_NO_BLOCKED_SCAN -- "${bits[@]}" -- -m200000 -w31
run "MUT_WHITE_AFTER_SCAN (allocate black)" fail "${small[@]}" -DINIT=3 -DMUT_WHITE_AFTER_SCAN -- "${exh[@]}" -- -m200000 -w26
run "MUT_NO_RUN_FOLD (runs folded at turn-on)" fail -DNCYC=1 -DB=2 -DNO_BLOCK -DNO_ASSIST -DINIT=0 -DMUT_NO_RUN_FOLD \
  -- "${exh[@]}" -- -m200000 -w26
run "MUT_NO_FLUSH_ROUND (ragged flush)" fail -DNCYC=2 -DB=3 -DMUT_NO_FLUSH_ROUND -- "${bits[@]}" -- -m200000 -w31
# INIT=4 (handshake.pml): the race takes four operations of the first
# mutator and one of the second; about 90 s each.
slow && run "MUT_NO_GREYED_CHECK (greyed count test)" fail -DINIT=4 -DNCYC=1 -DB=4 -DB1=1 -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK \
  -DMUT_NO_GREYED_CHECK -- "${bits[@]}" -- -m200000 -w31
slow && run "MUT_FULL_FLUSH_UNCOUNTED (full buffer counted)" fail -DINIT=4 -DNCYC=1 -DB=4 -DB1=1 -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK \
  -DMUT_FULL_FLUSH_UNCOUNTED -- "${bits[@]}" -- -m200000 -w31
run "MUT_NO_WEAK_SHADE (weak reader's shade)" fail -DWEAK -DINIT=1 -DNCYC=1 -DB=2 -DNO_ALLOC -DNO_BLOCK \
  -DMUT_NO_WEAK_SHADE -- "${bits[@]}" -- -m200000 -w31
run "MUT_NO_WEAK_PUBLISH (weak reader's publish)" fail -DWEAK -DINIT=5 -DNCYC=1 -DB=1 -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK \
  -DMUT_NO_WEAK_PUBLISH -- "${exh[@]}" -- -m200000 -w27
run "MUT_NO_GATE (weak readers' gate)" fail -DWEAK -DINIT=5 -DNCYC=1 -DB=1 -DNO_ALLOC -DNO_ASSIST -DNO_BLOCK \
  -DMUT_NO_GATE -- "${exh[@]}" -- -m200000 -w27

if [ "$mode" = big ]; then
  # Variants that change an order or drop a check the protocol is argued
  # not to need (docs/ARCHITECTURE.md, "The model"): expected to hold.
  echo "== variants believed redundant: expected to hold, as far as searched"
  run "MUT_NO_ASSIST_CHECK (idle test without nassist; B=5)" ok -DNCYC=1 -DB=5 -DNO_BLOCK -DNO_ALLOC -DINIT=2 \
    -DMUT_NO_ASSIST_CHECK -- "${bits[@]}" -- -m200000 -w33 "$q"
  run "MUT_READ_GREYED_LATE (greyed0 after the idle test; B=5)" ok -DNCYC=1 -DB=5 -DNO_BLOCK -DNO_ALLOC -DINIT=2 \
    -DMUT_READ_GREYED_LATE -- "${bits[@]}" -- -m200000 -w33 "$q"
fi
echo "== $mode: $((SECONDS - t_all)) s, $([ $status = 0 ] && echo passed || echo FAILED)"
exit $status
