#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS] [NAME...] — build the libFuzzer targets (clang,
# ASan+UBSan, the "fuzz" preset) and run each for SECONDS (default 60):
#   fuzz_trace  the trace parser (workloads/trace/trace.c)
#   fuzz_env    TRICOLOR_GOGC, _MEMLIMIT, _PACER, _TORTURE, _VERIFY, _GCTRACE
#   fuzz_flags  tcbench's flag parser (workloads/tcbench/cli.c)
# Each starts from its seed corpus, fuzz/corpus/NAME (read-only here: new
# inputs go to build/fuzz/corpus/NAME). A crash, leak or sanitizer report
# fails the script, and the input that caused it is left in build/fuzz/.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
tc_need_pkgs cmake clang libclang-rt-dev zlib1g-dev make pkg-config
SECS=${1:-60}
shift || true
names=("$@")
((${#names[@]})) || names=(fuzz_trace fuzz_env fuzz_flags)
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)" --target "${names[@]}"
for n in "${names[@]}"; do
  work=build/fuzz/corpus/${n#fuzz_}
  mkdir -p "$work"
  echo "=== $n for ${SECS}s" >&2
  log=build/fuzz/$n.log
  rc=0
  (cd build/fuzz && "./fuzz/$n" -max_total_time="$SECS" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$n-" "corpus/${n#fuzz_}" "../../fuzz/corpus/${n#fuzz_}") >"$log" 2>&1 || rc=$?
  grep -E '^stat::(number_of_executed_units|new_units_added)|ERROR|SUMMARY|Test unit written' "$log" >&2 || true
  if [ "$rc" -ne 0 ]; then
    tail -30 "$log" >&2
    echo "fuzz: $n failed (exit $rc); the input is in build/fuzz/$n-*" >&2
    exit 1
  fi
done
