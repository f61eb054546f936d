#!/usr/bin/env python3
"""trace_check.py FILE [MIN_CYCLES] — check a TRICOLOR_TRACE file the way
Perfetto would read it, offline: valid JSON in the Chrome Trace Event Format
(the fields each phase needs, with the right types), every track named,
timestamps monotonic per track in file order, complete slices nested per
track (no partial overlaps), and each cycle's phases present and in order
inside its cycle slice. Exit 1 with what was wrong."""
import json
import sys

PHASES = ["sweep (rest of last)", "barrier-on handshake", "mark", "termination and end handshakes", "sweep"]


def fail(msg):
    print("trace_check: " + msg)
    sys.exit(1)


def main():
    path = sys.argv[1]
    min_cycles = int(sys.argv[2]) if len(sys.argv) > 2 else 1
    try:
        with open(path) as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        fail("%s: not readable JSON: %s" % (path, e))
    if not isinstance(d, dict) or not isinstance(d.get("traceEvents"), list):
        fail("no traceEvents array")
    other = d.get("otherData", {})
    for k in ("ring_cap", "slices_lost"):
        if not isinstance(other.get(k), int):
            fail("otherData.%s missing" % k)
    named, last_ts, stacks, cycles = set(), {}, {}, []
    for i, e in enumerate(d["traceEvents"]):
        where = "event %d (%s)" % (i, e.get("name"))
        ph = e.get("ph")
        if ph not in ("M", "X", "i", "C") or not isinstance(e.get("pid"), int) or not isinstance(e.get("name"), str):
            fail(where + ": bad ph, pid or name")
        if ph == "M":
            if e["name"] == "thread_name":
                named.add(e["tid"])
            continue
        ts = e.get("ts")
        if not isinstance(ts, (int, float)) or ts < 0:
            fail(where + ": bad ts")
        if ph == "C":
            if not isinstance(e.get("args"), dict) or not all(isinstance(v, (int, float)) for v in e["args"].values()):
                fail(where + ": a counter needs numeric args")
            continue
        tid = e.get("tid")
        if not isinstance(tid, int):
            fail(where + ": no tid")
        if tid not in named:
            fail(where + ": track %d has no thread_name before it" % tid)
        if ts < last_ts.get(tid, 0):
            fail(where + ": ts %.3f goes back on track %d (last %.3f)" % (ts, tid, last_ts[tid]))
        last_ts[tid] = ts
        if ph == "i":
            if e.get("s") not in ("t", "p", "g") or not isinstance(e.get("args"), dict):
                fail(where + ": an instant needs s and args")
            continue
        dur = e.get("dur")
        if not isinstance(dur, (int, float)) or dur < 0:
            fail(where + ": bad dur")
        end = ts + dur
        st = stacks.setdefault(tid, [])
        while st and st[-1][1] <= ts + 0.0015:  # 1 ns resolution, and float sums
            st.pop()
        if st and end > st[-1][1] + 0.0015:  # the file's timestamps have 1 ns resolution
            fail(where + ": [%.3f, %.3f] overlaps [%.3f, %.3f] (%s) on track %d without nesting"
                 % (ts, end, st[-1][0], st[-1][1], st[-1][2], tid))
        if e["name"].startswith("cycle "):
            cycles.append([e["name"], ts, end, []])
        elif st and st[-1][2].startswith("cycle ") and cycles and cycles[-1][0] == st[-1][2]:
            cycles[-1][3].append(e["name"])
        st.append((ts, end, e["name"]))
    for name, ts, end, phases in cycles:
        if phases != PHASES:
            fail("%s: phases %s, expected %s in that order" % (name, phases, PHASES))
    if len(cycles) < min_cycles:
        fail("%d cycles, expected at least %d" % (len(cycles), min_cycles))
    if not any(t >= 100 for t in named):
        fail("no mutator track")
    print("trace_check: %s: %d events, %d cycles, %d tracks, %d slices lost: ok"
          % (path, len(d["traceEvents"]), len(cycles), len(named), other["slices_lost"]))


main()
