#!/bin/sh
# tests/trace_errors.sh TCBENCH — every malformed trace is refused with its
# file, line and what is wrong, exit status 2, and nothing replayed.
set -u
B=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail=0
expect() { # expect NAME 'TRACE TEXT' 'MESSAGE'
  printf "$2" >"$T/$1.trace"
  out=$("$B" --workload replay --trace "$T/$1.trace" 2>&1)
  rc=$?
  case "$out" in
  *"$T/$1.trace:$3"*) ;;
  *) echo "FAIL $1: expected '$3', got: $out"; fail=1 ;;
  esac
  [ $rc -eq 2 ] || { echo "FAIL $1: exit status $rc, expected 2"; fail=1; }
  case "$out" in *"records, "*) echo "FAIL $1: something was replayed"; fail=1 ;; esac
}
expect unknown   'a 1 10\nx 1\n'            '2: unknown record "x 1'
expect short     'a 1\n'                    '1: malformed record: expected "a ID SIZE"'
expect notnum    'a one 10\n'               '1: malformed record'
expect trailing  'a 1 10 zz\n'              '1: trailing text "zz'
expect zero      '# c\n\na 1 0\n'           '3: "a ID SIZE": SIZE 0 is not 1 byte to 1 GiB'
expect huge      'a 1 2000000000\n'         '1: "a ID SIZE": SIZE 2000000000 is not 1 byte to 1 GiB'
expect twice     'a 1 10\na 1 10\n'         '2: a 1: that ID is already live'
expect dead      'a 1 10\nf 1\nf 1\n'       '3: f 1: that ID is not live'
expect realloc   'r 4 5 10\n'               '1: r 4: OLD is not live'
expect bigid     'a 16777216 8\n'           '1: "a ID SIZE": an ID is 2^24 or more'
expect offset    'a 1 16\na 2 8\np 1 12 2\n' '3: p: OFFSET 12 is not an 8-aligned word inside the 16-byte object'
expect outside   'a 1 16\na 2 8\np 1 16 2\n' '3: p: OFFSET 16 is not an 8-aligned word'
expect target    'a 1 16\np 1 0 7\n'        '2: p: TARGET 7 is not live'
expect empty     '# nothing\n'              ' no records'
out=$("$B" --workload replay --trace "$T/missing.trace" 2>&1); [ $? -eq 2 ] && case "$out" in *"missing.trace: cannot open"*) ;; *) echo "FAIL missing: $out"; fail=1 ;; esac
out=$("$B" --workload replay 2>&1); [ $? -eq 2 ] && case "$out" in *"needs --trace FILE"*) ;; *) echo "FAIL no trace: $out"; fail=1 ;; esac
# A good trace with pointer stores and a realloc replays on this backend.
printf 'a 1 32\na 2 24\np 1 8 2\nr 2 3 100\np 1 0 3\np 1 8 -\nf 1\na 1 7\nf 3\n' >"$T/good.trace"
"$B" --workload replay --trace "$T/good.trace" --size 3 2>/dev/null | grep -q '9 records, .* ok' || { echo "FAIL good trace"; fail=1; }
exit $fail
