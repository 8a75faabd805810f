#!/bin/sh
# End-to-end tests of `cjm render --page` (issue 10): each preset gives its
# exact page in every format, and every example and test journey, in every
# view and on every page, is measured on the page it was drawn for
# (tests/render/pagefit.awk): nothing off the page, no link through a card,
# the drawing covering most of the page, and the smallest text either at
# the page's floor (7 pt on A4 and A3, 9 pt on A2, 12 pt on A1 and A0,
# 14 px on a slide) or reported by cjm's warning.  The floors are asserted
# outright where cjm meets them today (see the README's table); the
# warning check ties cjm's figure to the measured one.
# By default the matrix measures online-shop and the 20-touchpoint German
# fixture; `--matrix` (make check-deep) measures every journey.
set -u
BIN=${1:?usage: tests/page.sh BIN [--matrix]}
if [ "${2:-}" = --matrix ]; then
    MATRIX="journeys/*.yaml tests/render/*.yaml"
else
    MATRIX="journeys/online-shop.yaml tests/render/lange-woerter.yaml"
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
floor() { case $1 in a4|a3) echo 7 ;; a2) echo 9 ;; a1|a0) echo 12 ;; slide) echo 14 ;; esac; }
: >"$tmp/matrix"
for j in $MATRIX; do
    id=$(basename "$j" .yaml)
    for v in map flow channels; do
        for p in a4 a3 a2 a1 a0 slide; do
            "$BIN" render --view $v --page $p -o "$tmp/m.svg" "$j" >/dev/null 2>"$tmp/m.err"
            rc=$?
            fit=$(awk -f tests/render/pagefit.awk "$tmp/m.svg")
            cross=$(awk -f tests/render/crossings.awk "$tmp/m.svg" | tail -1 | cut -d' ' -f1)
            warned=$(grep -c "warning: on $p the smallest text is" "$tmp/m.err")
            echo "$id $v $p $(floor $p) $rc $cross $warned $fit" >>"$tmp/matrix"
        done
    done
done
[ "$(wc -l <"$tmp/matrix")" -ge 36 ] && [ -z "$(awk 'NF < 17' "$tmp/matrix")" ]
check "page: the matrix measured $(wc -l <"$tmp/matrix") drawings"
# Columns: id view page floor rc crossings warned, then pagefit's
# "page W H unit text T coverage C clipped K" ($8 .. $17).
bad() { awk "$1" "$tmp/matrix"; }
[ -z "$(bad '$5 != 0 || $17 != 0')" ]; check "page: every journey draws on every page, nothing off the page"
bad '$5 != 0 || $17 != 0' | head -5
[ -z "$(bad '$6 != 0')" ]; check "page: no link crosses a card on any page"
bad '$6 != 0' | head -5
# Measured from the SVG (its scale has two decimals, so 1 % either way is
# left to chance): text under the floor is never silent, text over it
# never warned about.
[ -z "$(bad '($13 < $4 * 0.99 && $7 == 0) || ($13 > $4 * 1.01 && $7 != 0)')" ]
check "page: cjm warns exactly when the text is under the page's floor"
bad '($13 < $4 * 0.99 && $7 == 0) || ($13 > $4 * 1.01 && $7 != 0)' | head -5
# The floors cjm meets today: the two journeys the issue names in every
# view from A3 up; every journey's map and flow from A3 up; every journey
# and view from A2 up.  (By cjm's own figure, the one the warning gives:
# the SVG's two-decimal scale is too coarse at the edge.)
[ -z "$(bad '($1 == "online-shop" || $1 == "girokonto-eroeffnung") && $3 != "a4" && $3 != "slide" && $7 != 0')" ]
check "page: online-shop and girokonto-eroeffnung reach the text floor on A3, A2, A1 and A0 in every view"
bad '($1 == "online-shop" || $1 == "girokonto-eroeffnung") && $3 != "a4" && $3 != "slide" && $7 != 0' | head -5
[ -z "$(bad '$2 != "channels" && $3 == "a3" && $7 != 0')" ]; check "page: every journey's map and flow reach the floor on A3"
bad '$2 != "channels" && $3 == "a3" && $7 != 0' | head -5
[ -z "$(bad '($3 == "a2" || $3 == "a1" || $3 == "a0") && $7 != 0')" ]; check "page: every journey reaches the floor on A2, A1 and A0"
bad '($3 == "a2" || $3 == "a1" || $3 == "a0") && $7 != 0' | head -5
# A journey's drawing fills its page: at least 60 % of it, except the
# three-touchpoint hostile fixture, whose few cards cannot (its flow is a
# short wide strip, its channels view a single small sheet).
[ -z "$(bad '$15 < 0.6 && $1 != "hostile"')" ]
check "page: the drawing covers at least 60 % of the page"
bad '$15 < 0.6 && $1 != "hostile"' | head -5

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
# A page too small for the journey still gets its drawing, with a warning.
"$BIN" render --page a4 -o "$tmp/w.svg" journeys/online-shop.yaml >/dev/null 2>"$tmp/w.err"
rc=$?
[ $rc = 0 ] && [ -s "$tmp/w.svg" ] &&
grep -q "online-shop.yaml: warning: on a4 the smallest text is [0-9.]* pt, less than the 7 pt a reader needs" "$tmp/w.err"
check "page: A4 is too small for online-shop: drawn, with a warning"

echo "page: $passed passed, $failed failed"
[ "$failed" = 0 ]
