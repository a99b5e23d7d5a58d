#!/bin/sh
# cli.sh: end-to-end tests of the sitrep command: formats, inputs, and bad input.
# Usage: tests/cli.sh PATH-TO-SITREP. Ends with "N passed, N failed".
set -u
SITREP=${1:-build/sitrep}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL cli: $*" >&2; }

# run NAME EXPECTED-EXIT CMD...: runs CMD with stdout in $T/out, stderr in $T/err
run() {
    name=$1 want=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$name: exit $got, expected $want; stderr: $(head -c 300 "$T/err")"
        return 1
    fi
    return 0
}
# expect_err NAME PATTERN: stderr has exactly one line matching the pattern
expect_err() {
    n=$(grep -c -- "$2" "$T/err")
    if [ "$n" -ge 1 ]; then ok; else bad "$1: stderr lacks '$2': $(head -c 300 "$T/err")"; fi
}
expect_out() {
    if grep -q -- "$2" "$T/out"; then ok; else bad "$1: stdout lacks '$2'"; fi
}
count_kind() { grep -c "^{\"kind\":\"$1\"" "$T/out"; }

printf '{"id":"a","published":"2024-11-05","text":"Hello there.","lang":"en","kind":"x"}\n\n{"id":"b","text":"Second report."}\n' >"$T/two.jsonl"

# --- formats and inputs --------------------------------------------------------------
run jsonl 0 "$SITREP" extract --only docs "$T/two.jsonl" && {
    [ "$(count_kind doc)" -eq 2 ] && ok || bad "jsonl: expected 2 docs"
    expect_out "pass-through" '"lang":"en"'
    expect_out "reserved field renamed" '"input_kind":"x"'
    expect_out "published kept" '"published":"2024-11-05"'
}
gzip -c "$T/two.jsonl" >"$T/disguised.txt"
run gzip-by-content 0 "$SITREP" extract --only docs "$T/disguised.txt" &&
    { [ "$(count_kind doc)" -eq 2 ] && ok || bad "gzip by content: expected 2 docs"; }
gzip -c "$T/two.jsonl" >"$T/m.gz"
cat "$T/m.gz" "$T/m.gz" >"$T/multi.jsonl.gz"
run gzip-multi-member 0 "$SITREP" extract --only docs "$T/multi.jsonl.gz" &&
    { [ "$(count_kind doc)" -eq 4 ] && ok || bad "multi-member gzip: expected 4 docs"; }
run stdin 0 sh -c "printf 'Plain text report.' | '$SITREP' extract --only docs -" &&
    expect_out stdin '"id":"stdin"'
mkdir -p "$T/tree/b" "$T/tree/a"
printf 'Report one.' >"$T/tree/b/z.txt"
printf 'Report two.' >"$T/tree/a/y.txt"
printf 'Hidden.' >"$T/tree/.hidden"
run directory 0 "$SITREP" extract --only docs "$T/tree" && {
    [ "$(count_kind doc)" -eq 2 ] && ok || bad "directory: expected 2 docs"
    first=$(head -1 "$T/out" | grep -o '"id":"[a-z]*"')
    [ "$first" = '"id":"y"' ] && ok || bad "directory: name order, first was $first"
}
run published-option 0 "$SITREP" extract --only docs --published 2024-10-18 "$T/tree/a/y.txt" &&
    expect_out published-option '"published":"2024-10-18"'
run tsv-docs 0 "$SITREP" extract --only docs --format tsv "$T/two.jsonl" && {
    [ "$(head -1 "$T/out" | cut -f1)" = id ] && ok || bad "tsv header"
    [ "$(awk -F'\t' '{print NF}' "$T/out" | sort -u | wc -l)" -eq 1 ] && ok || bad "tsv: ragged rows"
}
run tsv-mentions 0 "$SITREP" extract --format tsv "$T/two.jsonl" &&
    { [ "$(head -1 "$T/out" | cut -f1-4)" = "$(printf 'doc\tsentence\tstart\tend')" ] && ok || bad "tsv mentions header"; }
run empty-input 0 "$SITREP" extract "$T/tree/.hidden" /dev/null

