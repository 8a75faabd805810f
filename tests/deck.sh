#!/bin/sh
# End-to-end tests of `cjm deck` (issue 19, spec "Deck"): the PDF's page
# count and page size, one numbered 1920 x 1080 file per slide, every
# slide at the slide's floors (14 px text, 18 px card names; measured by
# tests/render/pagefit.awk) with nothing off it, a long stage going on
# over several slides, the comparison, German words, and every
# touchpoint, friction point, opportunity and quote on some slide.
set -u
BIN=${1:?usage: tests/deck.sh BIN}
UPDATE=
. tests/e2e-lib.sh

# A deck as SVG slides in folder $2; prints how many slides.
svgs() { rm -rf "$2"; "$BIN" deck -T svg -o "$2" ${3:-} "$1" >/dev/null 2>"$tmp/err" && ls "$2" | wc -l; }

# ---- the PDF --------------------------------------------------------------
"$BIN" deck -o "$tmp/shop.pdf" journeys/online-shop.yaml >"$tmp/out" 2>&1
rc=$?
[ $rc = 0 ] && [ "$(head -c 5 "$tmp/shop.pdf")" = "%PDF-" ] && grep -q "$tmp/shop.pdf" "$tmp/out"
check "deck: writes one PDF and names it"
pages=$(grep -a -c '/Type /Page\b' "$tmp/shop.pdf")
[ "$pages" = 8 ] && grep -a -q '/Count 8' "$tmp/shop.pdf"
check "deck: online-shop has 8 slides: title, 6 stages, where it hurts ($pages)"
[ "$(grep -a -o '/MediaBox \[[^]]*\]' "$tmp/shop.pdf" | sort -u)" = "/MediaBox [ 0 0 960 540 ]" ]
check "deck: every page is 960 x 540 pt"
"$BIN" deck -o "$tmp/again.pdf" journeys/online-shop.yaml >/dev/null 2>&1
cmp -s "$tmp/shop.pdf" "$tmp/again.pdf"; check "deck: the same journey gives the same PDF bytes"
"$BIN" deck -o "$tmp/dflt/" journeys/online-shop.yaml >/dev/null 2>&1
[ -s "$tmp/dflt/online-shop.deck.pdf" ]; check "deck: a folder -o takes out/<id>.deck.pdf's name"

