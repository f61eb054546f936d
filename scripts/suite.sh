#!/usr/bin/env bash
# scripts/suite.sh [--full] — set up (apt-get what is missing), build the
# Release tree and Go's versions of the workloads, run every benchmark, write
# the figures under results/, the tables of results/README.md into
# results/tables.md, and draw the PNGs under results/plots/. About 50 minutes
# on 2 cores after the build (the real libgc clients, w3m and stalin, take
# about 15 of them, the model check about 22); --full runs more repetitions, larger heaps, every client.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
tc_setup_bench

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
mkdir -p results
B=build/release/workloads
start=$(date +%s)

echo "=== allocation microbenchmark (tricolor's allocator vs jemalloc)"
"$B/alloc_micro" --csv results/alloc-micro.csv

echo "=== throughput: the graph workloads beside Go and libgc, alternating rounds; the service loop; the marker"
scripts/bench-throughput.sh

echo "=== every workload on tricolor, jemalloc, glibc, libgc and Go"
scripts/bench-workloads.sh "$@"

echo "=== stop-the-world pauses: tricolor beside Go, and scaling with the live heap"
scripts/bench-pauses.sh "$@"

echo "=== latency from the application's side: the service loop, alone and beside a busy process"
scripts/bench-latency.sh "$@"

echo "=== finalizers and ephemerons beside libgc; what registrations cost a cycle"
scripts/bench-runtime.sh "$@"

echo "=== real libgc programs (w3m, stalin) on libgc and on tricolor's libgc.so.1"
scripts/bench-libgc.sh "$@"

echo "=== the pacer sweep: GOGC x policy x memory limit"
scripts/bench-pacer.sh "$@"

echo "=== the marking protocol, model-checked (the properties and every mutant; --full: the bitstate searches too)"
mc_mode=full
[ "${1:-}" = --full ] && mc_mode=big
{ echo "# scripts/model-check.sh $mc_mode at $(git rev-parse --short HEAD 2>/dev/null || echo '?'), $(date -u +%F), $(nproc) CPUs, $(spin -V | head -1)"
  scripts/model-check.sh "$mc_mode"; } | tee results/verify-handshake.txt ||
  echo "suite: the model check FAILED (results/verify-handshake.txt)"

scripts/plot
python3 scripts/tables.py >results/tables.md
echo "suite: done in $(($(date +%s) - start)) s; figures in results/, PNGs in results/plots/"