# --- bad input -------------------------------------------------------------------------
run missing 1 "$SITREP" extract "$T/nope.txt" && expect_err missing "nope.txt: No such file"
seq 1 20000 | awk '{print "{\"text\":\"report " $1 "\"}"}' | gzip -c | head -c 3000 >"$T/trunc.jsonl.gz"
run truncated-gzip 1 "$SITREP" extract --only docs "$T/trunc.jsonl.gz" && expect_err truncated-gzip "trunc.jsonl.gz: truncated gzip"
printf 'Bad \377\376 bytes here. More text.' >"$T/bad-utf8.txt"
run invalid-utf8 1 "$SITREP" extract "$T/bad-utf8.txt" && expect_err invalid-utf8 "bad-utf8.txt: invalid UTF-8"
run invalid-utf8-keep-going 0 "$SITREP" extract --keep-going --only docs "$T/bad-utf8.txt" && {
    expect_out replaced '\\ufffd\\ufffd'
    expect_out counted '"invalid_bytes":2'
}
printf 'A \032 substitute, then \377 bad.' >"$T/sub-then-bad.txt"
run invalid-utf8-offset 1 "$SITREP" extract "$T/sub-then-bad.txt" && expect_err invalid-utf8-offset "first at text byte 21"
printf 'NUL \000 inside.' >"$T/nul.txt"
run nul 1 "$SITREP" extract "$T/nul.txt" && expect_err nul "nul.txt: NUL byte"
printf '{"text":"fine"}\n{"text": oops}\n{"text":"also fine"}\n' >"$T/malformed.jsonl"
run malformed-json 1 "$SITREP" extract --only docs "$T/malformed.jsonl" && {
    expect_err malformed-json "malformed.jsonl:2: malformed JSON"
    [ "$(count_kind doc)" -eq 1 ] && ok || bad "malformed-json: the record before the error is printed"
}
run malformed-json-keep-going 2 "$SITREP" extract --keep-going --only docs "$T/malformed.jsonl" && {
    [ "$(count_kind doc)" -eq 2 ] && ok || bad "keep-going: 2 good docs expected"
    expect_err keep-going-tally "1 skipped"
}
printf '{"id":"x"}\n' >"$T/notext.jsonl"
run no-text 1 "$SITREP" extract "$T/notext.jsonl" && expect_err no-text 'notext.jsonl:1: no "text" field'
printf '{"text":"t","published":"yesterday"}\n' >"$T/baddate.jsonl"
run bad-published 1 "$SITREP" extract "$T/baddate.jsonl" && expect_err bad-published 'baddate.jsonl:1: field "published"'
{ printf '{"text":"before"}\n{"text":"'; head -c 3000000 /dev/zero | tr '\0' 'a'; printf '"}\n{"text":"after"}\n'; } >"$T/long.jsonl"
run long-line 2 "$SITREP" extract --keep-going --max-record 1M --only docs "$T/long.jsonl" && {
    expect_err long-line "long.jsonl:2: line longer than"
    [ "$(count_kind doc)" -eq 2 ] && ok || bad "long line: the records around it survive"
}
run bad-option 1 "$SITREP" extract --format xml "$T/two.jsonl" && expect_err bad-option "--format takes"
run bad-published-option 1 "$SITREP" extract --published 2024-13-01 "$T/two.jsonl" && expect_err bad-published-option "--published takes"
run keep-going-missing 2 "$SITREP" extract --keep-going --only docs "$T/nope" "$T/two.jsonl" &&
    { [ "$(count_kind doc)" -eq 2 ] && ok || bad "keep-going past a missing file"; }

# --- claims and dictionaries -----------------------------------------------------------
printf '{"id":"k","outlet":"example.org","published":"2024-11-05","text":"More than 10,000 soldiers have arrived, the ministry said on Tuesday."}\n' >"$T/claim.jsonl"
run claims-only 0 "$SITREP" extract --only claims "$T/claim.jsonl" && {
    [ "$(count_kind claim)" -eq 1 ] && [ "$(grep -c . "$T/out")" -eq 1 ] && ok || bad "claims-only: expected one claim record and nothing else"
    expect_out "claim source" '"source":{"text":"the ministry"'
    expect_out "claim outlet" '"outlet":"example.org"'
}
run claims-tsv 0 "$SITREP" extract --only claims --format tsv "$T/claim.jsonl" && {
    head -n 1 "$T/out" | grep -q '^doc	sentence	start	end	quantity	' && ok || bad "claims-tsv: header"
    [ "$(sed -n 2p "$T/out" | awk -F'\t' '{print $5 "|" $9 "|" $17}')" = "More than 10,000|more_than|the ministry" ] && ok ||
        bad "claims-tsv: row $(sed -n 2p "$T/out" | head -c 200)"
}
printf 'GOOD_ACTOR [USAGOV]\nBROKEN_LINE [USA\n' >"$T/bad.actors"
run bad-actors 1 "$SITREP" extract --actors "$T/bad.actors" "$T/claim.jsonl" &&
    expect_err bad-actors "bad.actors:2:"
run bad-actors-keep-going 0 "$SITREP" extract --keep-going --actors "$T/bad.actors" "$T/claim.jsonl" &&
    expect_err bad-actors-keep-going "bad.actors:2:"
run missing-actors 1 "$SITREP" extract --actors "$T/none.actors" "$T/claim.jsonl" &&
    expect_err missing-actors "none.actors"
