#!/usr/bin/env bash
# scripts/check-install.sh BUILD_DIR — install the package into a scratch
# prefix, then build a three-line program against it twice: with pkg-config,
# and with CMake's find_package(tricolor). Run by ctest (label: install).
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
cat > "$tmp/three.c" <<'C'
#include <tricolor.h>
int main(void) { tc_heap *h = tc_heap_create(NULL); tc_mutator *m = tc_mutator_attach(h);
  void *p = tc_alloc_noscan(m, 64); tc_collect(m); tc_mutator_detach(m); tc_heap_destroy(h); return p == NULL; }
C
export PKG_CONFIG_PATH="$tmp/prefix/lib/pkgconfig:$tmp/prefix/lib64/pkgconfig:$tmp/prefix/lib/x86_64-linux-gnu/pkgconfig"
libdir=$(pkg-config --variable=libdir tricolor)
cc "$tmp/three.c" -o "$tmp/three" $(pkg-config --cflags --libs tricolor) -Wl,-rpath,"$libdir"
"$tmp/three"
echo "pkg-config: ok"
mkdir -p "$tmp/cm"
cat > "$tmp/cm/CMakeLists.txt" <<'CM'
cmake_minimum_required(VERSION 3.20)
project(three C)
find_package(tricolor REQUIRED)
add_executable(three ../three.c)
target_link_libraries(three PRIVATE tricolor::tricolor)
CM
cmake -S "$tmp/cm" -B "$tmp/cm/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" >/dev/null
cmake --build "$tmp/cm/build" >/dev/null
LD_LIBRARY_PATH="$libdir" "$tmp/cm/build/three"
echo "find_package: ok"
