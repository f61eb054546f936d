#!/usr/bin/env bash
# scripts/bench-runtime.sh [--full] — what a language runtime asks of its
# collector, tricolor beside libgc: the finalizers and ephemerons workloads
# (hyperfine, median wall of RUNS runs, both backends in one run; then one
# run each under GNU time for peak RSS, the workload's own check line and
# tcbench's summary), and workloads/micro/registry_cost (what N registered
# finalizers, weak references and ephemerons add to a full collection, and
# ephemeron chains of length N). Go is left out: Debian's Go (1.19) has
# finalizers but neither weak pointers nor ephemerons.
# Writes results/runtime.csv and results/registry-cost.csv.
#   default: RUNS=3, registry N = 0 10000 1000000; --full: RUNS=10, larger runs
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh # run alone too, not only from suite.sh: what it needs installed when missing
tc_setup
FULL=0
[ "${1:-}" = "--full" ] && FULL=1
RUNS=${RUNS:-$((FULL ? 10 : 3))}
B=build/release/workloads
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
configs=(
  "finalizers|--workload finalizers --size $((FULL ? 4000 : 1000)) --threads 2"
  "ephemerons|--workload ephemerons --size $((FULL ? 400 : 100))"
)
echo "workload,backend,median_s,ratio_to_libgc,peak_rss_kb,cycles,gc_cpu_frac,check" >results/runtime.csv
for c in "${configs[@]}"; do
  name=${c%%|*}
  args=${c#*|}
  echo "=== $name: $args" >&2
  hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-csv "$TMP/$name.csv" \
    -n tricolor "$B/tcbench-tricolor $args" -n bdwgc "$B/tcbench-bdwgc $args" >"$TMP/$name.txt"
  libgc=$(awk -F, '$1 == "bdwgc" {print $4}' "$TMP/$name.csv")
  for b in tricolor bdwgc; do
    med=$(awk -F, -v b="$b" '$1 == b {print $4}' "$TMP/$name.csv")
    # shellcheck disable=SC2086
    /usr/bin/time -f "rss=%M" "$B/tcbench-$b" $args >"$TMP/out" 2>"$TMP/err"
    rss=$(grep -oE '^rss=[0-9]+' "$TMP/err" | cut -d= -f2)
    cyc=$(grep -oE 'cycles=[0-9]+' "$TMP/err" | head -n1 | cut -d= -f2)
    cpu=$(grep -oE 'gc_cpu_frac=[0-9.]+' "$TMP/err" | cut -d= -f2)
    check=$(head -n1 "$TMP/out" | tr ',' ';')
    echo "$name,$b,$med,$(awk -v a="$med" -v b="$libgc" 'BEGIN {printf "%.2f", a / b}'),$rss,$cyc,$cpu,$check" \
      >>results/runtime.csv
  done
done
column -s, -t results/runtime.csv | cut -c1-160
echo "=== registry_cost: a full collection with N registered objects; ephemeron chains" >&2
if [ "$FULL" = 1 ]; then ns=(0 10000 100000 1000000 4000000); else ns=(0 10000 1000000); fi
"$B/registry_cost" "${ns[@]}" | tee results/registry-cost.csv