# ---- slides: PNG and SVG --------------------------------------------------
rm -rf "$tmp/png"; "$BIN" deck -T png -o "$tmp/png" journeys/online-shop.yaml >/dev/null 2>&1
[ "$(ls "$tmp/png" | tr '\n' ' ')" = "01.png 02.png 03.png 04.png 05.png 06.png 07.png 08.png " ]
check "deck -T png: one file per slide, 01.png ... 08.png"
od -An -tu1 -j16 -N8 "$tmp/png/03.png" | awk '{ exit !((($1*256+$2)*256+$3)*256+$4 == 1920 && (($5*256+$6)*256+$7)*256+$8 == 1080) }'
check "deck -T png: a slide is 1920 x 1080 px"
for j in journeys/online-shop.yaml tests/render/acht-phasen.yaml tests/deck/long-stage.yaml tests/render/lange-woerter.yaml; do
    id=$(basename "$j" .yaml)
    n=$(svgs "$j" "$tmp/$id")
    [ "${n:-0}" -ge 3 ]; check "deck -T svg: $id has $n slides"
    k=0 bad=""
    for f in "$tmp/$id"/*.svg; do
        k=$((k + 1))
        set -- $(awk -f tests/render/pagefit.awk "$f")
        # page W H unit text T coverage C clipped K names N
        awk -v t="$6" -v c="${10}" -v nm="${12}" 'BEGIN { exit !(t >= 14 * 0.99 && c == 0 && (nm == 0 || nm >= 18 * 0.99)) }' ||
            bad="$bad $(basename "$f"):text=$6,names=${12},clipped=${10}"
        grep -q "class=\"slide-number\"[^>]*>$k / $n<" "$f" || bad="$bad $(basename "$f"):number"
        grep -q '<svg width="1920px" height="1080px"' "$f" || bad="$bad $(basename "$f"):size"
    done
    [ -z "$bad" ]; check "deck: every slide of $id meets 14 px and 18 px, is numbered k / $n and 1920 x 1080"
    [ -z "$bad" ] || echo "   $bad"
done
# Nine touchpoints in one stage go on over two slides, numbered within it.
grep -l '1 / 2' "$tmp/long-stage"/*.svg >/dev/null && grep -l '2 / 2' "$tmp/long-stage"/*.svg >/dev/null &&
[ "$(ls "$tmp/long-stage" | wc -l)" = 5 ]
check "deck: a stage of nine touchpoints goes on over two slides (title, buy, return 1 and 2, where it hurts)"

# ---- every touchpoint, friction point, opportunity and quote -------------
# The deck's words, letters and digits only (lines are wrapped and words
# hyphenated), against each item of the journey, likewise: every name
# (journey, persona, stage, touchpoint), friction text, opportunity and
# quote.
norm() { sed -e 's/&#45;/-/g; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g' | LC_ALL=C tr -cd '[:alnum:]\n'; }
items() {
    "$BIN" export --to json "$1" |
    grep -o -E '"(name|text|quote)": "([^"\\]|\\.)*"|"opportunities": \[[^]]*\]' |
    sed -E 's/^"(name|text|quote)": "//; s/"$//; s/^"opportunities": \[//; s/\]$//' |
    sed 's/", "/\n/g; s/^"//; s/"$//' | grep -v '^$'
}
for j in journeys/online-shop.yaml tests/render/acht-phasen.yaml tests/deck/long-stage.yaml; do
    id=$(basename "$j" .yaml)
    cat "$tmp/$id"/*.svg | grep -o '>[^<]*</text>' | sed 's/^>//; s/<\/text>$//' | tr -d '\n' | norm >"$tmp/words"
    missing=""
    items "$j" >"$tmp/items"
    while IFS= read -r item; do
        w=$(printf '%s' "$item" | norm)
        [ -z "$w" ] || grep -q -F -- "$w" "$tmp/words" || missing="$missing [$item]"
    done <"$tmp/items"
    [ -z "$missing" ] && [ "$(wc -l <"$tmp/items")" -ge 10 ]
    check "deck: every touchpoint, friction point, opportunity and quote of $id is on a slide ($(wc -l <"$tmp/items") items)"
    [ -z "$missing" ] || echo "   missing:$missing"
done

w=$(printf '%s' "Zebra crossing at midnight" | norm)
! grep -q -F -- "$w" "$tmp/words"; check "control: an item on no slide is seen as missing"

# ---- language, comparison, errors ----------------------------------------
grep -q 'Wo es wehtut' "$tmp/acht-phasen"/*.svg && grep -q 'CHANCE' "$tmp/acht-phasen"/*.svg
check "deck: a German journey's deck speaks German"
n=$(svgs journeys/online-shop-future.yaml "$tmp/cmp" "--compare journeys/online-shop.yaml")
grep -q 'What changed' "$tmp/cmp"/*.svg && grep -q 'Largest score changes' "$tmp/cmp"/*.svg && [ "${n:-0}" -ge 9 ]
check "deck --compare: ends with what changed ($n slides)"
grep -q 'journey index 3,\?[0-9.]* → ' "$tmp/cmp/$(ls "$tmp/cmp" | tail -1)"
check "deck --compare: the index old → new"
rm -f "$tmp/bad.pdf"
expect "deck: a journey with errors gets no deck (exit 1)" 1 "$BIN" deck -o "$tmp/bad.pdf" tests/e2e/cases/unknown-reference.yaml
[ ! -e "$tmp/bad.pdf" ]; check "deck: no file is left for a journey with errors"
expect "deck: an unknown format is a usage error" 2 "$BIN" deck -T gif journeys/online-shop.yaml

echo "deck: $passed passed, $failed failed"
[ "$failed" = 0 ]
