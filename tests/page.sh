#!/bin/sh
# End-to-end tests of `cjm render --page` and `--detail` (issues 10, 19):
# each preset gives its exact page in every format, and every example and
# test journey, in every view and on every page, is measured on the page
# it was drawn for (tests/render/pagefit.awk, crossings.awk): nothing off
# the page, no link through a card, no arrowhead inside a card, the
# drawing covering most of the page, the smallest text and the card names
# at the page's floors, and full detail wherever spec 1.2 promises it.
# By default the matrix measures online-shop, both 20-touchpoint German
# fixtures and the hostile one; `--matrix` (make check-deep) every journey.
set -u
BIN=${1:?usage: tests/page.sh BIN [--matrix]}
if [ "${2:-}" = --matrix ]; then
    MATRIX="journeys/*.yaml tests/render/*.yaml"
else
    MATRIX="journeys/online-shop.yaml tests/render/lange-woerter.yaml tests/render/acht-phasen.yaml tests/render/hostile.yaml"
fi
UPDATE=
. tests/e2e-lib.sh

# ---- page sizes -----------------------------------------------------------
# preset, ISO width x height in mm (the slide: px), SVG units
for row in "a4 297 210 mm" "a3 420 297 mm" "a2 594 420 mm" "a1 841 594 mm" \
           "a0 1189 841 mm" "slide 1920 1080 px"; do
    set -- $row
    p=$1 w=$2 h=$3 unit=$4
    "$BIN" render --page "$p" -T pdf -o "$tmp/p.pdf" journeys/online-shop.yaml >/dev/null 2>&1
    box=$(grep -a -o '/MediaBox \[[^]]*\]' "$tmp/p.pdf" | head -1)
    # PDF points: mm / 25.4 * 72, or the slide's 1920 x 1080 px at 96 dpi.
    echo "$box" | awk -v w="$w" -v h="$h" -v u="$unit" '{
        k = u == "px" ? 0.75 : 72 / 25.4
        gsub(/[][]/, ""); exit !($4 - w * k <= 1 && w * k - $4 <= 1 &&
                                 $5 - h * k <= 1 && h * k - $5 <= 1) }'
    check "page $p: the PDF page is ${w}x$h $unit ($box)"

    "$BIN" render --page "$p" -T png -o "$tmp/p.png" journeys/online-shop.yaml >/dev/null 2>&1
    # The PNG's IHDR: width and height as big-endian 32-bit numbers.
    od -An -tu1 -j16 -N8 "$tmp/p.png" | awk -v w="$w" -v h="$h" -v u="$unit" '{
        pw = (($1 * 256 + $2) * 256 + $3) * 256 + $4
        ph = (($5 * 256 + $6) * 256 + $7) * 256 + $8
        k = u == "px" ? 1 : 150 / 25.4
        exit !(pw - w * k <= 1 && w * k - pw <= 1 && ph - h * k <= 1 && h * k - ph <= 1) }'
    check "page $p: the PNG is ${w}x$h $unit at 150 dpi (or 1920x1080 px)"

    "$BIN" render --page "$p" -o "$tmp/p.svg" journeys/online-shop.yaml >/dev/null 2>&1
    grep -q "<svg width=\"$w$unit\" height=\"$h$unit\"" "$tmp/p.svg" &&
    grep -q 'viewBox="0.00 0.00 ' "$tmp/p.svg"; check "page $p: the SVG is $w x $h $unit with a viewBox"
done
"$BIN" render -T pdf -o "$tmp/auto.pdf" journeys/online-shop.yaml >/dev/null 2>&1
[ "$(head -c 5 "$tmp/auto.pdf" 2>/dev/null)" = "%PDF-" ] &&
    grep -a -q '/MediaBox \[' "$tmp/auto.pdf" &&
    ! grep -a -q '/MediaBox \[ 0 0 842 595 \]' "$tmp/auto.pdf"; check "page auto: the PDF is written and sized to the drawing"
expect "page: an unknown page is a usage error" 2 "$BIN" render --page letter journeys/online-shop.yaml

