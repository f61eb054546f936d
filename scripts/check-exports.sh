#!/usr/bin/env bash
# scripts/check-exports.sh BUILD_DIR — what the installed libraries give an
# embedder's link, checked against the public header (run by ctest, label
# install):
#  - libtricolor.so exports exactly the functions include/tricolor.h marks
#    TC_API (nm -D --defined-only), nothing more and nothing less;
#  - every global symbol of libtricolor.a is public or carries the internal
#    prefix tc__, so a static link cannot clash with an embedder's names.
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
so=$(find "$tmp/prefix" -name 'libtricolor.so.*.*' | head -n1)
ar=$(find "$tmp/prefix" -name 'libtricolor.a' | head -n1)
hdr="$tmp/prefix/include"
[ -n "$so" ] && [ -n "$ar" ] || { echo "check-exports: libtricolor.so or .a not installed" >&2; exit 1; }
grep -hoE 'TC_API [^(]*\btc_[a-z0-9_]+\(' "$hdr/tricolor.h" "$hdr/tricolor/inline.h" |
  grep -oE 'tc_[a-z0-9_]+\($' | tr -d '(' | sort -u >"$tmp/api"
nm -D --defined-only "$so" | awk '{print $NF}' | grep -vE '^(_init|_fini|_edata|_end|__bss_start)$' |
  sort -u >"$tmp/exported"
status=0
if ! diff -u "$tmp/api" "$tmp/exported" >"$tmp/diff"; then
  echo "check-exports: $(basename "$so") exports differ from the TC_API functions of tricolor.h" >&2
  echo "  (+ exported but not public API, - public API but not exported):" >&2
  grep -E '^[+-][a-z_]' "$tmp/diff" | sed 's/^/  /' >&2
  status=1
fi
nm -g --defined-only "$ar" 2>/dev/null | awk 'NF == 3 {print $3}' | sort -u >"$tmp/static"
bad=$( (grep -vE '^tc_' "$tmp/static"; grep -E '^tc_[^_]' "$tmp/static" | comm -23 - "$tmp/api") || true)
if [ -n "$bad" ]; then
  echo "check-exports: $(basename "$ar") defines globals that are neither public API nor tc__-prefixed:" >&2
  echo "$bad" | sed 's/^/  /' >&2
  status=1
fi
[ $status = 0 ] && echo "check-exports: $(wc -l <"$tmp/api") public functions, nothing else exported"
exit $status
