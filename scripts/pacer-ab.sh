#!/usr/bin/env bash
# scripts/pacer-ab.sh [PACER_A PACER_B [ROUNDS]] — two pacer policies side by
# side (default: go against eager, 5 rounds). Each round runs every workload
# below once with each policy, alternating, so that the machine's drift hits
# both alike; prints the medians and ranges per workload and policy, and the
# B/A ratio of the medians (the ranges go to the CSV), and writes results/pacer-ab-A-B.csv.
#   binary-trees 18 and GCBench 17-20 (one mutator: the controller has an
#   idle CPU), churn and fifo (64 MiB, two mutators: the CPUs are full), and
#   the service loop (64 MiB live, 1 and 2 threads, 3 s: what the
#   application felt, iterations/s, longest iteration and MMU timed from its
#   side).
# Figures: wall and CPU seconds, GC CPU fraction, peak RSS (MiB), cycles,
# the library's MMU at 1/10/100 ms and longest stall; for the service loop
# also iterations/s, its longest iteration and its own MMU at 10/100 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
A=${1:-go}
B=${2:-eager}
ROUNDS=${3:-5}
. scripts/setup.sh
tc_setup
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target tcbench-tricolor >/dev/null
BIN=build/release/workloads/tcbench-tricolor
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
configs=(
  "binary-trees|--workload binary-trees --size 18"
  "gcbench-17|--workload gcbench --size 17"
  "gcbench-18|--workload gcbench --size 18"
  "gcbench-19|--workload gcbench --size 19"
  "gcbench-20|--workload gcbench --size 20"
  "churn-2t|--workload churn --size 64 --threads 2"
  "fifo-2t|--workload fifo --size 64 --threads 2"
  "service-1t|--workload service --size 64 --threads 1 --seconds 3"
  "service-2t|--workload service --size 64 --threads 2 --seconds 3"
)
for r in $(seq "$ROUNDS"); do
  echo "pacer-ab: round $r of $ROUNDS" >&2
  for c in "${configs[@]}"; do
    name=${c%%|*}
    args=${c#*|}
    for p in "$A" "$B"; do
      # shellcheck disable=SC2086
      echo "$name $p $("$BIN" $args --pacer "$p" 2>&1 | grep -E '^(service|tcbench):' | tr '\n' ' ')"
    done
  done
done >"$TMP/runs.log"
mkdir -p results
python3 - "$TMP/runs.log" "$A" "$B" "results/pacer-ab-$A-$B.csv" <<'PY'
import collections, csv, statistics, sys
log, A, B, out = sys.argv[1:]
runs = collections.defaultdict(list)
order = []
for line in open(log):
    f = line.split()
    if len(f) < 2:
        continue
    kv = dict(x.split("=", 1) for x in f[2:] if "=" in x)
    if "wall_s" not in kv:
        sys.exit(f"pacer-ab: a run of {f[0]} with {f[1]} printed no summary line")
    if f[0] not in order:
        order.append(f[0])
    runs[(f[0], f[1])].append(kv)
keys = [("wall_s", "wall_s"), ("cpu_s", "cpu_s"), ("gc_cpu_frac", "gc_cpu"), ("peak_rss_kb", "rss_mib"),
        ("cycles", "cycles"), ("mmu_1ms", "mmu1"), ("mmu_10ms", "mmu10"), ("mmu_100ms", "mmu100"),
        ("stall_max_us", "stall_max_us"), ("iter_per_s", "iter_per_s"), ("max_us", "longest_iter_us"),
        ("app_mmu_10ms", "app_mmu10"), ("app_mmu_100ms", "app_mmu100")]
def fig(rs, k):
    v = [float(r[k]) for r in rs if k in r]
    if not v:
        return None
    if k == "peak_rss_kb":
        v = [x / 1024 for x in v]
    return statistics.median(v), min(v), max(v)
rows = []
for w in order:
    for p in (A, B):
        rs = runs[(w, p)]
        row = {"workload": w, "pacer": p, "runs": len(rs)}
        for k, col in keys:
            m = fig(rs, k)
            if m:
                row[col], row[col + "_min"], row[col + "_max"] = (f"{x:.4g}" for x in m)
        rows.append(row)
cols = ["workload", "pacer", "runs"] + [c + s for _, c in keys for s in ("", "_min", "_max")]
with open(out, "w", newline="") as fh:
    wr = csv.DictWriter(fh, fieldnames=cols)
    wr.writeheader()
    wr.writerows(rows)
show = ["wall_s", "gc_cpu", "rss_mib", "cycles", "mmu1", "mmu10", "mmu100", "stall_max_us",
        "iter_per_s", "longest_iter_us", "app_mmu10", "app_mmu100"]
print(f"{'workload':<13} {'pacer':<8}" + "".join(f" {c:>15}" for c in show))
for w in order:
    med = {}
    for p in (A, B):
        r = next(x for x in rows if x["workload"] == w and x["pacer"] == p)
        med[p] = r
        print(f"{w:<13} {p:<8}" + "".join(f" {r.get(c, ''):>15}" for c in show))
    ratio = []
    for c in show:
        a, b = med[A].get(c), med[B].get(c)
        ratio.append(f"{float(b) / float(a):.2f}" if a and b and float(a) != 0 else "")
    print(f"{w:<13} {B + '/' + A:<8}" + "".join(f" {x:>15}" for x in ratio))
print(f"medians of {len(runs[(order[0], A)])} runs; {out} has the ranges too")
PY
