#!/bin/sh
# html.sh: end-to-end tests of web pages: HTML and WARC inputs, hostile pages (deep
# nesting, huge pages and attributes, broken and mislabelled encodings, truncated
# markup, gzip bombs, malformed WARC records) and real pages from the Zyte benchmark.
# Every run has a time cap and must not crash. Inputs are generated on the fly.
# Usage: tests/html.sh PATH-TO-SITREP. Ends with "N passed, N failed".
set -u
SITREP=${1:-build/sitrep}
SHARED=${SITREP_SHARED:-../shared}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
pass=0
fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL html: $*" >&2; }

# run NAME EXPECTED-EXIT CMD...: runs CMD under a 60 s cap, stdout in $T/out, stderr in
# $T/err; a timeout (124) or a crash (a signal) fails whatever was expected
run() {
    name=$1 want=$2
    shift 2
    timeout 60 "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        bad "$name: exit $got, expected $want; stderr: $(head -c 300 "$T/err")"
        return 1
    fi
    ok
    return 0
}
expect_err() {
    if grep -q -- "$2" "$T/err"; then ok; else bad "$1: stderr lacks '$2': $(head -c 300 "$T/err")"; fi
}
# one_line NAME: the error is one line (besides the run's closing tally)
one_line() {
    n=$(grep -vc 'reports processed' "$T/err")
    [ "$n" -eq 1 ] && ok || bad "$1: stderr has $n lines, expected one: $(head -c 300 "$T/err")"
}
expect_out() {
    if grep -q -- "$2" "$T/out"; then ok; else bad "$1: stdout lacks '$2': $(head -c 300 "$T/out")"; fi
}
count_kind() { grep -c "^{\"kind\":\"$1\"" "$T/out"; }

ARTICLE='<article><h1>Troops arrive</h1><p>More than 10,000 soldiers have arrived in Russia, the ministry said on Tuesday.</p><p>Officials said the troops were moved by train over three weeks.</p>'
# page [PARAGRAPHS [HEAD]]: a small article page (printf escapes in both are expanded)
page() { printf "<!doctype html><html lang=\"en\"><head><title>Troops arrive</title>${2:-}</head><body>$ARTICLE${1:-}</article></body></html>"; }

# --- plain pages and sniffing ------------------------------------------------------------
page >"$T/plain.html"
run plain-page 0 "$SITREP" extract --only docs "$T/plain.html" && {
    expect_out plain-id '"id":"plain"'
    expect_out plain-text '"text":"More than 10,000 soldiers'
    expect_out plain-title '"title":"Troops arrive"'
    expect_out plain-lang '"lang":"en"'
}
gzip -c "$T/plain.html" >"$T/named-oddly.txt"
run html-gzip-by-content 0 "$SITREP" extract --only docs "$T/named-oddly.txt" &&
    expect_out html-gzip-by-content '"text":"More than 10,000 soldiers'
printf '<Reuters> More than 10,000 soldiers have arrived.' >"$T/angle.txt"
run angle-text-stays-text 0 "$SITREP" extract --only docs "$T/angle.txt" &&
    expect_out angle-text-stays-text '"text":"<Reuters> More than'

# --- hostile pages -------------------------------------------------------------------------
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<div>"; printf "<p>Deep text with 12 soldiers.</p>"; for (i = 0; i < 100000; i++) printf "</div>"; printf "</body></html>" }' >"$T/nested.html"
run nested-100k 0 "$SITREP" extract --only docs "$T/nested.html"
awk 'BEGIN { printf "<html><body>"; for (i = 0; i < 100000; i++) printf "<span><b>"; printf "unclosed" }' >"$T/nested-open.html"
run nested-unclosed 0 "$SITREP" extract --only docs "$T/nested-open.html"

