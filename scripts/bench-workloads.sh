#!/usr/bin/env bash
# scripts/bench-workloads.sh [--full] — every workload on every backend, side
# by side: tricolor, jemalloc, glibc, libgc (bdwgc) and Go (workloads/go).
# For each workload, hyperfine times all five in one run (1 warm-up, RUNS
# runs, median wall), then each runs RSS_RUNS times under GNU time for peak
# RSS and tcbench's summary line (cycles, pauses, GC CPU); the first of those
# writes the run's CSVs (pause histogram, per-cycle record, GC intervals,
# heap timeline) under results/csv/ for scripts/plot. Writes
# results/workloads.csv (medians and ratios to jemalloc) and prints it.
#   default: RUNS=3 RSS_RUNS=1;  --full: RUNS=10 RSS_RUNS=3 and larger sizes
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh # run alone too, not only from suite.sh: what it needs installed when missing
tc_setup_bench
FULL=0
[ "${1:-}" = "--full" ] && FULL=1
RUNS=${RUNS:-$((FULL ? 10 : 3))}
RSS_RUNS=${RSS_RUNS:-$((FULL ? 3 : 1))}
B=build/release/workloads
G=build/go/gobench
T=workloads/trace/traces
mkdir -p build/go results
(cd workloads/go && GOFLAGS=-mod=mod go build -o ../../$G .)
rm -rf results/csv
mkdir -p results/csv
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
backends=(tricolor jemalloc glibc bdwgc go)

# name | tcbench arguments (gobench takes the same, with one dash)
configs=(
  "binary-trees|--workload binary-trees --size 18 --threads 1"
  "gcbench|--workload gcbench --size 18"
  "churn|--workload churn --size $((FULL ? 256 : 64)) --threads 2"
  "fifo|--workload fifo --size $((FULL ? 256 : 64)) --threads 2"
  "largemix|--workload largemix --size $((FULL ? 256 : 64)) --threads 2"
  "frag|--workload frag --size $((FULL ? 256 : 64))"
  "prodcons|--workload prodcons --size $((FULL ? 2000 : 400)) --threads 4"
  "replay-gcc|--workload replay --size 20 --trace $T/gcc.trace.gz"
  "replay-python3|--workload replay --size 5 --trace $T/python3.trace.gz"
  "replay-sqlite3|--workload replay --size 5 --trace $T/sqlite3.trace.gz"
)

cmd() { # cmd BACKEND ARGS...
  local b=$1
  shift
  if [ "$b" = go ]; then echo "$G ${*//--/-}"; else echo "$B/tcbench-$b $*"; fi
}

for c in "${configs[@]}"; do
  name=${c%%|*}
  args=${c#*|}
  echo "=== $name: $args" >&2
  hf=()
  for b in "${backends[@]}"; do hf+=(-n "$b" "$(cmd "$b" "$args")"); done
  hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-csv "$TMP/$name-hyperfine.csv" "${hf[@]}" \
    >"$TMP/$name-hyperfine.txt"
  for b in "${backends[@]}"; do
    for i in $(seq "$RSS_RUNS"); do
      csv=()
      [ "$i" = 1 ] && csv=(--csv "results/csv/$name")
      # shellcheck disable=SC2046
      /usr/bin/time -f "rss_kb=%M" $(cmd "$b" "$args" "${csv[@]}") >/dev/null 2>>"$TMP/$name-$b.log"
    done
  done
done

python3 - "$TMP" results/workloads.csv "${backends[@]}" -- "${configs[@]%%|*}" <<'PY'
import csv, statistics, sys
tmp, out = sys.argv[1], sys.argv[2]
sep = sys.argv.index("--")
backends, names = sys.argv[3:sep], sys.argv[sep + 1:]
rows = []
for name in names:
    wall = {r["command"]: float(r["median"]) for r in csv.DictReader(open(f"{tmp}/{name}-hyperfine.csv"))}
    got = {}
    for b in backends:
        runs, rss = [], []
        for line in open(f"{tmp}/{name}-{b}.log"):
            if line.startswith("tcbench:"):
                if "RESULT=WRONG" in line:
                    sys.exit(f"bench-workloads: {name} on {b}: wrong result")
                runs.append(dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv))
            elif line.startswith("rss_kb="):
                rss.append(int(line.split("=")[1]))
        if not runs or not rss:
            sys.exit(f"bench-workloads: {name} on {b}: no summary line (see the log above)")
        med = lambda k: statistics.median(float(r.get(k, 0)) for r in runs)
        # Stalls and MMU where the backend measures them (not Go's summary): "" otherwise.
        opt = lambda k: statistics.median(float(r[k]) for r in runs) if all(k in r for r in runs) else ""
        got[b] = {"workload": name, "backend": b, "wall_median_s": wall[b], "peak_rss_kb": int(statistics.median(rss)),
                  "gc_cycles": int(med("cycles")), "pause_p50_us": med("pause_p50_us"),
                  "pause_p99_us": med("pause_p99_us"), "pause_max_us": med("pause_max_us"),
                  "gc_cpu_frac": med("gc_cpu_frac"), "stall_p99_us": opt("stall_p99_us"),
                  "stall_max_us": opt("stall_max_us"), "mmu_1ms": opt("mmu_1ms"), "mmu_10ms": opt("mmu_10ms"),
                  "mmu_100ms": opt("mmu_100ms")}
    je = got["jemalloc"]
    for b in backends:
        r = got[b]
        r["wall_vs_jemalloc"] = r["wall_median_s"] / je["wall_median_s"]
        r["rss_vs_jemalloc"] = r["peak_rss_kb"] / je["peak_rss_kb"]
        rows.append(r)
fields = ["workload", "backend", "wall_median_s", "wall_vs_jemalloc", "peak_rss_kb", "rss_vs_jemalloc", "gc_cycles",
          "pause_p50_us", "pause_p99_us", "pause_max_us", "gc_cpu_frac", "stall_p99_us", "stall_max_us", "mmu_1ms",
          "mmu_10ms", "mmu_100ms"]
fmt = {"wall_median_s": "{:.4f}", "wall_vs_jemalloc": "{:.2f}", "rss_vs_jemalloc": "{:.2f}", "pause_p50_us": "{:.1f}",
       "pause_p99_us": "{:.1f}", "pause_max_us": "{:.1f}", "gc_cpu_frac": "{:.3f}", "stall_p99_us": "{:.1f}",
       "stall_max_us": "{:.1f}", "mmu_1ms": "{:.3f}", "mmu_10ms": "{:.3f}", "mmu_100ms": "{:.3f}"}
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(fields)
    for r in rows:
        w.writerow([fmt.get(k, "{}").format(r[k]) if r[k] != "" else "" for k in fields])
print(open(out).read())
PY
