#!/usr/bin/env bash
# scripts/bench-pacer.sh [--full] — the pacer sweep: binary-trees and churn on
# tricolor for GOGC in {25, 50, 100, 200, 400, off} × each pacer policy × with
# and without a memory limit, RUNS runs each (default 3, interleaved), medians.
# Records wall time, GC CPU fraction (collector threads and assists over the
# process's CPU), peak heap, peak RSS, cycles, pause p99 and the p99 over
# cycles of heap at mark termination / goal (overshoot). Writes
# results/pacer-sweep.csv, keeps one run's CSVs per configuration under
# results/pacer/ for the plots, and prints the table.
#   binary-trees depth 18, limit 32 MiB (live ~10 MiB); --full: 5 runs each
#   churn 64 MiB cache, 2 threads, limit 160 MiB (live ~70 MiB)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
DEPTH=18
[ "${1:-}" = "--full" ] && RUNS=${RUNS_FULL:-5}
B=build/release/workloads
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
rm -rf results/pacer
mkdir -p results/pacer

configs=()
for w in "binary-trees $DEPTH 1 32MiB" "churn 64 2 160MiB"; do
  read -r name size threads lim <<<"$w"
  for pacer in $(build/release/workloads/tcbench-tricolor --help | sed -n 's/^pacers[^:]*: //p' | tr -d ,); do
    for gogc in 25 50 100 200 400 off; do
      for l in 0 "$lim"; do configs+=("$name $size $threads $pacer $gogc $l"); done
    done
  done
done
for r in $(seq "$RUNS"); do
  echo "pacer sweep: run $r of $RUNS (${#configs[@]} configurations)" >&2
  for c in "${configs[@]}"; do
    read -r name size threads pacer gogc lim <<<"$c"
    key="$name-$pacer-gogc$gogc-lim$lim"
    csv=()
    [ "$r" = 1 ] && csv=(--csv "results/pacer/$key")
    "$B/tcbench-tricolor" --workload "$name" --size "$size" --threads "$threads" --pacer "$pacer" \
      --gogc "$gogc" --memlimit "$lim" "${csv[@]}" >/dev/null 2>>"$TMP/$key.log"
  done
done

python3 - "$TMP" results/pacer-sweep.csv "${configs[@]}" <<'PY'
import statistics, sys
tmp, out, configs = sys.argv[1], sys.argv[2], sys.argv[3:]
keys = ["wall_s", "gc_cpu_frac", "peak_heap_kb", "peak_rss_kb", "cycles", "pause_p99_us", "overshoot_p99"]
hdr = ["workload", "size", "pacer", "gogc", "memlimit", "runs"] + keys
rows = []
for c in configs:
    name, size, threads, pacer, gogc, lim = c.split()
    runs = [dict(kv.split("=", 1) for kv in l.split()[1:] if "=" in kv)
            for l in open(f"{tmp}/{name}-{pacer}-gogc{gogc}-lim{lim}.log") if l.startswith("tcbench:")]
    bad = [l for l in open(f"{tmp}/{name}-{pacer}-gogc{gogc}-lim{lim}.log") if "RESULT=WRONG" in l]
    if bad or not runs:
        sys.exit(f"pacer sweep: {c}: {'wrong result' if bad else 'no summary line'}")
    med = {k: statistics.median(float(r[k]) for r in runs) for k in keys}
    rows.append([name, size, pacer, gogc, lim, len(runs)] +
                [f"{med[k]:.4f}" if k in ("wall_s", "gc_cpu_frac", "overshoot_p99") else f"{med[k]:.1f}" if k == "pause_p99_us"
                 else str(int(med[k])) for k in keys])
with open(out, "w") as f:
    f.write(",".join(hdr) + "\n")
    for r in rows:
        f.write(",".join(map(str, r)) + "\n")
print(open(out).read())
PY