awk -v a="$ARTICLE" 'BEGIN { printf "<html><body>%s</article>", a; s = "<div class=\"nav\"><a href=\"/section/x\">Section link</a></div>\n"; for (i = 0; i < 830000; i++) printf "%s", s; printf "</body></html>" }' >"$T/big.html"
run page-50mb-over-limit 1 "$SITREP" extract --only docs "$T/big.html" &&
    { expect_err page-50mb-over-limit "big.html: .*--max-record"; one_line page-50mb-over-limit; }
run page-50mb 0 "$SITREP" extract --only docs --max-record 64M "$T/big.html" &&
    expect_out page-50mb 'More than 10,000 soldiers'

awk -v a="$ARTICLE" 'BEGIN { printf "<html><body><div data-x=\""; s = "abcdefghij"; for (i = 0; i < 1048576; i++) printf "%s", s; printf "\">x</div>%s</article></body></html>", a }' >"$T/attr.html"
run attribute-10mb 0 "$SITREP" extract --only docs "$T/attr.html" &&
    expect_out attribute-10mb 'More than 10,000 soldiers'

# encodings: a windows-1252 page without a declaration, a declared iso-8859-1 page,
# a UTF-16 page with a BOM, invalid UTF-8 in a UTF-8 page
page '<p>Caf\351 owners said \223three\224 shops closed.</p>' >"$T/cp1252.html"
run windows-1252-undeclared 0 "$SITREP" extract --only docs "$T/cp1252.html" && {
    expect_out cp1252-e-acute 'Café owners'
    expect_out cp1252-quotes '“three”'
}
page '<p>Caf\351 owners met.</p>' '<meta charset="iso-8859-1">' >"$T/latin1.html"
run iso-8859-1-declared 0 "$SITREP" extract --only docs "$T/latin1.html" &&
    expect_out latin1 'Café owners'
page '<p>Ukrainian officials said 300 people fled Kyiv — «Київ».</p>' | iconv -f UTF-8 -t UTF-16 >"$T/utf16.html"
run utf16-bom 0 "$SITREP" extract --only docs "$T/utf16.html" && {
    expect_out utf16 'More than 10,000 soldiers'
    expect_out utf16-cyrillic 'Київ'
}
page '<p>Broken \377\376 bytes and \300\200 overlong.</p>' '<meta charset="utf-8">' >"$T/badutf8.html"
run invalid-utf8-in-page 0 "$SITREP" extract --only docs "$T/badutf8.html" &&
    expect_out invalid-utf8-replaced 'Broken ��'
page '<p>A heading \000 with a NUL.</p>' >"$T/nul.html"
run nul-in-page 0 "$SITREP" extract --only docs "$T/nul.html"

printf '<html><head><title>Cut</title></head><body><article><p>More than 10,000 soldiers have arrived in Russia, the min' >"$T/truncated.html"
run truncated-markup 0 "$SITREP" extract --only docs "$T/truncated.html" &&
    expect_out truncated-markup 'More than 10,000 soldiers'
printf '<html><body><p a="<b c=\047<!--<script>x' >"$T/broken.html"
run broken-markup 0 "$SITREP" extract --only docs "$T/broken.html"

{ printf '<html><body><p>'; head -c 200000000 /dev/zero | tr '\0' ' '; } | gzip -1 >"$T/bomb.html.gz"
run gzip-bomb 1 "$SITREP" extract --only docs --max-record 8M "$T/bomb.html.gz" &&
    { expect_err gzip-bomb "bomb.html.gz: .*--max-record"; one_line gzip-bomb; }

