#!/usr/bin/env bash
# scripts/bench-latency.sh [--full] — what a program feels of its collector,
# timed from the application's side (issue: "no hidden stalls").
#  1. The service loop (tcbench --workload service: a request loop over
#     64 MiB of live sessions, every iteration timed) on tricolor, Go and
#     libgc, with 1, 2 and 4 threads, alone and beside one CPU-bound process
#     (`yes >/dev/null`): iterations/s, iteration time p50/p99/p99.9/max and
#     the application-side MMU at 1/10/100 ms; tricolor's own stall and MMU
#     metrics and peak RSS beside them. tricolor-scanned is tricolor with
#     TRICOLOR_ASSISTS=scanned (assists expect the last mark's scan work, not
#     its marked bytes: lighter assists, longer marks, a larger heap);
#     tricolor-eager is tricolor with --pacer eager (the trigger's floor
#     lowered where the last mark ran on an idle CPU).
#  2. binary-trees 18 alone and beside one busy process: pause and stall
#     p99/max, MMU (tricolor, tricolor-eager and Go).
# Writes results/latency.csv and results/latency-binarytrees.csv and prints
# both; their steal_ms column is the hypervisor's steal from the machine
# during the run (median of the runs; tc_steal_ms): on a guest, a stalled
# iteration with steal beside it is the host's, not the backend's.
# SECONDS_PER_RUN (default 5; --full 10) sets each service run.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh # run alone too, not only from suite.sh: Go, libgc and jemalloc installed when missing
tc_setup_bench
FULL=0
[ "${1:-}" = "--full" ] && FULL=1
SECS=${SECONDS_PER_RUN:-$((FULL ? 10 : 5))}
RUNS=${RUNS:-$((FULL ? 3 : 1))}
B=build/release/workloads
G=build/go/gobench
mkdir -p build/go results
(cd workloads/go && GOFLAGS=-mod=mod go build -o ../../$G .)
TMP=$(mktemp -d)
busy=""
cleanup() { [ -n "$busy" ] && kill "$busy" 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT

run() { # run BACKEND ARGS... (tcbench flags; gobench takes them with one dash)
  local b=$1
  shift
  case $b in
    go) "$G" "${@//--/-}" ;;
    tricolor-scanned) TRICOLOR_ASSISTS=scanned "$B/tcbench-tricolor" "$@" ;;
    tricolor-eager) "$B/tcbench-tricolor" "$@" --pacer eager ;;
    *) "$B/tcbench-$b" "$@" ;;
  esac
}

for neighbour in alone busy; do
  if [ $neighbour = busy ]; then
    yes >/dev/null &
    busy=$!
  fi
  for threads in 1 2 4; do
    for b in tricolor tricolor-scanned tricolor-eager go bdwgc; do
      for r in $(seq "$RUNS"); do
        echo "=== service: $b, $threads threads, $neighbour, run $r" >&2
        s0=$(tc_steal_ms)
        { echo "neighbour=$neighbour backend=$b"; run "$b" --workload service --size 64 --threads "$threads" \
            --seconds "$SECS" 2>&1; echo "steal: steal_ms=$(($(tc_steal_ms) - s0))"; } >>"$TMP/service.log"
      done
    done
  done
  for b in tricolor tricolor-eager go; do
    for r in $(seq 3); do
      echo "=== binary-trees 18: $b, $neighbour, run $r" >&2
      s0=$(tc_steal_ms)
      { echo "neighbour=$neighbour backend=$b"; run "$b" --workload binary-trees --size 18 2>&1 >/dev/null;
        echo "steal: steal_ms=$(($(tc_steal_ms) - s0))"; } >>"$TMP/bt.log"
    done
  done
  if [ $neighbour = busy ]; then
    kill "$busy"
    busy=""
  fi
done

python3 - "$TMP" <<'PY'
import csv, statistics, sys
tmp = sys.argv[1]

def parse(path, keep):
    runs, cur, first = [], {}, 0
    for line in open(path):
        if line.startswith("neighbour="):
            cur, first = dict(kv.split("=", 1) for kv in line.split()), len(runs)
        elif line.startswith(keep):
            d = dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv)
            if "RESULT=WRONG" in line:
                sys.exit(f"bench-latency: {cur}: wrong result")
            d.pop("steal_ms", None)  # tcbench's own reading: the script's, below, covers every backend
            runs.append({**d, **cur})  # the run's own backend name (tricolor-scanned)
        elif line.startswith("steal:"):
            for r in runs[first:]:  # the run this neighbour= line began
                r["steal_ms"] = line.split("=", 1)[1].strip()  # the hypervisor's, during that run
    return runs

svc = parse(f"{tmp}/service.log", "service:")
tcs = {}
for r in parse(f"{tmp}/service.log", "tcbench:"):
    tcs.setdefault((r["neighbour"], r["backend"], r["threads"]), []).append(r)
rows = []
for key in dict.fromkeys((r["neighbour"], r["backend"], r["threads"]) for r in svc):
    rs = [r for r in svc if (r["neighbour"], r["backend"], r["threads"]) == key]
    med = lambda k: statistics.median(float(r[k]) for r in rs)
    t = tcs.get(key, [])
    tmed = lambda k: f"{statistics.median(float(r[k]) for r in t):.3f}" if t and all(k in r for r in t) else ""
    rows.append({"neighbour": key[0], "backend": key[1], "threads": key[2], "iter_per_s": f"{med('iter_per_s'):.0f}",
                 "p50_us": f"{med('p50_us'):.2f}", "p99_us": f"{med('p99_us'):.1f}", "p999_us": f"{med('p999_us'):.1f}",
                 "max_us": f"{med('max_us'):.0f}", "app_mmu_1ms": f"{med('app_mmu_1ms'):.3f}",
                 "app_mmu_10ms": f"{med('app_mmu_10ms'):.3f}", "app_mmu_100ms": f"{med('app_mmu_100ms'):.3f}",
                 "gc_stall_max_us": tmed("stall_max_us"), "gc_mmu_10ms": tmed("mmu_10ms"),
                 "pause_p99_us": tmed("pause_p99_us"), "peak_rss_kb": tmed("peak_rss_kb").split(".")[0],
                 "steal_ms": f"{med('steal_ms'):.0f}" if all("steal_ms" in r for r in rs) else ""})
with open("results/latency.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
    w.writeheader()
    w.writerows(rows)
print(open("results/latency.csv").read())

bt = parse(f"{tmp}/bt.log", "tcbench:")
out = []
for key in dict.fromkeys((r["neighbour"], r["backend"]) for r in bt):
    rs = [r for r in bt if (r["neighbour"], r["backend"]) == key]
    med = lambda k, p=1: f"{statistics.median(float(r[k]) for r in rs):.{p}f}" if all(k in r for r in rs) else ""
    out.append({"neighbour": key[0], "backend": key[1], "wall_s": med("wall_s"), "pause_p99_us": med("pause_p99_us"),
                "pause_max_us": med("pause_max_us"), "stall_p99_us": med("stall_p99_us"),
                "stall_max_us": med("stall_max_us"), "mmu_1ms": med("mmu_1ms", 3), "mmu_10ms": med("mmu_10ms", 3),
                "mmu_100ms": med("mmu_100ms", 3), "peak_rss_kb": med("peak_rss_kb", 0), "steal_ms": med("steal_ms", 0)})
with open("results/latency-binarytrees.csv", "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(out[0].keys()))
    w.writeheader()
    w.writerows(out)
print(open("results/latency-binarytrees.csv").read())
PY
