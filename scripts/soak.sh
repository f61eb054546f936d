#!/usr/bin/env bash
# scripts/soak.sh MINUTES — the soak: under ASan+UBSan, then under TSan (half
# the time each), with the verifier on every cycle and torture collections:
#   stress  tests/test_concurrent's multi-thread graph stress (8 threads
#           mutating shared graphs, a 9th collecting back to back)
#   churn   tcbench's churn workload (2 threads), run after run
#   replay  the three shipped traces, run after run
# (a third of each half for each). It fails on any lost object (the
# verifier and the workloads' own checks abort), any sanitizer report, or a
# heap that grows beyond what the pacer allows (per run, from the heap
# timeline: the heap's memory from the OS above 2 × the largest goal + 16 MiB).
# Figures go to results/soak.csv (sanitizer, part, seconds, runs, cycles,
# objects checked by the verifier, failures); logs of failed runs stay in
# build/soak-*/logs/.
set -euo pipefail
cd "$(dirname "$0")/.."
MIN=${1:?usage: scripts/soak.sh MINUTES}
. scripts/setup.sh
tc_setup
part=$((MIN * 60 / 6))
((part > 0)) || part=1
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_stack_use_after_return=0"
OUT=results/soak.csv
mkdir -p results
echo "sanitizer,part,seconds,runs,cycles,objects_checked,failures" >"$OUT"
fails=0

# run LOG CMD... — run one program; a failure is a nonzero exit or a sanitizer report.
run() {
  local log=$1
  shift
  if "$@" >"$log" 2>&1 && ! grep -qE 'ERROR: AddressSanitizer|WARNING: ThreadSanitizer|runtime error:|LeakSanitizer' "$log"; then
    return 0
  fi
  echo "soak: FAILED: $* (log: $log)" >&2
  tail -20 "$log" >&2
  return 1
}

# summary KEY LOG — a field of tcbench's summary line.
field() { sed -n "s/.*tcbench: .* $1=\([0-9.]*\).*/\1/p" "$2" | tail -1; }

# The heap's memory from the OS stays within what the pacer allows.
heap_ok() {
  python3 - "$1" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
goal = max((int(r["goal_bytes"]) for r in rows), default=0)
sys_peak = max((int(r["sys_bytes"]) for r in rows), default=0)
if sys_peak > 2 * goal + (16 << 20):
    sys.exit(f"soak: heap grew to {sys_peak >> 20} MiB, the largest goal was {goal >> 20} MiB")
PY
}

for san in address thread; do
  dir=build/soak-$san
  echo "=== soak under $san sanitizer: 3 x ${part}s" >&2
  cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DTC_SANITIZE=$san -DTC_BUILD_WORKLOADS=ON >/dev/null
  cmake --build "$dir" -j "$(nproc)" --target test_concurrent tcbench-tricolor
  mkdir -p "$dir/logs"
  export TRICOLOR_VERIFY=1

  f=0
  log=$dir/logs/stress.log
  TC_STRESS_SECONDS=$part TC_STRESS_THREADS=8 run "$log" "$dir/tests/test_concurrent" || f=1
  read -r cyc objs < <(python3 -c 'import re, sys
m = re.findall(r"stress: \d+ s, \d+ threads, (?:chaos \d+/1000, )?(\d+) cycles, \d+ objects allocated, (\d+) objects verified", open(sys.argv[1]).read())
print(*(m[-1] if m else (0, 0)))' "$log")
  echo "$san,stress,$part,1,${cyc:-0},${objs:-0},$f" >>"$OUT"
  fails=$((fails + f))

  for what in churn replay; do
    end=$((SECONDS + part))
    runs=0 cycles=0 checked=0 f=0
    traces=(workloads/trace/traces/*.trace.gz)
    while ((SECONDS < end)); do
      log=$dir/logs/$what-$runs.log
      csv=$dir/logs/$what-$runs
      rm -rf "$csv"
      if [ $what = churn ]; then
        args=(--workload churn --size 8 --threads 2)
        torture=2000
      else
        args=(--workload replay --trace "${traces[$((runs % ${#traces[@]}))]}")
        torture=500
      fi
      if TRICOLOR_TORTURE=$torture run "$log" "$dir/workloads/tcbench-tricolor" "${args[@]}" --csv "$csv" &&
        heap_ok "$csv"/*-timeline.csv >>"$log" 2>&1; then
        cycles=$((cycles + $(field cycles "$log")))
        checked=$((checked + $(field verified_objects "$log")))
        rm -f "$log"
      else
        f=$((f + 1))
      fi
      runs=$((runs + 1))
      rm -rf "$csv"
    done
    echo "$san,$what,$part,$runs,$cycles,$checked,$f" >>"$OUT"
    fails=$((fails + f))
  done
  unset TRICOLOR_VERIFY
done
cat "$OUT"
if ((fails)); then
  echo "soak: $fails failure(s)" >&2
  exit 1
fi
echo "soak: passed" >&2
