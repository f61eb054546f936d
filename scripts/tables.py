#!/usr/bin/env python3
"""scripts/tables.py — the markdown tables of results/README.md, made from
the CSVs the benchmark scripts write (results/*.csv). scripts/suite.sh runs
it into results/tables.md; prints to stdout."""
import csv
import os
import statistics

R = "results"


def rows(name):
    p = os.path.join(R, name)
    return list(csv.DictReader(open(p))) if os.path.exists(p) else []


def table(header, body):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    out += ["| " + " | ".join(str(c) for c in r) + " |" for r in body]
    return "\n".join(out) + "\n"


out = []
w = rows("workloads.csv")
if w:
    names = list(dict.fromkeys(r["workload"] for r in w))
    backends = list(dict.fromkeys(r["backend"] for r in w))
    get = {(r["workload"], r["backend"]): r for r in w}
    out.append("### Wall time, median, as a ratio to jemalloc (jemalloc's seconds in brackets)\n")
    out.append(table(["workload"] + backends, [
        [n] + [f"{get[n, b]['wall_vs_jemalloc']}" + (f" ({float(get[n, b]['wall_median_s']):.3f} s)" if b == "jemalloc" else "")
               for b in backends] for n in names]))
    out.append("\n### Peak RSS (GNU time), as a ratio to jemalloc (jemalloc's MiB in brackets)\n")
    out.append(table(["workload"] + backends, [
        [n] + [f"{get[n, b]['rss_vs_jemalloc']}" + (f" ({int(get[n, b]['peak_rss_kb']) / 1024:.0f} MiB)" if b == "jemalloc" else "")
               for b in backends] for n in names]))
    gcs = [b for b in backends if b in ("tricolor", "bdwgc", "go")]
    out.append("\n### Collections and stop-the-world pauses, p50 / p99 / max µs (cycles)\n")
    out.append(table(["workload"] + gcs, [
        [n] + [f"{float(get[n, b]['pause_p50_us']):.0f} / {float(get[n, b]['pause_p99_us']):.0f} / "
               f"{float(get[n, b]['pause_max_us']):.0f} ({get[n, b]['gc_cycles']})" for b in gcs] for n in names]))
    st = [b for b in gcs if all(get[n, b].get("stall_max_us") for n in names)]
    if st:
        out.append("\n### Stalls: every time a mutator could not run its own code because of the collector "
                   "(stops from the request on, assists, waits); p99 / max µs, and MMU at 1 / 10 / 100 ms\n")
        out.append(table(["workload"] + st, [
            [n] + [f"{float(get[n, b]['stall_p99_us']):.0f} / {float(get[n, b]['stall_max_us']):.0f}; "
                   f"{get[n, b]['mmu_1ms']} / {get[n, b]['mmu_10ms']} / {get[n, b]['mmu_100ms']}" for b in st]
            for n in names]))
    geo = {b: statistics.geometric_mean(float(get[n, b]["wall_vs_jemalloc"]) for n in names) for b in backends}
    out.append("\nGeometric mean of the wall-time ratios to jemalloc: " +
               ", ".join(f"{b} {geo[b]:.2f}" for b in backends) + ".\n")

a = rows("alloc-micro.csv")
if a:
    out.append("\n### Allocation microbenchmark, ns per object (median of interleaved rounds)\n")
    out.append(table(["size", "tricolor tier", "tc_alloc (inline)", "jemalloc", "jemalloc zeroed", "tier / jemalloc",
                      "tier / jemalloc zeroed", "tc_alloc / jemalloc", "zeroing floor", "floor / jemalloc"],
                     [[r["size"], r["tricolor_ns"], r.get("tc_alloc_ns", ""), r["jemalloc_ns"], r["je_zero_ns"],
                       r["ratio_vs_jemalloc"], r["ratio_vs_je_zero"], r.get("tc_alloc_vs_jemalloc", ""),
                       r.get("zero_floor_ns", ""), r.get("floor_vs_jemalloc", "")] for r in a]))

