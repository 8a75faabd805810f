#!/bin/sh
# cjm export --to mermaid and cjm import: goldens for Mermaid's documented
# example and every construct and error (tests/mermaid/cases), round trips
# on every example, and every exported diagram read by Mermaid's own parser
# in Node (mermaid and jsdom from npm, installed at test time into CACHE;
# skipped with a message where npm cannot be reached).
# usage: tests/mermaid.sh BIN CACHE [--update]
set -u
BIN=${1:?usage: tests/mermaid.sh BIN CACHE [--update]}
CACHE=${2:?usage: tests/mermaid.sh BIN CACHE [--update]}
UPDATE=${3:-}
G=tests/mermaid/golden
M=tests/mermaid
. tests/e2e-lib.sh
. tests/skip.sh
case $BIN in /*) ;; *) BIN=$PWD/$BIN ;; esac
mkdir -p "$G"

for f in $M/cases/*.mmd; do
    golden "import-$(basename "$f" .mmd).yaml" -- import "$f"
done
golden export-online-shop.mmd -- export --to mermaid journeys/online-shop.yaml
golden export-special.mmd -- export --to mermaid $M/special.yaml
golden export-online-shop.json -- export --to json journeys/online-shop.yaml
golden export-usage.txt -- export journeys/online-shop.yaml

# Imported journeys pass cjm check: no errors, and no warnings but the
# touchpoint count.
for f in $M/cases/docs-example.mmd $M/cases/constructs.mmd; do
    "$BIN" import "$f" >"$tmp/imp.yaml" 2>/dev/null
    "$BIN" check "$tmp/imp.yaml" >"$tmp/chk" 2>&1
    [ $? = 0 ] && ! grep -v touchpoint-count "$tmp/chk" | grep -q 'warning:'; check "import of $f passes cjm check"
done
"$BIN" import -o "$tmp/new.yaml" $M/cases/docs-example.mmd >/dev/null 2>&1
cp "$tmp/new.yaml" "$tmp/keep.yaml"
"$BIN" import -o "$tmp/new.yaml" $M/cases/constructs.mmd >/dev/null 2>&1; rc=$?
[ $rc = 2 ] && cmp -s "$tmp/new.yaml" "$tmp/keep.yaml"; check "import -o never overwrites a file"
expect "import of a diagram with errors exits 1" 1 "$BIN" import $M/cases/bad.mmd

# Round trips: export of import of export is the same diagram, byte for
# byte, for every example, the hostile journey and the special names.
for j in journeys/*.yaml tests/render/hostile.yaml $M/special.yaml; do
    "$BIN" export --to mermaid "$j" >"$tmp/a.mmd"
    "$BIN" import "$tmp/a.mmd" >"$tmp/a.yaml" 2>/dev/null
    "$BIN" export --to mermaid "$tmp/a.yaml" | cmp -s - "$tmp/a.mmd"; check "round trip: $j"
done
# Import of export gives back the stages, names and actors.
"$BIN" export --to mermaid journeys/online-shop.yaml >"$tmp/o.mmd"
"$BIN" import "$tmp/o.mmd" >"$tmp/o.yaml" 2>/dev/null
[ "$("$BIN" report --format json "$tmp/o.yaml" | grep -o '"stages": \[[^]]*\]' | sed 's/"mean": [0-9.]*, //g; s/, "metrics": {[^}]*}//g')" = \
  "$("$BIN" report --format json journeys/online-shop.yaml | grep -o '"stages": \[[^]]*\]' | sed 's/"mean": [0-9.]*, //g; s/, "metrics": {[^}]*}//g')" ]
check "import of export keeps the stages, their names and touchpoint counts"

# Mermaid's own parser.
MERMAID=mermaid@11.17.2 JSDOM=jsdom@29.1.1
if [ ! -d "$CACHE/node_modules/mermaid" ] && command -v npm >/dev/null 2>&1; then
    mkdir -p "$CACHE"
    (cd "$CACHE" && { [ -f package.json ] || echo '{"private": true}' >package.json; } &&
     timeout 300 npm install --no-audit --no-fund --silent $MERMAID $JSDOM) >/dev/null 2>&1
fi
# Import (spec 1.2): ids of at most three words and 24 characters, still
# unique; lang: de for a German diagram; an id shortened by hand still
# finds the long one it begins ("did you mean").
"$BIN" import tests/mermaid/cases/nachzahlung.mmd >"$tmp/nz.yaml" 2>/dev/null
ids=$(sed -n 's/^ *- id: //p' "$tmp/nz.yaml" | tr '\n' ' ')
[ "$ids" = "kontakt rueckruf-kundenservice rueckruf-kundenservice-2 tarifrechnerergebnisseit zahlung abschlag-anpassen-im " ]
check "import: ids of three words and 24 characters at most, unique ($ids)"
printf 'journey\n  section S\n    Tarifrechnerergebnisseitenaufrufbestätigung: 3: K\n    Tarifrechnerergebnisseitenaufrufbestätigungen: 3: K\n    Tarifrechnerergebnisseitenaufrufbestätigungen: 3: K\n' >"$tmp/long.mmd"
"$BIN" import "$tmp/long.mmd" 2>/dev/null | sed -n 's/^      - id: //p' >"$tmp/long.ids"
[ "$(sort -u "$tmp/long.ids" | wc -l)" = 3 ] && [ -z "$(awk 'length($0) > 24' "$tmp/long.ids")" ]
check "import: numbered ids stay unique within 24 characters"
grep -q '^lang: de ' "$tmp/nz.yaml" && "$BIN" check "$tmp/nz.yaml" >/dev/null; check "import: a German diagram gets lang: de and checks"
! "$BIN" import tests/mermaid/cases/docs-example.mmd 2>/dev/null | grep -q '^lang:'; check "import: an English diagram gets no lang line"
printf 'journey: T\nstages:\n  - id: s\n    touchpoints:\n      - {id: rueckruf-kundenservice-zur-nachzahlung, name: A, channel: phone, score: 3, next: [rueckruf-kundenservice]}\n' >"$tmp/pre.yaml"
"$BIN" check "$tmp/pre.yaml" | grep -q "unknown touchpoint 'rueckruf-kundenservice' in next (did you mean 'rueckruf-kundenservice-zur-nachzahlung'?)"
check "check: a shortened id suggests the one id it begins"

if [ -d "$CACHE/node_modules/mermaid" ] && [ -d "$CACHE/node_modules/jsdom" ]; then
    cp $M/validate.mjs "$CACHE/validate.mjs"
    for j in journeys/*.yaml tests/render/hostile.yaml $M/special.yaml; do
        n=$(basename "$j" .yaml)
        "$BIN" export --to json "$j" >"$tmp/$n.json"
        "$BIN" export --to mermaid "$j" >"$tmp/$n.mmd"
        node "$CACHE/validate.mjs" "$tmp/$n.json" "$tmp/$n.mmd" >"$tmp/v.out" 2>&1
        check "Mermaid's parser reads $j as cjm meant it"
        [ $? = 0 ] || cat "$tmp/v.out"
    done
    for f in $M/cases/docs-example.mmd $M/cases/constructs.mmd; do
        "$BIN" import "$f" >"$tmp/i.yaml" 2>/dev/null
        "$BIN" export --to json "$tmp/i.yaml" >"$tmp/i.json"
        "$BIN" export --to mermaid "$tmp/i.yaml" >"$tmp/i.mmd"
        node "$CACHE/validate.mjs" "$tmp/i.json" "$tmp/i.mmd" >/dev/null 2>&1; check "Mermaid reads the export of the import of $f"
    done
else
    skip mermaid "npm could not install $MERMAID and $JSDOM; the checks against Mermaid's parser did not run"
fi

echo "mermaid: $passed passed, $failed failed${skipped:+, $skipped skipped}"
[ "$failed" = 0 ]
