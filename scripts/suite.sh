#!/usr/bin/env bash
# scripts/suite.sh — set up (apt-get what is missing), build the Release tree,
# run every benchmark that exists and write its figures under results/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
tc_setup

cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
mkdir -p results
B=build/release/workloads

echo "=== allocation microbenchmark (tricolor allocator vs jemalloc)"
"$B/alloc_micro" --csv results/alloc-micro.csv

echo "=== binary-trees (depth ${DEPTH:-18}) on tricolor, jemalloc, glibc, bdwgc"
scripts/bench-binarytrees.sh

echo "=== stop-the-world pauses: tricolor beside Go, and scaling with the live heap"
tc_need_pkgs golang-go
scripts/bench-pauses.sh "$@"