p = rows("pauses.csv")
if p:
    out.append("\n### Pauses beside Go (`scripts/bench-pauses.sh`), medians of runs, µs\n")
    out.append(table(["config", "tricolor p50 / p99 / max", "Go p50 / p99 / max", "wall tricolor / Go"], [
        [f"{t['workload']} {t['size']}, {t['threads']} thr",
         f"{t['pause_p50_us']} / {t['pause_p99_us']} / {t['pause_max_us']}",
         f"{g['pause_p50_us']} / {g['pause_p99_us']} / {g['pause_max_us']}",
         f"{float(t['wall_s']) / float(g['wall_s']):.2f}"]
        for t, g in zip(p[0::2], p[1::2])]))

s = rows("pacer-sweep.csv")
if s:
    out.append("\n### Pacer sweep (`scripts/bench-pacer.sh`), medians\n")
    out.append(table(["workload", "pacer", "GOGC", "limit", "wall s", "GC CPU", "peak heap MiB", "peak RSS MiB",
                      "cycles", "pause p99 µs", "overshoot p99"],
                     [[r["workload"], r["pacer"], r["gogc"], r["memlimit"], r["wall_s"], r["gc_cpu_frac"],
                       f"{int(r['peak_heap_kb']) / 1024:.0f}", f"{int(r['peak_rss_kb']) / 1024:.0f}", r["cycles"],
                       r["pause_p99_us"], r["overshoot_p99"]] for r in s]))
    out.append("\nGC CPU when GOGC doubles (no limit), as a ratio to the GOGC before it:\n\n")
    lines = []
    for wl in dict.fromkeys(r["workload"] for r in s):
        for pc in dict.fromkeys(r["pacer"] for r in s):
            seq = [r for r in s if r["workload"] == wl and r["pacer"] == pc and r["memlimit"] == "0" and r["gogc"] != "off"]
            ratios = [f"{a['gogc']}→{b['gogc']}: {float(b['gc_cpu_frac']) / float(a['gc_cpu_frac']):.2f}"
                      for a, b in zip(seq, seq[1:]) if float(a["gc_cpu_frac"]) > 0]
            lines.append(f"- {wl}, {pc}: " + ", ".join(ratios))
    out.append("\n".join(lines) + "\n")

lat = rows("latency.csv")
if lat:
    out.append("\n### The service loop, timed from the application (`scripts/bench-latency.sh`), 64 MiB live\n")
    out.append(table(["neighbour", "backend", "threads", "iterations/s", "p50 / p99 / p99.9 / max µs",
                      "app MMU 1 / 10 / 100 ms", "GC's max stall µs, MMU 10 ms", "peak RSS MB", "host steal ms"],
                     [[r["neighbour"], r["backend"], r["threads"], r["iter_per_s"],
                       f"{r['p50_us']} / {r['p99_us']} / {r['p999_us']} / {r['max_us']}",
                       f"{r['app_mmu_1ms']} / {r['app_mmu_10ms']} / {r['app_mmu_100ms']}",
                       f"{r['gc_stall_max_us']}, {r['gc_mmu_10ms']}" if r["gc_stall_max_us"] else "",
                       f"{int(r['peak_rss_kb']) / 1024:.0f}" if r.get("peak_rss_kb") else "",
                       r.get("steal_ms", "")] for r in lat]))
lb = rows("latency-binarytrees.csv")
if lb:
    out.append("\n### binary-trees 18 alone and beside a busy process, medians of 3 runs\n")
    out.append(table(list(lb[0].keys()), [list(r.values()) for r in lb]))

k = rows("soak.csv")
if k:
    out.append("\n### Soak (`scripts/soak.sh`)\n")
    out.append(table(list(k[0].keys()), [list(r.values()) for r in k]))

print("\n".join(out))