printf 'QUUXLAND_MINISTRY_OF_WIDGETS [QXLGOV]\n' >"$T/own.actors"
printf '{"id":"w","published":"2024-11-05","text":"The Quuxland Ministry of Widgets said 400 widgets were sold."}\n' >"$T/own.jsonl"
run own-actors 0 "$SITREP" extract --only claims --actors "$T/own.actors" "$T/own.jsonl" &&
    expect_out "user actor coded" '"actor":"QXLGOV"'

# --- events and the TABARI validation suite ----------------------------------------------
printf '%s\n' '{"id":"ev1","published":"2024-11-05","text":"Russia accused Ukraine of shelling the border town on Monday."}' >"$T/ev.jsonl"
run events 0 "$SITREP" extract --only events "$T/ev.jsonl" &&
    expect_out "event coded from the sentence" '"source":"RUS","target":"UKR","code":"112"'
run gdelt 0 "$SITREP" extract --format gdelt "$T/ev.jsonl" &&
    { [ "$(head -1 "$T/out" | awk -F'\t' '{print NF}')" = 61 ] && ok || bad "gdelt row is not 61 columns"; }
run validate-missing 1 "$SITREP" validate tabari "$T/no-such-suite"
expect_err "validate names the missing project" "no-such-suite"
EVDIR=${SITREP_SHARED:-../shared}/data/eventcoding/tabari-validation
mkdir -p "$T/suite" && cp "$EVDIR"/* "$T/suite/" && chmod u+w "$T/suite"/*
{ printf 'ABANDON [345\n'; cat "$EVDIR/TABARI.Demo.verbs"; } >"$T/suite/TABARI.Demo.verbs"
run validate-bad-dict 1 "$SITREP" validate tabari "$T/suite"
expect_err "malformed verb line named with file and line" "TABARI.Demo.verbs:1: expected"
one_line_err() { [ "$(wc -l <"$T/err")" -eq 1 ] && ok || bad "$1: stderr is not one line: $(head -c 300 "$T/err")"; }
run validate-unknown-suite 1 "$SITREP" validate nosuch "$T/x"
expect_err "unknown suite named" "unknown suite"
run petrarch-missing 1 "$SITREP" validate petrarch "$T/no-such.xml" &&
    { expect_err "petrarch names the missing file" "no-such.xml"; one_line_err petrarch-missing; }
printf '<Validation><Sentences><Sentence id="a">\n</Validation>\n' >"$T/broken.xml"
run petrarch-broken 1 "$SITREP" validate petrarch "$T/broken.xml" &&
    { expect_err "malformed XML named with file and line" "broken.xml:[0-9]*: malformed XML"; one_line_err petrarch-broken; }
printf '<Validation><Environment><Verbfile>v.txt</Verbfile><Actorfile>a.txt</Actorfile></Environment></Validation>\n' >"$T/nodict.xml"
run petrarch-no-dict 1 "$SITREP" validate petrarch "$T/nodict.xml" &&
    { expect_err "missing dictionary named" "a.txt"; one_line_err petrarch-no-dict; }
run plover-missing 1 "$SITREP" validate plover "$T/no-such.json" &&
    { expect_err "plover names the missing file" "no-such.json"; one_line_err plover-missing; }
printf '{"id": "x", "text": "y"}\n' >"$T/notarray.json"
run plover-not-array 1 "$SITREP" validate plover "$T/notarray.json" &&
    { expect_err "plover says the file is not an array" "notarray.json: not a JSON array"; one_line_err plover-not-array; }
printf '[{"id": "x",\n' >"$T/broken.json"
run plover-broken 1 "$SITREP" validate plover "$T/broken.json" &&
    { expect_err "plover names malformed JSON" "broken.json: malformed JSON"; one_line_err plover-broken; }
printf '[{"id": "p1", "date": "2024-11-05", "event": "ACCUSE", "text": "Russia accused Ukraine of shelling the border town on Monday."}]\n' >"$T/gold.json"
run plover-small 0 "$SITREP" validate plover "$T/gold.json" &&
    { expect_out "plover record passes" "^PASS p1 ACCUSE"; expect_out "plover summary" "^1 agree, 0 disagree, 0 not scored"; }
run plover-min-pass 1 "$SITREP" validate plover --min-pass 2 "$T/gold.json"

# --- threads keep output identical ------------------------------------------------------
BBC=${SITREP_SHARED:-../shared}/corpus/bbc.jsonl.gz
if [ -r "$BBC" ]; then
    "$SITREP" extract "$BBC" | cksum >"$T/one"
    "$SITREP" extract --threads 3 "$BBC" | cksum >"$T/three"
    cmp -s "$T/one" "$T/three" && ok || bad "--threads 3 output differs from --threads 1"
else
    bad "shared corpus missing at $BBC"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
