#!/usr/bin/env python3
"""scripts/trace-compact.py RAW OUT.gz DESCRIPTION — turn a raw recording of
workloads/trace/recorder/tcrecord.so (records with addresses) into the replayable
trace format of workloads/trace/replay.c: every address becomes a small ID (IDs of
dead objects are reused, so IDs stay below the peak live count), frees of
memory allocated before recording started are dropped, a zero-byte request
becomes one byte, and an address allocated again without a recorded free
(a race between threads in the recorded program) gets its free first.
Prints a one-line summary."""
import gzip
import sys

raw, out, desc = sys.argv[1], sys.argv[2], sys.argv[3]
live, free_ids, next_id = {}, [], 0
counts = {"a": 0, "f": 0, "r": 0, "dropped": 0}
peak = 0
lines = []


def new_id():
    global next_id
    if free_ids:
        return free_ids.pop()
    next_id += 1
    return next_id - 1


def kill(addr):
    i = live.pop(addr)
    free_ids.append(i)
    return i


for line in open(raw):
    f = line.split()
    if not f:
        continue
    k = f[0]
    if k == "a" and len(f) == 3:
        if f[1] in live:
            lines.append(f"f {kill(f[1])}")
            counts["f"] += 1
        i = new_id()
        live[f[1]] = i
        lines.append(f"a {i} {max(1, int(f[2]))}")
        counts["a"] += 1
    elif k == "f" and len(f) == 2:
        if f[1] in live:
            lines.append(f"f {kill(f[1])}")
            counts["f"] += 1
        else:
            counts["dropped"] += 1
    elif k == "r" and len(f) == 4:
        old, new, size = f[1], f[2], max(1, int(f[3]))
        if old not in live:
            if new in live:
                lines.append(f"f {kill(new)}")
            i = new_id()
            live[new] = i
            lines.append(f"a {i} {size}")
            counts["a"] += 1
            continue
        if new != old and new in live:
            lines.append(f"f {kill(new)}")
        oid = live.pop(old)
        nid = oid if new == old else new_id()
        live[new] = nid
        if nid != oid:
            free_ids.append(oid)
        lines.append(f"r {oid} {nid} {size}")
        counts["r"] += 1
    else:
        sys.exit(f"trace-compact: {raw}: malformed raw record: {line.strip()!r}")
    peak = max(peak, len(live))

with gzip.open(out, "wt", compresslevel=9) as g:
    g.write(f"# tricolor allocation trace: {desc}\n")
    g.write(f"# {counts['a']} allocations, {counts['r']} reallocs, {counts['f']} frees, "
            f"{len(live)} live at the end, peak {peak} live; recorded by scripts/record-traces.sh\n")
    g.write("\n".join(lines))
    g.write("\n")
print(f"{out}: {len(lines)} records ({counts['a']} a, {counts['r']} r, {counts['f']} f; "
      f"{counts['dropped']} frees of unrecorded memory dropped), peak {peak} live, {len(live)} left")
