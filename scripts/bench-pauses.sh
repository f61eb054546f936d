#!/usr/bin/env bash
# scripts/bench-pauses.sh [--full] — stop-the-world pauses of tricolor beside
# Go's collector (workloads/go, Debian's golang-go) on the same workloads, and
# how they scale with the live heap. Each configuration runs RUNS times
# (default 3), interleaved; the table holds medians of each run's p50, p99 and
# max pause. Writes results/pauses.csv and prints it.
#   binary-trees depth 18, 1 thread; churn 64 MiB cache, 2 threads
#   scaling: churn with a 64, 256, 1024 MiB cache (and 2048 with --full)
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh # run alone too, not only from suite.sh: what it needs installed when missing
tc_setup_bench
RUNS=${RUNS:-3}
sizes=(64 256 1024)
[ "${1:-}" = "--full" ] && sizes+=(2048)
B=build/release/workloads
G=build/go/gobench
mkdir -p build/go results
(cd workloads/go && GOFLAGS=-mod=mod go build -o ../../$G .)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

configs=("binary-trees 18 1" "churn 64 2")
for s in "${sizes[@]}"; do configs+=("churn-scaling $s 2"); done
for r in $(seq "$RUNS"); do
  for c in "${configs[@]}"; do
    read -r name size threads <<<"$c"
    w=${name%-scaling}
    echo "run $r: $name size $size" >&2
    "$B/tcbench-tricolor" --workload "$w" --size "$size" --threads "$threads" >/dev/null 2>>"$TMP/$name-$size-tricolor.log"
    "$G" -workload "$w" -size "$size" -threads "$threads" >/dev/null 2>>"$TMP/$name-$size-go.log"
  done
done

python3 - "$TMP" results/pauses.csv "${configs[@]}" <<'PY'
import glob, statistics, sys
tmp, out, configs = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = []
for c in configs:
    name, size, threads = c.split()
    for b in ("tricolor", "go"):
        runs = [dict(kv.split("=", 1) for kv in l.split()[1:] if "=" in kv)
                for l in open(f"{tmp}/{name}-{size}-{b}.log") if l.startswith("tcbench:")]
        med = lambda k: statistics.median(float(r[k]) for r in runs)
        rows.append([name, size, threads, b, len(runs), f"{med('wall_s'):.3f}", int(med("cycles")),
                     int(med("pauses")), f"{med('pause_p50_us'):.1f}", f"{med('pause_p99_us'):.1f}",
                     f"{med('pause_max_us'):.1f}", int(med("peak_rss_kb"))])
hdr = ["workload", "size", "threads", "backend", "runs", "wall_s", "cycles", "pauses", "pause_p50_us",
       "pause_p99_us", "pause_max_us", "peak_rss_kb"]
with open(out, "w") as f:
    f.write(",".join(hdr) + "\n")
    for r in rows:
        f.write(",".join(map(str, r)) + "\n")
print(open(out).read())
PY
