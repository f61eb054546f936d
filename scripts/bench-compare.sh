#!/usr/bin/env bash
# scripts/bench-compare.sh BASE_REV [RUNS] — did a change move the figures?
# Builds BASE_REV (a commit, tag or branch) in a scratch worktree and the
# working tree here, both in Release, then runs the suite's binary-trees and
# churn rows on the base's tcbench-tricolor, this tree's, and jemalloc, side
# by side in one hyperfine run each (1 warm-up, RUNS runs, default 5), and
# then each tricolor RUNS times for tcbench's summary line (pause p50/p99/max,
# GC CPU, peak RSS, medians). Prints one table; ratios are to jemalloc and
# between the two trees, which is what to read on a noisy machine.
# Then the service loop (64 MiB live, 2 threads, 3 s), PAIRS (default 8)
# alternating runs of the two trees: medians and ranges of what the
# application felt (iterations/s, p99 and longest iteration, MMU at 10 and
# 100 ms) and of the library's longest stall and handshake p99.
set -euo pipefail
cd "$(dirname "$0")/.."
base=${1:?usage: scripts/bench-compare.sh BASE_REV [RUNS]}
RUNS=${2:-5}
PAIRS=${PAIRS:-8}
. scripts/setup.sh
tc_setup
rev=$(git rev-parse --short "$base")
tmp=$(mktemp -d)
trap 'git worktree remove --force "$tmp/base" >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
git worktree add --detach "$tmp/base" "$base" >/dev/null 2>&1
(cd "$tmp/base" && cmake --preset release >/dev/null && cmake --build --preset release -j "$(nproc)" >/dev/null)
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" >/dev/null
OLD=$tmp/base/build/release/workloads
NEW=build/release/workloads
configs=(
  "binary-trees|--workload binary-trees --size 18 --threads 1"
  "churn|--workload churn --size 64 --threads 2"
)
printf '%-14s %-10s %9s %8s %9s %9s %9s %8s %9s\n' workload tree wall_s vs_je vs_base p50_us p99_us max_us rss_mb
for c in "${configs[@]}"; do
  name=${c%%|*}
  args=${c#*|}
  # shellcheck disable=SC2086
  hyperfine -N --style none --warmup 1 --runs "$RUNS" --export-csv "$tmp/$name.csv" \
    -n base "$OLD/tcbench-tricolor $args" -n this "$NEW/tcbench-tricolor $args" \
    -n jemalloc "$NEW/tcbench-jemalloc $args" >/dev/null
  for tree in base this; do
    bin=$NEW
    [ $tree = base ] && bin=$OLD
    for _ in $(seq "$RUNS"); do
      # shellcheck disable=SC2086
      /usr/bin/time -f "rss_kb=%M" "$bin/tcbench-tricolor" $args 2>&1 >/dev/null | grep -E '^(tcbench:|rss_kb=)'
    done >"$tmp/$name-$tree.log"
  done
  python3 - "$tmp" "$name" "$rev" <<'PY'
import csv, statistics, sys
tmp, name, rev = sys.argv[1:]
wall = {r["command"]: float(r["median"]) for r in csv.DictReader(open(f"{tmp}/{name}.csv"))}
for tree in ("base", "this"):
    runs, rss = [], []
    for line in open(f"{tmp}/{name}-{tree}.log"):
        if line.startswith("tcbench:"):
            runs.append(dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv))
        elif line.startswith("rss_kb="):
            rss.append(int(line.split("=")[1]))
    med = lambda k: statistics.median(float(r[k]) for r in runs)
    label = f"{rev}" if tree == "base" else "this"
    print(f"{name:<14} {label:<10} {wall[tree]:9.3f} {wall[tree] / wall['jemalloc']:8.2f} "
          f"{wall[tree] / wall['base']:9.3f} {med('pause_p50_us'):9.1f} {med('pause_p99_us'):9.1f} "
          f"{med('pause_max_us'):8.1f} {statistics.median(rss) / 1024:9.1f}")
PY
done

for _ in $(seq "$PAIRS"); do
  for tree in base this; do
    bin=$NEW
    [ $tree = base ] && bin=$OLD
    echo "tree=$tree $("$bin/tcbench-tricolor" --workload service --size 64 --threads 2 --seconds 3 2>&1 | tr '\n' ' ')"
  done
done >"$tmp/service.log"
python3 - "$tmp/service.log" "$rev" <<'PY'
import re, statistics, sys
log, rev = sys.argv[1:]
keys = [("iter_per_s", "iterations/s"), ("p99_us", "p99 us"), ("max_us", "longest us"),
        ("app_mmu_10ms", "MMU 10 ms"), ("app_mmu_100ms", "MMU 100 ms"),
        ("stall_max_us", "stall max us"), ("pause_p99_us", "handshake p99 us")]
got = {"base": {k: [] for k, _ in keys}, "this": {k: [] for k, _ in keys}}
for line in open(log):
    tree = line.split()[0].split("=")[1]
    for k, _ in keys:
        m = re.search(r"(?<![a-z_])" + k + r"=([0-9.]+)", line)  # the first: the service line's own
        if m:
            got[tree][k].append(float(m.group(1)))
print(f"\nservice loop, 2 threads, 64 MiB, {len(got['this']['iter_per_s'])} alternating pairs: median [range]")
for k, label in keys:
    row = "  ".join(f"{(rev if t == 'base' else 'this'):>8} {statistics.median(v):10.3f} [{min(v):.3f}-{max(v):.3f}]"
                    for t, v in ((t, got[t][k]) for t in ("base", "this")) if v)
    print(f"{label:<18} {row}")
PY