# --- WARC ----------------------------------------------------------------------------------
# warc_record FILE TYPE ID CONTENT-TYPE BODY-FILE [LENGTH]: appends a record
warc_record() {
    len=${6:-$(wc -c <"$5")}
    printf 'WARC/1.0\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:%s>\r\nWARC-Date: 2024-11-05T10:00:00Z\r\nWARC-Target-URI: https://www.example.org/%s\r\nContent-Type: %s\r\nContent-Length: %s\r\n\r\n' \
        "$2" "$3" "$3" "$4" "$len" >>"$1"
    cat "$5" >>"$1"
    printf '\r\n\r\n' >>"$1"
}
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'; page; } >"$T/resp"
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n'; page | gzip -c; } >"$T/resp-gz"
{ printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n'; head -c 100000000 /dev/zero | gzip -c; } >"$T/resp-bomb"
printf 'GET / HTTP/1.1\r\nHost: www.example.org\r\n\r\n' >"$T/req"
printf 'software: sitrep tests\r\n' >"$T/info"
: >"$T/good.warc"
warc_record "$T/good.warc" warcinfo info application/warc-fields "$T/info"
warc_record "$T/good.warc" request r1 'application/http; msgtype=request' "$T/req"
warc_record "$T/good.warc" response one 'application/http; msgtype=response' "$T/resp"
warc_record "$T/good.warc" request r2 'application/http; msgtype=request' "$T/req"
warc_record "$T/good.warc" response two 'application/http; msgtype=response' "$T/resp-gz"
run warc 0 "$SITREP" extract --only docs "$T/good.warc" && {
    [ "$(count_kind doc)" -eq 2 ] && ok || bad "warc: expected 2 docs"
    expect_out warc-id '"id":"one"'
    expect_out warc-url '"url":"https://www.example.org/two"'
    expect_out warc-outlet '"outlet":"example.org"'
}
: >"$T/multi.warc.gz"
for i in 1 2 3; do gzip -c "$T/good.warc" >>"$T/multi.warc.gz"; done
run warc-gz-multi-member 0 "$SITREP" extract --only docs "$T/multi.warc.gz" &&
    { [ "$(count_kind doc)" -eq 6 ] && ok || bad "warc.gz: expected 6 docs"; }

# a bad record among good ones
cp "$T/good.warc" "$T/mixed.warc"
warc_record "$T/mixed.warc" response bad 'application/http; msgtype=response' "$T/resp" 12x
warc_record "$T/mixed.warc" response three 'application/http; msgtype=response' "$T/resp"
run warc-bad-record 1 "$SITREP" extract --only docs "$T/mixed.warc" && {
    expect_err warc-bad-record "mixed.warc: WARC record 6 at byte [0-9]*: invalid Content-Length"
    one_line warc-bad-record
}
run warc-bad-record-keep-going 2 "$SITREP" extract --keep-going --only docs "$T/mixed.warc" && {
    [ "$(count_kind doc)" -eq 3 ] && ok || bad "warc-bad-record-keep-going: expected 3 docs"
    expect_err warc-keep-going-tally "1 skipped"
}
# garbage, lengths that lie, headers that are not, a gzip bomb inside a record (after a
# badly framed record the reader skips to the next "WARC/1." line: the garbage comes
# after a good record to be seen)
cp "$T/good.warc" "$T/hostile.warc"
printf '\001\002 binary garbage \377\r\n' >>"$T/hostile.warc"
warc_record "$T/hostile.warc" response huge 'application/http' "$T/resp" 99999999999
warc_record "$T/hostile.warc" response short 'application/http' "$T/resp" 17
warc_record "$T/hostile.warc" response negative 'application/http' "$T/resp" -1
printf 'WARC/1.0\r\nno colon here\r\n\r\n' >>"$T/hostile.warc"
warc_record "$T/hostile.warc" response bomb 'application/http' "$T/resp-bomb"
warc_record "$T/hostile.warc" response last 'application/http' "$T/resp"
run warc-hostile 2 "$SITREP" extract --keep-going --max-record 8M --only docs "$T/hostile.warc" && {
    [ "$(count_kind doc)" -eq 3 ] && ok || bad "warc-hostile: expected 3 docs, got $(count_kind doc)"
    expect_out warc-hostile-last '"id":"last"'
    expect_err warc-hostile-huge "exceeds the limit"
    expect_err warc-hostile-short "does not end where its Content-Length (17) says"
    expect_err warc-hostile-negative 'invalid Content-Length "-1"'
    expect_err warc-hostile-header "malformed header line 2"
    expect_err warc-hostile-garbage "not a WARC header"
    expect_err warc-hostile-bomb "inflates past"
    expect_err warc-hostile-tally "6 skipped"
}
# a record cut inside its content, then good ones, then one cut at the end
head -c 1000 "$T/good.warc" >"$T/cut.warc"
printf '\r\n' >>"$T/cut.warc"
cat "$T/good.warc" >>"$T/cut.warc"
head -c 1300 "$T/good.warc" >>"$T/cut.warc" # records 1-3 whole, 4 cut
run warc-truncated 2 "$SITREP" extract --keep-going --only docs "$T/cut.warc" && {
    [ "$(count_kind doc)" -eq 3 ] && ok || bad "warc-truncated: expected 3 docs, got $(count_kind doc)"
    expect_err warc-truncated-first "cut.warc: WARC record 3 at byte 488: record does not end"
    expect_err warc-truncated-last "cut.warc: WARC record 12 at byte [0-9]*: record cut short"
}
gzip -c "$T/good.warc" | head -c 600 >"$T/cut.warc.gz"
run warc-truncated-gzip 1 "$SITREP" extract --only docs "$T/cut.warc.gz" &&
    expect_err warc-truncated-gzip "cut.warc.gz: truncated gzip"

run missing-file 1 "$SITREP" extract "$T/nope.html" && expect_err missing-file "nope.html: No such file"

# --- JSONL with html -----------------------------------------------------------------------
printf '{"id":"j","url":"https://news.example.com/a","title":"Given","html":"<html><head><title>Other</title></head><body><article><p>More than 10,000 soldiers have arrived in Russia, the ministry said on Tuesday.</p></article></body></html>"}\n' >"$T/html.jsonl"
run jsonl-html 0 "$SITREP" extract --only docs "$T/html.jsonl" && {
    expect_out jsonl-html-text '"text":"More than 10,000 soldiers'
    expect_out jsonl-html-title '"title":"Given"'
    expect_out jsonl-html-outlet '"outlet":"news.example.com"'
}

# --- real pages ----------------------------------------------------------------------------
ZYTE=$SHARED/data/extraction/zyte-aeb
ID=06e5123e4ef7cfb4533250dc45d1e03d0838fc66223f45c583c4d12f48b4da85
SENTENCE='The New York Times reported on Sunday that WeWork is preparing to cut 4,000 jobs.'
if [ -r "$ZYTE/html/$ID.html.gz" ] && [ -r "$ZYTE/ground-truth.json" ]; then
    grep -qF "$SENTENCE" "$ZYTE/ground-truth.json" && ok || bad "zyte: sentence not in the ground truth"
    run zyte-docs 0 "$SITREP" extract --only docs "$ZYTE/html/$ID.html.gz" &&
        { grep -qF "$SENTENCE" "$T/out" && ok || bad "zyte: the extracted text lacks the ground truth's sentence"; }
    url=$(sed -n 's/.*"url":"\([^"]*\)".*/\1/p' "$T/out")
    run zyte-claims-html 0 "$SITREP" extract --only claims "$ZYTE/html/$ID.html.gz"
    sed 's/"doc":"[^"]*",//' "$T/out" >"$T/claims-html"
    [ -s "$T/claims-html" ] && ok || bad "zyte: no claims from the page"
    { printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n\r\n'; cat "$ZYTE/html/$ID.html.gz"; } >"$T/zyte-resp"
    { printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:zyte>\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %s\r\n\r\n' "$url" "$(wc -c <"$T/zyte-resp")"
      cat "$T/zyte-resp"; printf '\r\n\r\n'; } | gzip -c >"$T/zyte.warc.gz"
    run zyte-claims-warc 0 "$SITREP" extract --only claims "$T/zyte.warc.gz"
    sed 's/"doc":"[^"]*",//' "$T/out" >"$T/claims-warc"
    cmp -s "$T/claims-html" "$T/claims-warc" && ok || bad "zyte: the WARC's claims differ from the page's"
else
    bad "zyte-aeb set missing at $ZYTE"
fi

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
