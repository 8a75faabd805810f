#!/bin/sh
# End-to-end tests of `cjm survey`: figures computed by hand for small CSVs
# (tests/survey/cases), every CSV form (CRLF, BOM, ';', quotes), bad input,
# and --write: only the intended lines change, in every style, and a file
# that cannot or must not be written stays byte-identical.  Run from the
# repository root; `tests/survey.sh BIN --update` rewrites the goldens.
set -u
BIN=${1:?usage: tests/survey.sh BIN [--update]}
UPDATE=${2:-}
G=tests/survey/golden
C=tests/survey/cases
. tests/e2e-lib.sh
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac

for f in $C/*.csv; do
    n=$(basename "$f" .csv)
    [ "$n" = styles ] && continue
    golden "survey-$n.json" -- survey --format json --min-responses 5 "$f" $C/j.yaml
done
golden survey-one.text -- survey --format text --min-responses 1 $C/one.csv $C/j.yaml
golden survey-example.text -- survey journeys/online-shop-survey.csv journeys/online-shop.yaml
golden survey-example.json -- survey --format json journeys/online-shop-survey.csv journeys/online-shop.yaml
golden survey-help.txt -- survey --help
golden survey-usage.txt -- survey --score-from csat $C/one.csv $C/j.yaml

# Figures computed by hand.
J() { "$BIN" survey --format json --min-responses "${3:-5}" "$C/$1.csv" $C/j.yaml 2>/dev/null | grep -o "$2" | head -1; }
[ "$(J promoters '"nps": [-0-9]*, "nps_moe": [0-9.]*')" = '"nps": 100, "nps_moe": 0.0' ]; check "all promoters: NPS 100, margin 0"
[ "$(J detractors '"nps": [-0-9]*')" = '"nps": -100' ]; check "all detractors: NPS -100"
[ "$(J one '"csat": [0-9.]*, "csat_top2": [0-9.]*, "ces": [0-9.]*, "nps": [-0-9]*' 1)" = '"csat": 4, "csat_top2": 100.0, "ces": 5, "nps": 0' ]; check "n = 1: csat 4, top-2 100 %, ces 5, NPS 0 (a passive)"
[ "$(J minimum '"id": "a", "responses": 5, "csat": 3, "csat_top2": 40.0')" = '"id": "a", "responses": 5, "csat": 3, "csat_top2": 40.0' ]; check "n at the minimum gets figures (mean 3, top-2 40 %)"
[ "$(J minimum '"skipped": \[{"id": "b", "responses": 4}\]')" = '"skipped": [{"id": "b", "responses": 4}]' ]; check "n one under the minimum is skipped"
[ "$(J empty-cells '"id": "a", "responses": 4, "csat": 4.5, "csat_top2": 100.0, "ces": 6.5, "nps": 0, "nps_moe": 138.6' 1)" = '"id": "a", "responses": 4, "csat": 4.5, "csat_top2": 100.0, "ces": 6.5, "nps": 0, "nps_moe": 138.6' ]; check "empty cells are unanswered; a row of empties is no response"
[ "$(J crlf '"csat": [0-9.]*')" = '"csat": 3' ]; check "CRLF"
[ "$(J bom-semicolon '"csat": [0-9.]*, "csat_top2": [0-9.]*, "ces": [0-9.]*')" = '"csat": 4.2, "csat_top2": 80.0, "ces": 4' ]; check "BOM, ';' and a header in any case"
[ "$(J quoted '"id": "a", "responses": 5, "csat": 3')" = '"id": "a", "responses": 5, "csat": 3' ]; check "quoted commas, quotes and line breaks"
[ "$(J journeys '"id": "a", "responses": 2, "csat": 4.5' 1)" = '"id": "a", "responses": 2, "csat": 4.5' ]; check "rows of other journeys are left out"

# Bad input: a message at the CSV's line and column, exit 1.
expect "bad values exit 1" 1 "$BIN" survey $C/bad-values.csv $C/j.yaml
"$BIN" survey $C/bad-values.csv $C/j.yaml 2>&1 >/dev/null | grep -q "bad-values.csv:5:1: error: 'chekout' is not a touchpoint of 'survey-cases'"; check "an unknown touchpoint at its cell, no suggestion when none is close"
"$BIN" survey $C/bad-values.csv journeys/online-shop.yaml 2>&1 >/dev/null | grep -q "(did you mean 'checkout'?)"; check "an unknown touchpoint gets the nearest id"
expect "a missing file: exit 2" 2 "$BIN" survey $C/no-such.csv $C/j.yaml
expect "a journey with errors: exit 1" 1 "$BIN" survey $C/one.csv tests/e2e/cases/schema-errors.yaml

# 100,000 rows stream through.
awk 'BEGIN { print "touchpoint,csat,ces,nps"; for (i = 0; i < 100000; i++) printf "%s,%d,%d,%d\n", substr("abcd", i % 4 + 1, 1), i % 5 + 1, i % 7 + 1, i % 11 }' >"$tmp/big.csv"
[ "$("$BIN" survey --format json "$tmp/big.csv" $C/j.yaml | grep -o '"id": "a", "responses": 25000, "csat": 3')" = '"id": "a", "responses": 25000, "csat": 3' ]; check "100,000 rows"

# ---- --write -------------------------------------------------------------

cp $C/styles.yaml "$tmp/styles.yaml"
"$BIN" survey --score-from csat --write $C/styles.csv "$tmp/styles.yaml" >/dev/null 2>&1
cmp -s "$tmp/styles.yaml" $C/styles.expected.yaml; check "--write in every style gives exactly styles.expected.yaml"
# Take out every metrics and score, old and new: what is left must match.
strip() { sed -e 's/, metrics: {[^}]*}//' -e 's/, score: [0-9.]*//' -e '/^ *metrics:/d' \
    -e '/^ *score:/d' -e '/^ *csat: 2.5/d' -e '/^ *nps: 12$/d' "$1"; }
