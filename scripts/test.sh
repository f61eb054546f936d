#!/usr/bin/env bash
# scripts/test.sh — set up (apt-get what is missing), then build and run the
# whole test suite in three builds: Release, ASan+UBSan, TSan; then run each
# libFuzzer target briefly (scripts/fuzz.sh, TC_FUZZ_SECONDS each, default 15);
# then model-check the marking protocol's smallest configuration and its
# quick mutants (scripts/model-check.sh ci; the suite runs the full check).
#   scripts/test.sh                 all of it
#   scripts/test.sh release fuzz    only the named parts (release, asan, tsan, fuzz, model)
set -euo pipefail
cd "$(dirname "$0")/.."
# Conservative stack scanning needs locals on the real stack, not ASan's fake one.
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_stack_use_after_return=0"
. scripts/setup.sh
tc_setup

builds=("$@")
((${#builds[@]})) || builds=(release asan tsan fuzz model)
jobs=$(nproc)
status=0
for b in "${builds[@]}"; do
  case "$b" in release|asan|tsan) ;; fuzz)
    echo "=== fuzzers, ${TC_FUZZ_SECONDS:-15} s each"
    scripts/fuzz.sh "${TC_FUZZ_SECONDS:-15}" || { status=1; echo "=== fuzz: FAILED"; }
    continue ;;
  model)
    echo "=== model check (ci)"
    scripts/model-check.sh ci || { status=1; echo "=== model: FAILED"; }
    continue ;;
  *) echo "test.sh: unknown part '$b' (release, asan, tsan, fuzz, model)" >&2; exit 2;; esac
  echo "=== build: $b"
  cmake --preset "$b" >/dev/null
  cmake --build --preset "$b" -j "$jobs"
  args=()
  # TSan costs ~10x: it runs every test but the heavy torture passes (those
  # run in the release and ASan builds); test_threads_torture_64 stays.
  [ "$b" = tsan ] && args=(-E 'test_reach_torture_|test_threads_torture_3$')
  if ! ctest --preset "$b" -j "$jobs" "${args[@]}"; then
    status=1
    echo "=== build $b: FAILED"
  fi
done
exit $status
