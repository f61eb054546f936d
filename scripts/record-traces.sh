#!/usr/bin/env bash
# scripts/record-traces.sh — record the shipped allocation traces again, with
# the LD_PRELOAD recorder (workloads/trace/recorder/tcrecord.so), from three real
# programs from Debian's packages, and compact them into workloads/trace/traces/:
#   sqlite3.trace.gz   sqlite3 (database): a 100,000-row table in a 64 MiB page cache, an index,
#                      grouped and joined queries, deletes, a vacuum
#   gcc.trace.gz       gcc -O2 (compiler): cc1 compiling gc/gc.c
#   python3.trace.gz   python3 (scripting language, PYTHONMALLOC=malloc so
#                      every object goes through malloc): scripts/
#                      trace-compact.py compacting the gcc recording
# Each is capped at TCRECORD_MAX raw records (default 1,500,000) so the
# compressed trace stays under 5 MiB.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/setup.sh
tc_setup
tc_need_pkgs sqlite3 gcc python3
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)" --target tcrecord
SO=$PWD/build/release/workloads/tcrecord.so
export TCRECORD_MAX=${TCRECORD_MAX:-1500000}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
OUT=workloads/trace/traces

# The raw file of the process that recorded the most (gcc's cc1, not the driver).
largest() { ls -S "$TMP/$1".* | head -1; }

cat >"$TMP/db.sql" <<'SQL'
pragma cache_size = -65536;
create table item(id integer primary key, name text, price real, tag text);
begin;
with recursive n(i) as (select 1 union all select i + 1 from n where i < 100000)
insert into item select i, 'item-' || i || '-' || hex(randomblob(8)), (i * 37 % 1000) / 10.0, 'tag' || (i % 97) from n;
commit;
create index item_tag on item(tag);
select tag, count(*), avg(price) from item group by tag order by 3 desc limit 5;
select a.name, b.name from item a join item b on a.tag = b.tag and a.id < b.id where a.id < 300 limit 5;
delete from item where id % 3 = 0;
update item set name = upper(name) where price > 50;
vacuum;
select count(*), sum(length(name)) from item;
SQL
TCRECORD_OUT="$TMP/sqlite3" LD_PRELOAD=$SO /usr/bin/sqlite3 "$TMP/db.sqlite" <"$TMP/db.sql" >/dev/null
/usr/bin/python3 scripts/trace-compact.py "$(largest sqlite3)" $OUT/sqlite3.trace.gz \
  "sqlite3 $(/usr/bin/sqlite3 --version | cut -d' ' -f1): 100,000-row table in a 64 MiB page cache, index, group/join queries, delete, update, vacuum"

TCRECORD_OUT="$TMP/gcc" LD_PRELOAD=$SO /usr/bin/gcc -O2 -Iinclude -Ialloc -Igc -Ibarrier -c gc/gc.c -o "$TMP/gc.o"
/usr/bin/python3 scripts/trace-compact.py "$(largest gcc)" $OUT/gcc.trace.gz \
  "gcc $(/usr/bin/gcc -dumpfullversion) -O2 -c gc/gc.c (cc1)"

PYTHONMALLOC=malloc TCRECORD_OUT="$TMP/python3" LD_PRELOAD=$SO \
  /usr/bin/python3 scripts/trace-compact.py "$(largest gcc)" "$TMP/scratch.gz" "scratch" >/dev/null
/usr/bin/python3 scripts/trace-compact.py "$(largest python3)" $OUT/python3.trace.gz \
  "python3 $(/usr/bin/python3 -c 'import platform; print(platform.python_version())') (PYTHONMALLOC=malloc): scripts/trace-compact.py on the gcc recording"

ls -l $OUT/*.trace.gz
for f in $OUT/*.trace.gz; do
  [ "$(stat -c %s "$f")" -lt $((5 << 20)) ] || { echo "record-traces: $f is 5 MiB or more" >&2; exit 1; }
done
