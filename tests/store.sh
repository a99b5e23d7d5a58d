#!/bin/sh
# store.sh: end-to-end tests of `sitrep ingest`, `figures` and `report` on real reports:
# the seed timeline and conflict, idempotent re-ingest, near-duplicates, crash safety
# (kill -9 mid-ingest, then the same command again), and databases that are locked,
# read-only, full or not sitrep's. Usage: tests/store.sh PATH-TO-SITREP.
# Ends with "N passed, N failed".
set -u
SITREP=${1:-build/sitrep}
SHARED=${SITREP_SHARED:-../shared}
SEEDS=$SHARED/corpus/seeds/seeds.jsonl
BBC=$SHARED/corpus/bbc.jsonl.gz
T=$(mktemp -d)
trap 'chmod -R u+w "$T"; rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL store: $*" >&2; }
check() { # check NAME CONDITION-CMD...
    name=$1
    shift
    if "$@"; then ok; else bad "$name"; fi
}
run() { # run NAME EXPECTED-EXIT CMD...: stdout in $T/out, stderr in $T/err
    name=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" -eq "$want" ] && return 0
    bad "$name: exit $got, expected $want; stderr: $(head -c 300 "$T/err")"
    return 1
}
one_line_err() { # the error is one line that names the file
    [ "$(wc -l <"$T/err")" -eq 1 ] && grep -q -- "$1" "$T/err"
}
q() { sqlite3 "$1" "$2"; }

[ -r "$SEEDS" ] && [ -r "$BBC" ] || { echo "store: shared corpus missing under $SHARED"; echo "0 passed, 1 failed"; exit 1; }
command -v sqlite3 >/dev/null || { echo "store: sqlite3 missing (scripts/install-deps)"; echo "0 passed, 1 failed"; exit 1; }

# --- the seeds: stored once, reconciled, reported ---------------------------------------
DB=$T/seeds.db
run ingest 0 "$SITREP" ingest --db "$DB" "$SEEDS" &&
    check "ingest quiet on a non-terminal stderr" [ ! -s "$T/err" ] &&
    check "ingest summary" grep -q "5 documents stored" "$T/out"
check "documents" [ "$(q "$DB" 'select count(*) from documents')" = 5 ]
claims=$(q "$DB" 'select count(*) from claims')
check "claims stored ($claims)" [ "$claims" -gt 50 ]
run re-ingest 0 "$SITREP" ingest --db "$DB" "$SEEDS" &&
    check "re-ingest stores nothing" grep -q "0 documents stored (5 already there" "$T/out"
