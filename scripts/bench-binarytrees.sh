#!/usr/bin/env bash
# scripts/bench-binarytrees.sh — binary-trees on every backend, side by side:
# hyperfine for wall time (warm-up, RUNS runs, medians), then RSS_RUNS runs
# each under GNU time for peak RSS and tcbench's own summary line (GC cycles,
# pause quantiles). Writes results/binary-trees.csv and prints it.
#   DEPTH (18)  RUNS (5)  RSS_RUNS (3)  THREADS (1)
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/release/workloads
DEPTH=${DEPTH:-18}
RUNS=${RUNS:-5}
RSS_RUNS=${RSS_RUNS:-3}
THREADS=${THREADS:-1}
OUT=results
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
backends=(tricolor jemalloc glibc bdwgc)

cmds=()
for b in "${backends[@]}"; do
  cmds+=(-n "$b" "$B/tcbench-$b --workload binary-trees --size $DEPTH --threads $THREADS")
done
hyperfine --warmup 1 --runs "$RUNS" --export-csv "$TMP/hyperfine.csv" "${cmds[@]}"
cp "$TMP/hyperfine.csv" "$OUT/binary-trees-hyperfine.csv"

for b in "${backends[@]}"; do
  for i in $(seq "$RSS_RUNS"); do
    /usr/bin/time -f "rss_kb=%M" "$B/tcbench-$b" --workload binary-trees --size "$DEPTH" --threads "$THREADS" \
      >/dev/null 2>>"$TMP/$b.log"
  done
done

python3 - "$TMP" "$OUT/binary-trees.csv" "${backends[@]}" <<'PY'
import csv, statistics, sys
tmp, out, backends = sys.argv[1], sys.argv[2], sys.argv[3:]
wall = {r["command"]: float(r["median"]) for r in csv.DictReader(open(f"{tmp}/hyperfine.csv"))}
rows = []
for b in backends:
    runs, rss = [], []
    for line in open(f"{tmp}/{b}.log"):
        if line.startswith("tcbench:"):
            runs.append(dict(kv.split("=", 1) for kv in line.split()[1:] if "=" in kv))
        elif line.startswith("rss_kb="):
            rss.append(int(line.split("=")[1]))
    med = lambda k: statistics.median(float(r[k]) for r in runs)
    rows.append({"backend": b, "wall_median_s": f"{wall[b]:.4f}",
                 "wall_vs_jemalloc": f"{wall[b] / wall['jemalloc']:.2f}",
                 "peak_rss_kb": int(statistics.median(rss)),
                 "rss_vs_jemalloc": "",
                 "gc_cycles": int(med("cycles")), "pause_p50_us": f"{med('pause_p50_us'):.1f}",
                 "pause_p99_us": f"{med('pause_p99_us'):.1f}", "pause_max_us": f"{med('pause_max_us'):.1f}",
                 "gc_cpu_frac": f"{med('gc_cpu_frac'):.3f}"})
je = next(r for r in rows if r["backend"] == "jemalloc")["peak_rss_kb"]
for r in rows:
    r["rss_vs_jemalloc"] = f"{r['peak_rss_kb'] / je:.2f}"
with open(out, "w", newline="") as f:
    w = csv.DictWriter(f, fieldnames=list(rows[0]))
    w.writeheader()
    w.writerows(rows)
print(open(out).read())
PY
