#!/usr/bin/env bash
# scripts/check-install.sh BUILD_DIR — install the package into a scratch
# prefix, then build a three-line program against it twice: with pkg-config,
# and with CMake's find_package(tricolor); then a program that allocates
# through the installed header's inline tc_alloc and tc_alloc_noscan, built
# with -O2: it must call neither (the fast paths are in its own code), its
# noscan objects must come zeroed though their slots were dirtied before,
# its list must come back whole across collections, and almost every allocation must have taken
# the inline path (heap.alloc.slowpath; a TC_DEBUG library takes the library
# path every time, so there it must be every one). Run by ctest (label: install).
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

cat > "$tmp/inline.c" <<'C'
#include <stdio.h>
#include <string.h>
#include <tricolor.h>
typedef struct node { struct node *next; long val; } node;
static const size_t offs[] = {0};
static const tc_type node_t = {"node", sizeof(node), offs, 1, NULL};
int main(int argc, char **argv)
{
	int debug = argc > 1;
	tc_heap *h = tc_heap_create(NULL);
	tc_mutator *m = tc_mutator_attach(h);
	node *head = NULL;
	tc_roots_push(m, (void **)&head, 1);
	const long n = 300000;
	for (long i = 0; i < n; i++) {
		node *p = tc_alloc(m, &node_t);
		if (p == NULL || p->next != NULL || p->val != 0)
			return fprintf(stderr, "object %ld: not zeroed\n", i), 1;
		p->val = i;
		if (i & 1)
			tc_write_init(m, (void **)&p->next, head); /* p is fresh, its slot NULL: the initialising store */
		else
			tc_write(m, (void **)&p->next, head);
		head = p;
		size_t nb = 1 + (size_t)i % 128; /* garbage bytes, inline too; dirtied, so a reused slot must be zeroed */
		unsigned char *b = tc_alloc_noscan(m, nb);
		for (size_t k = 0; b != NULL && k < nb; k++)
			if (b[k] != 0)
				return fprintf(stderr, "noscan object %ld: not zeroed\n", i), 1;
		if (b == NULL)
			return fprintf(stderr, "noscan object %ld: NULL\n", i), 1;
		memset(b, 0xab, nb);
		if (i % 100000 == 0)
			tc_collect(m);
	}
	tc_collect(m);
	long k = n;
	for (node *p = head; p != NULL; p = p->next)
		if (p->val != --k)
			return fprintf(stderr, "list broken at %ld\n", k), 1;
	tc_roots_pop(m);
	tc_mutator_detach(m);
	tc_metric ms[2] = {{"heap.alloc.objects", 0}, {"heap.alloc.slowpath", 0}};
	tc_metrics_read(h, ms, 2);
	tc_heap_destroy(h);
	printf("inline: %llu objects, %llu by the library\n", (unsigned long long)ms[0].value,
	       (unsigned long long)ms[1].value);
	if (k != 0 || ms[0].value != 2 * (unsigned long long)n)
		return fprintf(stderr, "lost objects\n"), 1;
	return debug ? ms[1].value != ms[0].value : ms[1].value * 32 > ms[0].value;
}
C
cc -O2 "$tmp/inline.c" -o "$tmp/inline" $(pkg-config --cflags --libs tricolor) -Wl,-rpath,"$libdir"
for f in tc_alloc tc_alloc_noscan; do
	if nm -u "$tmp/inline" | grep -qw $f; then
		echo "inline: the program calls $f: the fast path was not inlined" >&2
		exit 1
	fi
done
debug=
if grep -q "TC_DEBUG" "$build/CMakeCache.txt" && grep -q "^TC_DEBUG:BOOL=ON" "$build/CMakeCache.txt"; then
	debug=1
fi
"$tmp/inline" $debug
echo "inline tc_alloc: ok"
