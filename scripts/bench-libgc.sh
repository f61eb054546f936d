#!/usr/bin/env bash
# scripts/bench-libgc.sh [--full] — real libgc programs from Debian, run
# unmodified on libgc and on tricolor (libtricolor-gc through
# scripts/with-tricolor-gc), side by side:
#   w3m -dump   a generated 10 MB table page, and the largest HTML pages
#               shipped in Debian packages (every dump must be identical);
#   stalin      the Scheme compiler compiling its own benchmarks, as its
#               compile-stalin-benchmark script does (the C it writes must be
#               identical), then each compiled benchmark that links libgc
#               (its output must be identical);
#   neko        Debian's Neko VM (libneko2 links libgc) running
#               workloads/neko: binary trees (depth 18; --full 20), and
#               threads that allocate while the main thread waits in a lock
#               that calls no GC_* function (outputs must be identical).
# For each: wall time (hyperfine median of RUNS, both backends in one run),
# peak RSS (GNU time), collections and pauses: libgc's from GC_PRINT_STATS
# ("Complete collection took"), tricolor's from its pause histogram
# (TRICOLOR_GC_REPORT), each in a separate untimed run.
# Writes results/libgc-clients.csv; exits 1 if any output differs.
#   default: RUNS=3, 2 stalin benchmarks (boyer; earley, whose program links
#   libgc), 6 HTML pages; --full: RUNS=5, all
#   of them. STALIN_BENCHMARKS="boyer dfa" picks benchmarks; CLIENTS="stalin"
#   runs one client; MEASURE=0 only checks that every output is identical
#   (no timing; no CSV rows); a stalin compile that takes more than
#   STALIN_TIMEOUT seconds (default 600) on libgc is skipped, said so.
#   TRICOLOR_GC_LIBDIR picks the library (default build/release's).
#   INCREMENTAL=1 runs every case with GC_ENABLE_INCREMENTAL=1 on both
#   collectors (libgc's incremental mode; tricolor's mostly-concurrent mark,
#   gc/dirty.c) into results/libgc-clients-incremental.csv.
# Rows of the clients not run are kept from the CSV's last version.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
tc_need_pkgs stalin w3m neko hyperfine time libgc1
FULL=0
[ "${1:-}" = "--full" ] && FULL=1
RUNS=${RUNS:-$((FULL ? 5 : 3))}
RUN_TC="$PWD/scripts/with-tricolor-gc"
[ -e build/release/compat/lib/libgc.so.1 ] || { cmake --preset release >/dev/null && cmake --build --preset release -j "$(nproc)" --target tricolor_gc; }
export TRICOLOR_GC_LIBDIR="${TRICOLOR_GC_LIBDIR:-$PWD/build/release/compat/lib}"
CLIENTS=${CLIENTS:-w3m stalin neko}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=results/libgc-clients.csv
if [ "${INCREMENTAL:-0}" = 1 ]; then
  export GC_ENABLE_INCREMENTAL=1
  OUT=results/libgc-clients-incremental.csv
fi
mkdir -p results
CSV=$TMP/rows.csv
HEADER="client,case,backend,wall_median_s,wall_ratio_to_libgc,peak_rss_kb,rss_ratio_to_libgc,collections,pause_max_ms,pause_p99_ms,identical"
echo "$HEADER" >"$CSV"
# At exit: this run's rows, and the last version's rows of other clients.
merge_csv() {
  [ "${MEASURE:-1}" = 0 ] && return 0
  { echo "$HEADER"
    if [ -f "$OUT" ]; then
      awk -F, -v run=" $CLIENTS " 'NR > 1 && index(run, " " $1 " ") == 0' "$OUT"
    fi
    tail -n +2 "$CSV"; } >"$TMP/merged.csv"
  mv "$TMP/merged.csv" "$OUT"
}
differ=0

# libgc's pauses: "Complete collection took A ms B ns" per collection; in
# incremental mode, each stop ("World-stopped marking took A ms B ns"; it
# counts the stops, not the collections).
libgc_pauses() { # stderr file -> "count max_ms p99_ms"
  local what='Complete collection'
  [ "${INCREMENTAL:-0}" = 1 ] && [ -z "${LG_ENV:-}" ] && what='World-stopped marking'
  grep -oE "$what took [0-9]+ ms [0-9]+ ns" "$1" | awk '{print $(NF - 3) + $(NF - 1) / 1e6}' | sort -g |
    awk '{v[NR] = $1} END {if (NR == 0) {print "0 0 0"; exit}
         i = int(0.99 * NR + 0.999); if (i < 1) i = 1; printf "%d %.3f %.3f\n", NR, v[NR], v[i]}'
}
tc_pauses() { # report file -> "count max_ms p99_ms"
  awk '{for (i = 1; i <= NF; i++) {split($i, kv, "="); f[kv[1]] = kv[2]}}
       END {printf "%d %.3f %.3f\n", f["cycles"], f["pause_max_us"] / 1e3, f["pause_p99_us"] / 1e3}' "$1"
}