# ---- every journey, view and page ----------------------------------------
# The floors of spec 1.2 ("Pages and detail"), for every journey of up to
# 20 touchpoints and 8 stages, in every view: 7 pt text and 9 pt card
# names on paper, 14 px and 18 px on the slide.
floor() { case $1 in slide) echo 14 ;; *) echo 7 ;; esac; }
names() { case $1 in slide) echo 18 ;; *) echo 9 ;; esac; }
: >"$tmp/matrix"
for j in $MATRIX; do
    id=$(basename "$j" .yaml)
    n=$("$BIN" report --format json "$j" | grep -o '"touchpoints": [0-9]*' | head -1 | grep -o '[0-9]*$')
    for v in map flow channels; do
        for p in a4 a3 a2 a1 a0 slide; do
            "$BIN" render --view $v --page $p -o "$tmp/m.svg" "$j" >/dev/null 2>"$tmp/m.err"
            rc=$?
            fit=$(awk -f tests/render/pagefit.awk "$tmp/m.svg")
            x=$(awk -f tests/render/crossings.awk "$tmp/m.svg" | tail -2 | cut -d' ' -f1 | tr '\n' ' ')
            warned=$(grep -c "warning: on $p the smallest" "$tmp/m.err")
            digest=$(grep -c "note: on $p the $v is drawn as a digest" "$tmp/m.err")
            echo "$id $v $p $(floor $p) $(names $p) $rc $x$warned $digest $n $fit" >>"$tmp/matrix"
        done
    done
done
[ "$(wc -l <"$tmp/matrix")" -ge 54 ] && [ -z "$(awk 'NF < 23' "$tmp/matrix")" ]
check "page: the matrix measured $(wc -l <"$tmp/matrix") drawings"
# Columns: id view page floor names-floor rc heads-in-cards crossings
# warned noted touchpoints-ish, then pagefit's "page W H unit text T
# coverage C clipped K names N" ($12 .. $23).
bad() { awk "$1" "$tmp/matrix"; }
show() { bad "$1" | head -5; }
[ -z "$(bad '$6 != 0 || $21 != 0')" ]; check "page: every journey draws on every page, nothing off the page"
show '$6 != 0 || $21 != 0'
[ -z "$(bad '$8 != 0')" ]; check "page: no link crosses a card on any page"
show '$8 != 0'
[ -z "$(bad '$7 != 0')" ]; check "page: no arrowhead lies inside a card on any page"
show '$7 != 0'
# Measured from the SVG (its scale has two decimals: 1 % either way).
[ -z "$(bad '$17 < $4 * 0.99')" ]; check "page: the smallest text meets the page's floor everywhere"
show '$17 < $4 * 0.99'
[ -z "$(bad '$23 < $5 * 0.99')" ]; check "page: card names meet the page's floor everywhere"
show '$23 < $5 * 0.99'
[ -z "$(bad '$9 != 0')" ]; check "page: cjm warns of no drawing under its floor"
show '$9 != 0'
# Full detail fits A2 and larger for every journey, and A3 for up to 14
# touchpoints: there auto never falls back to the digest.
[ -z "$(bad '$10 != 0 && ($3 == "a2" || $3 == "a1" || $3 == "a0" || ($3 == "a3" && $11 <= 14))')" ]
check "page: full detail on A2 and larger, and on A3 up to 14 touchpoints"
show '$10 != 0 && ($3 == "a2" || $3 == "a1" || $3 == "a0" || ($3 == "a3" && $11 <= 14))'
# The drawing covers at least 60 % of the page, except the two-touchpoint
# hostile fixture, whose few cards cannot without outgrowing the page's
# width (its long title and persona set it).
[ -z "$(bad '$19 < 0.6 && $1 != "hostile"')" ]
check "page: the drawing covers at least 60 % of the page"
show '$19 < 0.6 && $1 != "hostile"'