strip $C/styles.yaml >"$tmp/a"; strip "$tmp/styles.yaml" >"$tmp/b"
cmp -s "$tmp/a" "$tmp/b"; check "--write changes nothing but metrics and score"
"$BIN" check "$tmp/styles.yaml" >/dev/null; check "the written file loads and checks"

# Every example: only metrics lines change, the file still checks the same
# (but for the findings the new values change: none here).
for j in journeys/*.yaml; do
    awk '/^      - id: / { print $3 }' "$j" | awk 'BEGIN { print "touchpoint,csat,nps" }
        { for (k = 0; k < 6; k++) printf "%s,%d,%d\n", $1, 1 + (NR + k) % 5, (NR * 3 + k) % 11 }' >"$tmp/ex.csv"
    cp "$j" "$tmp/ex.yaml"
    "$BIN" check "$tmp/ex.yaml" 2>&1 | sed "s|$tmp/ex.yaml|F|" >"$tmp/before.check"
    "$BIN" survey --write "$tmp/ex.csv" "$tmp/ex.yaml" >/dev/null 2>&1
    diff "$j" "$tmp/ex.yaml" | grep '^[<>]' | grep -v 'metrics: {' >"$tmp/other"
    [ ! -s "$tmp/other" ] && ! cmp -s "$j" "$tmp/ex.yaml"; check "--write on $j changes metrics lines only"
    "$BIN" check "$tmp/ex.yaml" 2>&1 | sed "s|$tmp/ex.yaml|F|" | cmp -s - "$tmp/before.check"; check "--write on $j: the same findings as before"
done

# Nothing is written when it must not be, or cannot be.
cp $C/j.yaml "$tmp/ro.yaml"; chmod 444 "$tmp/ro.yaml"
if [ "$(id -u)" = 0 ]; then :; fi
"$BIN" survey --min-responses 1 --write $C/one.csv "$tmp/ro.yaml" >/dev/null 2>&1; rc=$?
[ $rc = 2 ] && cmp -s "$tmp/ro.yaml" $C/j.yaml; check "--write on a read-only file: exit 2, untouched (even as root)"
cp $C/j.yaml "$tmp/full.yaml"
(ulimit -f 0; "$BIN" survey --min-responses 1 --write $C/one.csv "$tmp/full.yaml" >/dev/null 2>&1); rc=$?
[ $rc = 2 ] && cmp -s "$tmp/full.yaml" $C/j.yaml; check "--write when the disk is full (a file-size limit): exit 2, untouched"
cp $C/j.yaml "$tmp/bad.yaml"
"$BIN" survey --min-responses 1 --write $C/bad-values.csv "$tmp/bad.yaml" >/dev/null 2>&1; rc=$?
[ $rc = 1 ] && cmp -s "$tmp/bad.yaml" $C/j.yaml; check "--write with a bad CSV: exit 1, untouched"
cp tests/e2e/cases/schema-errors.yaml "$tmp/err.yaml"
"$BIN" survey --write $C/one.csv "$tmp/err.yaml" >/dev/null 2>&1; rc=$?
[ $rc = 1 ] && cmp -s "$tmp/err.yaml" tests/e2e/cases/schema-errors.yaml; check "--write on a journey with errors: exit 1, untouched"
# Regression (fuzzing): nothing to write (every touchpoint under the
# minimum) left qsort a NULL array.
cp $C/j.yaml "$tmp/none.yaml"
"$BIN" survey --write $C/one.csv "$tmp/none.yaml" >/dev/null 2>&1; rc=$?
[ $rc = 0 ] && cmp -s "$tmp/none.yaml" $C/j.yaml; check "--write with no figures: the file as it was"
[ -z "$(ls "$tmp" | grep '\.tmp')" ]; check "no temporary file left behind"

# Survey waves (spec 1.2): fewer answers than the figures replaced is a
# warning; comments on replaced metrics lines stay; a journey with errors
# is refused, untouched.
cp $C/wave.yaml "$tmp/wave.yaml"
"$BIN" survey --write $C/wave.csv "$tmp/wave.yaml" >/dev/null 2>"$tmp/wave.err"; rc=$?
[ $rc = 0 ] && grep -qx "cjm: $tmp/wave.yaml: warning: 'a' had figures from 860 answers; the new ones rest on 6" "$tmp/wave.err" &&
    grep -q "'b' had figures from 120 answers; the new ones rest on 6" "$tmp/wave.err"
check "--write warns when new figures rest on fewer answers"
grep -qx '        metrics: {csat: 3, responses: 6}  # wave 1, Q1' "$tmp/wave.yaml" &&
    grep -qx '        metrics: {csat: 4, responses: 6}  # from the Q1 export' "$tmp/wave.yaml" &&
    "$BIN" check "$tmp/wave.yaml" >/dev/null
check "--write keeps the comments on replaced metrics lines"
"$BIN" survey --write $C/wave.csv "$tmp/wave.yaml" >/dev/null 2>"$tmp/wave2.err"
! grep -q "had figures from" "$tmp/wave2.err"; check "--write: the same number of answers is no warning"
printf 'journey: X\nstages:\n  - id: s\n    touchpoints:\n      - {id: a, name: A, channel: web, score: 9}\n' >"$tmp/bad.yaml"
cp "$tmp/bad.yaml" "$tmp/bad.orig"
"$BIN" survey --write $C/wave.csv "$tmp/bad.yaml" >"$tmp/bad.out" 2>"$tmp/bad.err"; rc=$?
[ $rc = 1 ] && cmp -s "$tmp/bad.yaml" "$tmp/bad.orig" && grep -q "score-range" "$tmp/bad.err" &&
    grep -q "has errors; fix them first" "$tmp/bad.err" && [ ! -s "$tmp/bad.out" ]
check "a journey with errors is refused: exit 1, diagnostics, file untouched"

# German (spec 1.2): --lang de, or the journey's lang:, for the text;
# JSON never changes with the language.
golden survey-example-de.text -- survey --lang de journeys/online-shop-survey.csv journeys/online-shop.yaml
"$BIN" survey --format json journeys/online-shop-survey.csv journeys/online-shop.yaml >"$tmp/en.json" 2>/dev/null
"$BIN" survey --format json --lang de journeys/online-shop-survey.csv journeys/online-shop.yaml >"$tmp/de.json" 2>/dev/null
cmp -s "$tmp/en.json" "$tmp/de.json"; check "survey --lang de leaves JSON as it is"
sed 's/^id: survey-cases$/id: survey-cases\nlang: de/' $C/j.yaml >"$tmp/jde.yaml"
"$BIN" survey $C/one.csv "$tmp/jde.yaml" 2>/dev/null | grep -q "Antwortzeilen"; check "survey speaks the journey's lang: de by default"
expect "survey --lang fr is a usage error" 2 "$BIN" survey --lang fr $C/one.csv $C/j.yaml

echo "survey: $passed passed, $failed failed"
[ "$failed" = 0 ]
