#!/usr/bin/env bash
# scripts/controller-runs.sh [TCBENCH ARGS...] — how long the collector's
# controller holds a CPU at a time: its on-CPU runs, switch-in to
# switch-out (perf's sched:sched_switch), as p50, p99, max and the count
# over 0.5 ms, beside the workload's own summary. On a machine whose
# mutators fill the CPUs, each run is a mutator kept off its CPU.
# Default: the service loop, 64 MiB live, 2 threads, 2 s.
# BIN=path runs another tcbench-tricolor (an older build, for an A/B); it
# must keep frame pointers, as build/fp's does (the controller is found by
# controller_main in its call chains).
# Needs perf and permission to trace scheduler events.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- --workload service --size 64 --threads 2 --seconds 2
if [ -z "${BIN:-}" ]; then
  if [ ! -d build/fp ]; then
    cmake -S . -B build/fp -DCMAKE_BUILD_TYPE=Release \
      -DCMAKE_C_FLAGS="-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer" >/dev/null
  fi
  cmake --build build/fp -j"$(nproc)" --target tcbench-tricolor >/dev/null
  BIN=build/fp/workloads/tcbench-tricolor
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
perf record -q -e sched:sched_switch --call-graph=fp -o "$TMP/sw.data" "$BIN" "$@" 2>&1 |
  grep -E '^(service|tcbench):' || true
perf script -i "$TMP/sw.data" -F tid,time,trace,ip,sym 2>/dev/null >"$TMP/sw.txt"
python3 - "$TMP/sw.txt" <<'PY'
import re, sys
events, cur = [], None
for line in open(sys.argv[1]):
    m = re.match(r'\s*(\d+)\s+([\d.]+):\s+(.*)', line)
    if m:
        cur = [int(m.group(1)), float(m.group(2)), m.group(3), []]
        events.append(cur)
    elif cur is not None and line.strip():
        cur[3].append(line.split()[-1])
ctl = {e[0] for e in events if 'controller_main' in e[3]}
since, runs = {}, []
for tid, t, trace, _ in events:
    m = re.search(r'prev_pid=(\d+).*next_pid=(\d+)', trace)
    if not m:
        continue
    prev, nxt = int(m.group(1)), int(m.group(2))
    if prev in ctl and prev in since:
        runs.append((t - since.pop(prev)) * 1e3)
    if nxt in ctl:
        since[nxt] = t
if not runs:
    sys.exit("controller-runs: no controller runs found (no frame pointers, or no permission to trace?)")
runs.sort()
q = lambda f: runs[min(len(runs) - 1, int(f * len(runs)))]
print(f"controller-runs: runs={len(runs)} p50_ms={q(.5):.3f} p99_ms={q(.99):.3f} max_ms={runs[-1]:.3f} "
      f"over_0.5ms={sum(r > 0.5 for r in runs)} on_cpu_ms={sum(runs):.0f}")
PY