# ---- detail -------------------------------------------------------------
"$BIN" render --page a3 --detail digest -T dot -o "$tmp/d.dot" journeys/online-shop.yaml >/dev/null
"$BIN" render --page a3 --detail full -T dot -o "$tmp/f.dot" journeys/online-shop.yaml >/dev/null
! grep -q -E '^	(fr|opp|voice)[0-9]' "$tmp/d.dot" && grep -q -E '^	fr[0-9]' "$tmp/f.dot" &&
! grep -q '>CSAT' "$tmp/d.dot" && grep -q '>CSAT' "$tmp/f.dot"
check "detail: the digest has no callouts and no KPI lines; full detail has both"
# online-shop has friction on five touchpoints, two points on one.
grep -q '▲ 2' "$tmp/d.dot" && [ "$(grep -o '▲ [0-9]' "$tmp/d.dot" | wc -l)" = 5 ]
check "detail: a digest card carries one friction mark with its count (▲ 2)"
"$BIN" render --page a3 -T dot -o "$tmp/a.dot" journeys/online-shop.yaml >/dev/null
cmp -s "$tmp/a.dot" "$tmp/f.dot"; check "detail: auto is full detail on A3 for a 14-touchpoint journey"
"$BIN" render --page a4 -T dot -o "$tmp/a4.dot" journeys/online-shop.yaml >/dev/null
"$BIN" render --page a4 --detail digest -T dot -o "$tmp/d4.dot" journeys/online-shop.yaml >/dev/null
cmp -s "$tmp/a4.dot" "$tmp/d4.dot"; check "detail: auto is the digest on A4"
"$BIN" render --page a3 -o "$tmp/n.svg" tests/render/acht-phasen.yaml >/dev/null 2>"$tmp/n.err"
grep -q "acht-phasen.yaml: note: on a3 the map is drawn as a digest; the full drawing takes a2 (--page a2), or ask for it with --detail full" "$tmp/n.err"
check "detail: auto falls back to the digest on A3 for 20 touchpoints, and names the page full detail takes"
"$BIN" render -T dot -o "$tmp/auto.dot" --detail digest journeys/online-shop.yaml >/dev/null
grep -q -E '^	fr[0-9]' "$tmp/auto.dot"; check "detail: without a page the drawing is full, whatever --detail says"
expect "detail: an unknown detail is a usage error" 2 "$BIN" render --page a3 --detail some journeys/online-shop.yaml

# ---- what the page changes in the layout -----------------------------------
# The score band takes the height a short journey leaves on the page.
band() { grep -A4 "^	$2	" "$1" | grep -o 'pos="[0-9.]*,[0-9.]*' | sed 's/.*,//'; }
"$BIN" render --page a3 -T dot -o "$tmp/h.dot" tests/render/hostile.yaml >/dev/null
"$BIN" render --page a3 -T dot -o "$tmp/o.dot" journeys/online-shop.yaml >/dev/null
hb=$(awk "BEGIN { print $(band "$tmp/h.dot" scale0) - $(band "$tmp/h.dot" scale2) }")
ob=$(awk "BEGIN { print $(band "$tmp/o.dot" scale0) - $(band "$tmp/o.dot" scale2) }")
awk "BEGIN { exit !($hb > 2 * $ob) }"; check "page: a short journey's score band takes the spare height ($hb pt against $ob)"
# Stages wrap into rows on a page: online-shop's map on A3 has two.
[ "$(grep -c '^	stage[0-9]' "$tmp/o.dot")" = 6 ] &&
[ "$(grep -c '^	guide[0-9]*_r1' "$tmp/o.dot")" = 3 ]; check "page: the A3 map wraps its stages into two rows"
# The flow's rows read top-down: the first touchpoint stands above the last.
"$BIN" render --view flow --page a3 -o "$tmp/f.svg" journeys/online-shop.yaml >/dev/null
y0=$(xmllint --xpath "string(//*[local-name()='text'][.='Instagram ad']/@y)" "$tmp/f.svg")
y1=$(xmllint --xpath "string(//*[local-name()='text'][.='the app']/@y)" "$tmp/f.svg")
awk "BEGIN { exit !($y0 < $y1) }"; check "page: the flow's rows stack from the top ($y0 above $y1)"
# A page too small for full detail still gets it when asked, with a
# warning that says what to do.
"$BIN" render --page a4 --detail full -o "$tmp/w.svg" journeys/online-shop.yaml >/dev/null 2>"$tmp/w.err"
rc=$?
[ $rc = 0 ] && [ -s "$tmp/w.svg" ] &&
grep -q "online-shop.yaml: warning: on a4 the smallest text is [0-9.]* pt, less than the 7 pt a reader needs; draw the digest (--detail digest) or use a larger --page" "$tmp/w.err"
check "page: full detail on A4 is drawn, with a warning"

echo "page: $passed passed, $failed failed"
[ "$failed" = 0 ]