# measure CLIENT CASE DIR CMD... : both backends, one row each.
measure() {
  if [ "${MEASURE:-1}" = 0 ]; then printf '%-8s %-28s identical: %s\n' "$1" "$2" "$IDENT"; return 0; fi
  local client=$1 case=$2 dir=$3
  shift 3
  local cmd="$*"
  local lgcmd="env ${LG_ENV:-} $cmd" # LG_ENV: what the libgc side changes in the environment (env's options)
  (cd "$dir" && hyperfine -N --style basic --warmup 1 --runs "$RUNS" --export-csv "$TMP/h.csv" \
    -n libgc "$lgcmd" -n tricolor "$RUN_TC $cmd" >"$TMP/h.txt" 2>&1) || { echo "hyperfine failed: $cmd" >&2; cat "$TMP/h.txt" >&2; return 1; }
  local lg tc
  lg=$(awk -F, '$1 == "libgc" {print $4}' "$TMP/h.csv")
  tc=$(awk -F, '$1 == "tricolor" {print $4}' "$TMP/h.csv")
  local rl rt
  rl=$( (cd "$dir" && /usr/bin/time -f "rss=%M" $lgcmd >/dev/null 2>"$TMP/t.err"); grep -oE '^rss=[0-9]+' "$TMP/t.err" | cut -d= -f2)
  rt=$( (cd "$dir" && /usr/bin/time -f "rss=%M" $RUN_TC $cmd >/dev/null 2>"$TMP/t.err"); grep -oE '^rss=[0-9]+' "$TMP/t.err" | cut -d= -f2)
  (cd "$dir" && GC_PRINT_STATS=1 $lgcmd >/dev/null 2>"$TMP/lg.err") || true
  rm -f "$TMP/rep"
  (cd "$dir" && TRICOLOR_GC_REPORT="$TMP/rep" $RUN_TC $cmd >/dev/null 2>/dev/null) || true
  read -r lc lmax lp99 < <(libgc_pauses "$TMP/lg.err")
  read -r tcn tmax tp99 < <(tc_pauses "$TMP/rep")
  echo "$client,$case,libgc,$lg,1.00,$rl,1.00,$lc,$lmax,$lp99,$IDENT" >>"$CSV"
  echo "$client,$case,tricolor,$tc,$(awk -v a="$tc" -v b="$lg" 'BEGIN {printf "%.2f", a / b}'),$rt,$(awk -v a="$rt" -v b="$rl" 'BEGIN {printf "%.2f", a / b}'),$tcn,$tmax,$tp99,$IDENT" >>"$CSV"
  printf '%-8s %-28s wall %6.3f s vs %6.3f s (%.2fx)  rss %7d vs %7d KB  pauses max %7.2f vs %7.2f ms  %s\n' \
    "$client" "$case" "$tc" "$lg" "$(awk -v a="$tc" -v b="$lg" 'BEGIN {print a / b}')" "$rt" "$rl" "$tmax" "$lmax" "$IDENT"
}

# same OUT1 OUT2: sets IDENT, counts differences.
same() { if cmp -s "$1" "$2"; then IDENT=yes; else IDENT=NO; differ=1; fi; }

case " $CLIENTS " in *" w3m "*)
echo "=== w3m -dump (tricolor vs libgc)"
W=$TMP/w3m
mkdir -p "$W"
python3 - "$W/table.html" <<'EOF'
import sys
# About 10 MB: 900 tables of 100 rows (one 90,000-row table would take w3m's
# table layout minutes on either collector).
out = ["<html><head><title>tables</title></head><body><h1>Generated tables</h1>"]
i = 0
for t in range(900):
    out.append("<h2>Table %d</h2><table border=1>" % t)
    for r in range(100):
        out.append("<tr><td>%d</td><td><a href=\"#r%d\">row %d</a></td><td>%s</td><td>%.3f</td></tr>"
                   % (i, i, i, "cell " * (i % 7 + 1), i / 7))
        i += 1
    out.append("</table>")
out.append("</body></html>\n")
open(sys.argv[1], "w").write("\n".join(out))
EOF
pages=("$W/table.html")
npages=$((FULL ? 20 : 5))
while IFS= read -r p; do pages+=("$p"); done < <(find /usr/share/doc -name '*.html' -size +100k 2>/dev/null | xargs -r ls -S | head -n "$npages")
for p in "${pages[@]}"; do
  w3m -dump "$p" >"$TMP/a" 2>/dev/null
  "$RUN_TC" w3m -dump "$p" >"$TMP/b" 2>/dev/null
  same "$TMP/a" "$TMP/b"
  measure w3m "$(basename "$p") ($(($(stat -c %s "$p") / 1024)) KiB)" "$W" w3m -dump "$p"
