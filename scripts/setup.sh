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
