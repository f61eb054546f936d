#!/usr/bin/env bash
# scripts/bench-throughput.sh — the throughput figures of one run, side by
# side: the graph workloads (binary-trees 18, GCBench 18, churn and fifo
# with 64 MiB and 2 threads) on tricolor, Go (workloads/go), libgc (bdwgc)
# and jemalloc, RUNS rounds (default 5) in which every backend runs once in
# turn, so that machine noise hits them alike; then the service loop
# (tcbench --workload service, 64 MiB live, 1 thread, SECS seconds, default
# 5) on tricolor and libgc, RUNS rounds; then alloc_micro (the public
# tc_alloc against jemalloc's mallocx) and mark_micro (the marker, a span's
# pointer mask against the bitmap). Medians. Writes results/throughput.csv
# and prints the table: wall, and its ratios to Go, libgc and jemalloc; GC
# CPU and peak RSS from tcbench's summary line; iterations/s.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh # run alone too, not only from suite.sh: Go, libgc and jemalloc installed when missing
tc_setup_bench
RUNS=${RUNS:-5}
SECS=${SECS:-5}
B=build/release/workloads
G=build/go/gobench
mkdir -p build/go results
[ -x "$G" ] || (cd workloads/go && GOFLAGS=-mod=mod go build -o ../../$G .)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

cmd() { # cmd BACKEND ARGS...: the command line (tcbench flags; gobench takes them with one dash)
  local b=$1
  shift
  if [ "$b" = go ]; then echo "$G" "${@//--/-}"; else echo "$B/tcbench-$b" "$@"; fi
}

configs=(
  "binary-trees|--workload binary-trees --size 18 --threads 1"
  "gcbench|--workload gcbench --size 18"
  "churn|--workload churn --size 64 --threads 2"
  "fifo|--workload fifo --size 64 --threads 2"
)
for r in $(seq "$RUNS"); do
  for c in "${configs[@]}"; do
    name=${c%%|*}
    args=${c#*|}
    for b in tricolor go bdwgc jemalloc; do
      echo "=== $name $b round $r" >&2
      # shellcheck disable=SC2086
      /usr/bin/time -f "time: wall=%e rss_kb=%M" -o "$TMP/time" $(cmd "$b" $args) >"$TMP/out" 2>&1
      { echo "config=$name backend=$b"; grep -h "tcbench:" "$TMP/out" || true; cat "$TMP/time"; } >>"$TMP/runs.log"
    done
  done
  for b in tricolor bdwgc; do
    echo "=== service $b round $r" >&2
    { echo "config=service backend=$b"; $(cmd "$b" --workload service --size 64 --threads 1 --seconds "$SECS") 2>&1; } \
      >>"$TMP/runs.log"
  done
done
"$B/alloc_micro" --csv "$TMP/alloc.csv" >/dev/null
"$B/mark_micro" >"$TMP/mark.txt"

python3 - "$TMP" <<'PY'
import csv, statistics, sys
tmp = sys.argv[1]
runs, cur = [], None
for line in open(f"{tmp}/runs.log"):
    if line.startswith("config="):
        cur = dict(kv.split("=", 1) for kv in line.split())
        runs.append(cur)
    elif line.startswith(("tcbench:", "service:", "time:")):
        if "RESULT=WRONG" in line:
            sys.exit(f"bench-throughput: {cur}: wrong result")
        cur.update(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
def med(cfg, b, k):
    v = [float(r[k]) for r in runs if r["config"] == cfg and r["backend"] == b and k in r]
    return statistics.median(v) if v else None
rows = []
for cfg in dict.fromkeys(r["config"] for r in runs):
    for b in dict.fromkeys(r["backend"] for r in runs if r["config"] == cfg):
        row = {"config": cfg, "backend": b, "runs": sum(1 for r in runs if r["config"] == cfg and r["backend"] == b)}
        if cfg == "service":
            row["iter_per_s"] = f"{med(cfg, b, 'iter_per_s'):.0f}"
            tc, gc = med(cfg, "tricolor", "iter_per_s"), med(cfg, "bdwgc", "iter_per_s")
            row["vs_libgc"] = f"{med(cfg, b, 'iter_per_s') / gc:.3f}" if gc else ""
        else:
            w = med(cfg, b, "wall")
            row["wall_s"] = f"{w:.3f}"
            for ref, col in (("go", "vs_go"), ("bdwgc", "vs_libgc"), ("jemalloc", "vs_jemalloc")):
                rw = med(cfg, ref, "wall")
                row[col] = f"{w / rw:.3f}" if rw else ""
            row["peak_rss_mb"] = f"{med(cfg, b, 'rss_kb') / 1024:.1f}"
            g = med(cfg, b, "gc_cpu_frac") if b != "jemalloc" else None
            row["gc_cpu_frac"] = f"{g:.3f}" if g is not None else ""
        rows.append(row)
fields = ["config", "backend", "runs", "wall_s", "vs_go", "vs_libgc", "vs_jemalloc", "gc_cpu_frac", "peak_rss_mb",
          "iter_per_s"]
with open("results/throughput.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=fields, extrasaction="ignore")
    w.writeheader()
    w.writerows(rows)
print(open("results/throughput.csv").read())
print("alloc_micro (ns per object):")
print(open(f"{tmp}/alloc.csv").read())
print("mark_micro:")
print(open(f"{tmp}/mark.txt").read())
PY