done

;; esac

case " $CLIENTS " in *" stalin "*)
echo "=== stalin: compiling its benchmarks, then running them (tricolor vs libgc)"
S=$TMP/stalin
mkdir -p "$S"
BD=/usr/share/doc/stalin/benchmarks
cp "$BD/stalin.sed" "$S/"
all=$(cd "$BD" && ls ./*.sc.gz | sed 's|^\./||; s|\.sc\.gz$||' | grep -v -- '-to-latex')
if [ -n "${STALIN_BENCHMARKS:-}" ]; then list=$STALIN_BENCHMARKS
elif [ "$FULL" = 1 ]; then list=$all
else list="boyer earley"; fi
ulimit -s unlimited
SO="-Ob -Om -On -Or -Ot -k -copt -O2"
for b in $list; do
  zcat "$BD/$b.sc.gz" >"$S/$b.sc"
  sed -f "$S/stalin.sed" "$S/$b.sc" >"$S/$b-stalin.sc"
  if ! (cd "$S" && timeout "${STALIN_TIMEOUT:-600}" stalin $SO "$b-stalin" >"$TMP/c1.out" 2>&1); then
    echo "stalin     $b: does not compile on libgc within ${STALIN_TIMEOUT:-600} s; skipped"
    continue
  fi
  mv "$S/$b-stalin.c" "$S/$b.libgc.c"
  mv "$S/$b-stalin" "$S/$b.libgc"
  if ! (cd "$S" && "$RUN_TC" stalin $SO "$b-stalin" >"$TMP/c2.out" 2>&1); then
    echo "stalin     $b: compiles on libgc but NOT on tricolor"
    differ=1
    continue
  fi
  same "$S/$b.libgc.c" "$S/$b-stalin.c"
  measure stalin "compile $b" "$S" stalin $SO "$b-stalin"
  if ldd "$S/$b-stalin" | grep -q 'libgc\.so'; then
    (cd "$S" && timeout 300 "./$b.libgc" >"$TMP/r1" 2>&1) || { echo "stalin     $b: the program fails on libgc; not compared"; continue; }
    (cd "$S" && timeout 300 "$RUN_TC" "./$b-stalin" >"$TMP/r2" 2>&1) || true
    same "$TMP/r1" "$TMP/r2"
    measure stalin "run $b" "$S" "./$b-stalin"
  else
    echo "stalin     $b: the compiled program does not link libgc (stalin's regions); compiler only"
  fi
done

;; esac

case " $CLIENTS " in *" neko "*)
echo "=== neko: binary trees and threads (tricolor vs libgc)"
N=$TMP/neko
mkdir -p "$N"
cp workloads/neko/*.neko "$N/"
(cd "$N" && nekoc trees.neko && nekoc threads.neko) >/dev/null
depth=$((FULL ? 20 : 18))
for c in "trees $depth" "threads 2" "threads 4"; do
  if ! (cd "$N" && timeout 600 neko $c >"$TMP/a" 2>&1); then
    # Neko crashes in libgc's incremental mode (SIGSEGV): then the baseline
    # is libgc marking still, and the case's name says so.
    # (libgc reads any value of the variable, 0 too, as on.)
    if [ -n "${GC_ENABLE_INCREMENTAL:-}" ] && (cd "$N" && env -u GC_ENABLE_INCREMENTAL timeout 600 neko $c >"$TMP/a" 2>&1); then
      echo "neko       $c: crashes in libgc's incremental mode; compared with libgc marking still"
      (cd "$N" && timeout 600 "$RUN_TC" neko $c >"$TMP/b" 2>&1) || true
      same "$TMP/a" "$TMP/b"
      LG_ENV="-u GC_ENABLE_INCREMENTAL" measure neko "$c (libgc still)" "$N" neko $c
      continue
    fi
    echo "neko       $c: fails on libgc; not compared"
    continue
  fi
  (cd "$N" && timeout 600 "$RUN_TC" neko $c >"$TMP/b" 2>&1) || true
  same "$TMP/a" "$TMP/b"
  measure neko "$c" "$N" neko $c
done
;; esac

echo "=== geometric means over the cases above (tricolor / libgc${GC_ENABLE_INCREMENTAL:+, both incremental})"
awk -F, '$3 == "tricolor" {w += log($5); r += log($7); n++} END {if (n) printf "wall %.3f  peak RSS %.3f  over %d cases\n", exp(w / n), exp(r / n), n}' "$CSV"
merge_csv
echo "wrote $OUT"
[ "$differ" = 0 ] || { echo "bench-libgc: some output DIFFERED between libgc and tricolor (see identical=NO in $CSV)" >&2; exit 1; }