check "still 5 documents" [ "$(q "$DB" 'select count(*) from documents')" = 5 ]
check "claims unchanged" [ "$(q "$DB" 'select count(*) from claims')" = "$claims" ]
# provenance: a stored claim's offsets point at its figure in the stored text
check "claim offsets" [ "$(q "$DB" "select count(*) from claims c join documents d on d.id = c.doc
    where cast(substr(cast(d.text as blob), c.start + 1, c.\"end\" - c.start) as text) != c.quantity")" = 0 ]

run figures 0 "$SITREP" figures --db "$DB" && {
    # the deployment: one figure of North Korean soldiers in Russia, from 1,500 to 11,000
    grep '"actor":"PRKMIL"' "$T/out" | grep '"place":{"id":"iso3166:RUS"' >"$T/troops"
    check "one deployment figure" [ "$(grep -c '' "$T/troops")" = 1 ]
    for v in '"quantity":"1,500"' '"quantity":"3,000"' '"quantity":"More than 10,000"' \
        '"quantity":"at least 10,000"' '"quantity":"about 12,000"' '"quantity":"eleven thousand"'; do
        check "timeline has $v" grep -q "$v" "$T/troops"
    done
    check "1,500 on 18 October from the NIS" grep -q '"as_of":"2024-10-18","quantity":"1,500".*"source_actors":"KORSPY"' "$T/troops"
    check "an update" grep -q '"labels":\["update"\]' "$T/troops"
    check "a projection" grep -q '"labels":\["projection"\]' "$T/troops"
    # the army: 1.2 million against 1.3 million
    grep '"quantity":"1.2 million"' "$T/out" >"$T/army"
    check "army figure" grep -q '"quantity":"1.3 million"' "$T/army"
    check "army conflict" grep -q '"labels":\["conflict"\]' "$T/army"
}
run figures-about 0 "$SITREP" figures --db "$DB" --about "Vladivostok" &&
    check "--about narrows" [ "$(grep -c '' "$T/out")" -lt "$(q "$DB" 'select count(*) from claims')" ]

run report-md 0 "$SITREP" report --db "$DB" && {
    check "report names the spy agency" grep -q "National Intelligence Service" "$T/out"
    check "report has a conflicts section" grep -qi "conflict" "$T/out"
    check "report has 1.3 million" grep -q "1.3 million" "$T/out"
}
run report-html 0 "$SITREP" report --db "$DB" -o "$T/r.html" && {
    check "html file" grep -q "<svg" "$T/r.html"
    check "html self-contained" sh -c "! grep -qiE '<script[^>]+src=|<link[^>]+href=\"http' '$T/r.html'"
}

# --- hostile text is escaped in the HTML report ----------------------------------------
printf '{"id":"<script>alert(1)</script>","url":"javascript:alert(2)","outlet":"<img src=x onerror=alert(3)>","published":"2024-11-05","title":"</svg><script>alert(4)</script>","text":"More than 10,000 North Korean soldiers <script>alert(5)</script> are in Russia, the ministry said. North Korea has sent 3,000 soldiers to Russia, officials said on 20 October."}\n' >"$T/evil.jsonl"
run evil-ingest 0 "$SITREP" ingest --db "$T/evil.db" "$T/evil.jsonl"
run evil-report 0 "$SITREP" report --db "$T/evil.db" --format html --title '<b>t</b>' --about 'Korea' &&
    check "no script or handler from reports" sh -c "! grep -qiE '<script|href=\"javascript:|<b>t</b>|<img' '$T/out'"

# --- near-duplicates ---------------------------------------------------------------------
head -n 1 "$SEEDS" | sed 's/"id": *"[^"]*"/"id":"copy"/; s/"url": *"[^"]*"/"url":"https:\/\/example.org\/copy"/; s/North Korea has sent thousands/North Korea has reportedly sent thousands/' >"$T/copy.jsonl"
run copy-ingest 0 "$SITREP" ingest --db "$DB" "$T/copy.jsonl" &&
    check "copy is a near-duplicate" grep -q "1 near-duplicates" "$T/out"
check "copy clustered with its original" [ "$(q "$DB" "select count(*) from documents where doc_key = 'copy' and cluster != id")" = 1 ]

# --- crash safety: kill -9 mid-ingest, re-run, same database -------------------------------
dump() { for t in documents mentions claims lsh; do sqlite3 "$1" "select * from $t order by 1, 2"; done | cksum; }
"$SITREP" ingest --db "$T/whole.db" "$BBC" >/dev/null 2>&1
"$SITREP" ingest --db "$T/crash.db" "$BBC" >/dev/null 2>&1 &
pid=$!
i=0 # wait until some batches are committed, then kill without warning
while [ $i -lt 400 ]; do
    n=$(sqlite3 "$T/crash.db" 'select count(*) from documents' 2>/dev/null || echo 0)
    [ "${n:-0}" -gt 100 ] && break
    sleep 0.02
    i=$((i + 1))
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
n=$(sqlite3 "$T/crash.db" 'select count(*) from documents')
total=$(sqlite3 "$T/whole.db" 'select count(*) from documents')
check "killed part-way ($n of $total)" [ "$n" -gt 0 ] && [ "$n" -lt "$total" ]
run resume 0 "$SITREP" ingest --db "$T/crash.db" "$BBC"
check "resumed database equals uninterrupted one" [ "$(dump "$T/crash.db")" = "$(dump "$T/whole.db")" ]
check "integrity" [ "$(sqlite3 "$T/crash.db" 'pragma integrity_check')" = ok ]

# --- databases that cannot be used -------------------------------------------------------
head -c 4096 /dev/urandom >"$T/random.db"
cp "$T/random.db" "$T/random.before"
run not-sqlite 1 "$SITREP" ingest --db "$T/random.db" "$SEEDS" &&
    check "not-sqlite: one line" one_line_err "random.db" &&
    check "not-sqlite: file untouched" cmp -s "$T/random.db" "$T/random.before"
sqlite3 "$T/foreign.db" 'create table notes(x); insert into notes values (1);'
run foreign 1 "$SITREP" ingest --db "$T/foreign.db" "$SEEDS" &&
    check "foreign: one line" one_line_err "not a sitrep database"
run foreign-report 1 "$SITREP" report --db "$T/foreign.db" &&
    check "foreign-report: one line" one_line_err "not a sitrep database"
run missing-db 1 "$SITREP" figures --db "$T/none.db" && check "missing: one line" one_line_err "none.db"
check "missing db not created" [ ! -e "$T/none.db" ]
run no-db 1 "$SITREP" ingest "$SEEDS"
cp "$DB" "$T/ro.db"
chmod a-w "$T/ro.db"
if [ "$(id -u)" -ne 0 ]; then
    run read-only 1 "$SITREP" ingest --db "$T/ro.db" "$T/evil.jsonl" && check "read-only: one line" one_line_err "ro.db"
fi
run read-only-report 0 "$SITREP" figures --db "$T/ro.db"
# locked: another process holds the write lock for longer than the busy timeout
cp "$DB" "$T/locked.db"
(printf 'begin exclusive;\nselect 1;\n'; sleep 8) | sqlite3 "$T/locked.db" >/dev/null 2>&1 &
lock=$!
sleep 0.5
run locked 1 "$SITREP" ingest --db "$T/locked.db" "$T/evil.jsonl" && check "locked: one line" one_line_err "locked"
kill $lock 2>/dev/null
wait $lock 2>/dev/null
check "locked db intact" [ "$(sqlite3 "$T/locked.db" 'pragma integrity_check')" = ok ]

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
