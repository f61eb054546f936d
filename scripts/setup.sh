#!/usr/bin/env bash
# scripts/setup.sh — install what the build, tests and suite need, on Debian,
# with apt-get, only when something is missing. Sourced by test.sh and suite.sh.
set -euo pipefail

tc_need_pkgs() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "setup: installing ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
}

tc_setup() {
  tc_need_pkgs cmake gcc make pkg-config libcmocka-dev libjemalloc-dev libgc-dev \
    hyperfine gnuplot-nox time python3 zlib1g-dev spin
}

# The benchmarks need Go as well, for the Go baselines.
tc_setup_bench() {
  tc_setup
  tc_need_pkgs golang-go
}

# The machine's hypervisor steal so far, in ms (/proc/stat's eighth field,
# all CPUs; 0 where it cannot be read). A benchmark reads it before and after
# each run: a stolen vCPU stops its threads with no context switch, a stall
# that no backend's own figures explain (tcbench's steal_ms is the same
# reading, for runs outside these scripts).
tc_steal_ms() {
  awk -v hz="$(getconf CLK_TCK)" '/^cpu / { printf "%d\n", $9 * 1000 / hz; found = 1 } END { if (!found) print 0 }' \
    /proc/stat 2>/dev/null || echo 0
}
