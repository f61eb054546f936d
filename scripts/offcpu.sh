#!/usr/bin/env bash
# scripts/offcpu.sh [TCBENCH ARGS...] — where a workload's mutators lose
# their CPU: every context switch of a mutator thread (perf's
# sched:sched_switch, with call chains), grouped by its state (S: it slept,
# on a lock or a wait; R: it was preempted) and the innermost frames of the
# program's own code, with the time until the thread ran again; then, for
# the preemptions (R), who held the mutator's CPU meanwhile: the
# collector's controller or a mark worker, another mutator, the benchmark's
# sampler, another process, or nobody (the CPU idle while the mutator
# waited in its queue).
# Default: the service loop, 64 MiB live, 2 threads, 2 s.
# Builds build/fp (Release with frame pointers) for the call chains. Needs
# perf and permission to trace scheduler events (perf_event_paranoid <= 1
# or root).
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -gt 0 ] || set -- --workload service --size 64 --threads 2 --seconds 2
if [ ! -d build/fp ]; then
  cmake -S . -B build/fp -DCMAKE_BUILD_TYPE=Release \
    -DCMAKE_C_FLAGS="-fno-omit-frame-pointer -mno-omit-leaf-frame-pointer" >/dev/null
fi
cmake --build build/fp -j"$(nproc)" --target tcbench-tricolor >/dev/null
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
perf record -q -e sched:sched_switch --call-graph=fp -o "$TMP/sw.data" \
  build/fp/workloads/tcbench-tricolor "$@" 2>&1 | grep -E '^(service|tcbench):' || true
perf script -i "$TMP/sw.data" -F tid,cpu,time,event,trace,ip,sym 2>/dev/null >"$TMP/sw.txt"
python3 - "$TMP/sw.txt" <<'PY'
import collections, re, sys
skip = ('__schedule', 'schedule', 'futex', '__futex', 'do_futex', '__x64', 'do_syscall', 'entry_SYSCALL',
        'rwsem', 'down_', '__GI___lll', 'lll', 'asm_', 'irqentry', '__irq', 'sysvec', '__sysvec',
        'hrtimer', 'clock_nanosleep', 'common_nsleep', '__GI___nanosleep', 'start_thread', 'clone')
ev, cur = [], None
pat = re.compile(r'\s*\d+\s+\[(\d+)\]\s+([\d.]+): sched:sched_switch: prev_comm=(\S+) prev_pid=(\d+) prev_prio=\d+ '
                 r'prev_state=(\S+) ==> next_comm=(\S+) next_pid=(\d+)')
comm = {0: 'idle'}
for line in open(sys.argv[1]):
    m = pat.match(line)
    if m:
        cur = {'cpu': int(m.group(1)), 't': float(m.group(2)), 'prev': int(m.group(4)), 'state': m.group(5)[0],
               'next': int(m.group(7)), 'stack': []}
        comm[cur['prev']], comm[cur['next']] = m.group(3), m.group(6)
        ev.append(cur)
    elif cur is not None and line.split()[1:]:
        cur['stack'].append(line.split()[1])
# Mutators: threads whose switches show a workload's own frames.
work = ('serve', 'churn_run', 'bottom_up', 'depth_worker', 'fifo_run', 'producer', 'consumer', 'run_thread',
        'largemix_thread')
mut = {e['prev'] for e in ev if any(f in work or f.endswith('_worker') for f in e['stack'])}
out, agg = {}, collections.defaultdict(list)
for e in ev:
    if e['next'] in out:
        t0, why = out.pop(e['next'])
        agg[why].append(e['t'] - t0)
    if e['prev'] in mut:
        frames = [f for f in e['stack'] if not f.startswith(skip)][:2]
        out[e['prev']] = (e['t'], (e['state'], ' < '.join(frames)))
span = (ev[-1]['t'] - ev[0]['t']) if ev else 0
tot = sorted(((sum(v), len(v), max(v), k) for k, v in agg.items()), reverse=True)
print(f"offcpu: mutators={len(mut)} traced_s={span:.2f} off_cpu_ms={sum(x[0] for x in tot) * 1e3:.1f}")
print("   total_ms  count   max_ms  state  where (innermost frames)")
for s, n, mx, (st, where) in tot[:12]:
    print(f"{s * 1e3:11.1f} {n:6d} {mx * 1e3:8.2f}  {st:5s}  {where}")
# Sleeps (S) past the first rows: a lock, a wait; each is a mutator waiting on someone.
rest = [x for x in tot[12:] if x[3][0] == 'S']
if rest:
    print("   and the other sleeps (S):")
    for s, n, mx, (st, where) in rest:
        print(f"{s * 1e3:11.1f} {n:6d} {mx * 1e3:8.2f}  {st:5s}  {where}")
# Who held the CPU a mutator was preempted from, until the mutator ran again.
role = {}
for e in ev:
    for f, r in (('controller_main', 'controller'), ('worker_main', 'mark worker'), ('sampler_main', 'sampler'),
                 ('fin_main', 'finalizer thread')):
        if f in e['stack']:
            role[e['prev']] = r
def who(tid):
    if tid == 0:
        return 'idle (nobody)'
    if tid in mut:
        return 'another mutator'
    return role.get(tid, 'other: ' + re.sub(r'[-/:]?\d+$', '', comm.get(tid, '?')))
runs, on = collections.defaultdict(list), {}
for e in ev:
    if e['cpu'] in on:
        tid, t0 = on[e['cpu']]
        runs[e['cpu']].append((t0, e['t'], tid))
    on[e['cpu']] = (e['next'], e['t'])
held, pre = collections.Counter(), {}
for e in ev:
    if e['next'] in pre:
        cpu, t0 = pre.pop(e['next'])
        for a, b, tid in runs[cpu]:
            lo, hi = max(a, t0), min(b, e['t'])
            if hi > lo:
                held[who(tid)] += hi - lo
    if e['prev'] in mut and e['state'] == 'R':
        pre[e['prev']] = (e['cpu'], e['t'])
if held:
    total = sum(held.values())
    print("   preempted: who held the mutator's CPU until it ran again")
    for k, v in held.most_common(8):
        print(f"{v * 1e3:11.1f} ms {v / total:6.1%}  {k}")
PY
